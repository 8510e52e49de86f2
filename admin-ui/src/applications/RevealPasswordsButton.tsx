import VisibilityIcon from '@mui/icons-material/Visibility';
import { Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';

/** 「パスワードを表示」: after a confirmation that says the reveal is recorded (履歴 and 監査ログ). */
export const RevealPasswordsButton = ({ onReveal, busy }: { onReveal: () => Promise<void>; busy?: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        variant="contained"
        startIcon={busy ? <CircularProgress size={14} color="inherit" /> : <VisibilityIcon />}
        onClick={() => setOpen(true)}
        disabled={busy}
        data-testid="reveal-passwords"
      >
        {translate('naccs.id_notice.reveal')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="naccs.id_notice.reveal_title"
        content="naccs.id_notice.reveal_content"
        confirm="naccs.id_notice.reveal"
        onConfirm={async () => {
          await onReveal();
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
