import BlockIcon from '@mui/icons-material/Block';
import { Button } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { REVOKE_API_KEY } from '../queries';
import type { ApiKey } from '../types';
import { apiKeyState } from './ApiKeyStatusChip';

/** 失効 (admin): after a confirmation; the integrator using it is refused from then on. */
export const RevokeApiKeyButton = ({ record }: { record: ApiKey }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [open, setOpen] = useState(false);
  if (apiKeyState(record) === 'revoked') return null;
  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<BlockIcon />}
        onClick={(e: MouseEvent) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid={`revoke-${record.prefix}`}
      >
        {translate('resources.apiKeys.revoke')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="resources.apiKeys.revoke_title"
        content="resources.apiKeys.revoke_content"
        confirm="resources.apiKeys.revoke"
        confirmColor="warning"
        translateOptions={{ name: record.name, prefix: record.prefix }}
        onConfirm={async () => {
          await run(REVOKE_API_KEY, { id: record.id }, { success: 'resources.apiKeys.revoked', successArgs: { name: record.name } });
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
