import DifferenceIcon from '@mui/icons-material/Difference';
import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { DateTimeText, Val } from '../components/display';
import { RollbackButton } from './RollbackButton';
import { VersionDiffDialog } from './VersionDiffDialog';
import type { NotificationTemplate, ReturnedTemplate, TemplateDraft, TemplateVersion } from './templateTypes';


/**
 * 版の履歴 (newest first): who saved each version and when; any version compared line by line with the draft in
 * the editor; supervisors roll back to an older one (which becomes a new version).
 */
export const VersionHistory = ({
  template,
  draft,
  baseVersion,
  dirty,
  canRollback,
  onRolledBack,
}: {
  template: NotificationTemplate;
  draft: TemplateDraft;
  baseVersion: number;
  dirty: boolean;
  canRollback: boolean;
  onRolledBack: (template: ReturnedTemplate) => void;
}) => {
  const translate = useTranslate();
  const [compared, setCompared] = useState<TemplateVersion | null>(null);
  return (
    <Box data-testid="template-history">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
        {translate('naccs.templates.history.title')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('naccs.templates.history.version')}</TableCell>
            <TableCell>{translate('naccs.templates.history.created_by')}</TableCell>
            <TableCell>{translate('naccs.templates.history.created_at')}</TableCell>
            <TableCell>{translate('resources.templates.fields.subject')}</TableCell>
            <TableCell>{translate('naccs.templates.history.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {template.versions.map((v) => (
            <TableRow key={v.version} data-testid={`version-row-${v.version}`} selected={v.version === baseVersion && dirty}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Stack direction="row" spacing={0.5} alignItems="center">
                  <span>{translate('naccs.templates.version', { version: v.version })}</span>
                  {v.version === template.version ? <Chip size="small" color="primary" label={translate('naccs.templates.history.latest')} /> : null}
                </Stack>
              </TableCell>
              <TableCell>
                <Val>{v.createdBy ?? (v.version === 1 ? translate('naccs.templates.history.default') : null)}</Val>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DateTimeText value={v.createdAt} />
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{v.subject}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Button size="small" startIcon={<DifferenceIcon />} onClick={() => setCompared(v)} data-testid={`diff-${v.version}`}>
                  {translate('naccs.templates.history.diff')}
                </Button>
                {canRollback && v.version !== template.version ? (
                  <RollbackButton
                    templateKey={template.key}
                    version={v.version}
                    latestVersion={template.version}
                    dirty={dirty}
                    onDone={onRolledBack}
                  />
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {compared ? (
        <VersionDiffDialog
          open
          onClose={() => setCompared(null)}
          version={compared}
          draft={draft}
          actions={
            canRollback && compared.version !== template.version ? (
              <RollbackButton
                templateKey={template.key}
                version={compared.version}
                latestVersion={template.version}
                dirty={dirty}
                variant="outlined"
                onDone={(t) => {
                  setCompared(null);
                  onRolledBack(t);
                }}
              />
            ) : null
          }
        />
      ) : null}
    </Box>
  );
};
