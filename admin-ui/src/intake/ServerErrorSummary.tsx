import { Alert, AlertTitle, Link, List, ListItem } from '@mui/material';
import type { MouseEvent } from 'react';
import { useTranslate } from 'react-admin';
import { focusFirstError } from './fieldErrors';
import { useServerErrors } from './ServerErrors';

/** Every field error of the last refused submission, each a link to its field. */
export const ServerErrorSummary = () => {
  const { errors } = useServerErrors();
  const translate = useTranslate();
  if (errors.length === 0) return null;
  const go = (path: string) => (e: MouseEvent<HTMLElement>) => {
    e.preventDefault();
    focusFirstError(e.currentTarget.closest('form') ?? document, [path]);
  };
  return (
    <Alert severity="error" sx={{ mb: 2 }} data-testid="intake-error-summary">
      <AlertTitle>{translate('resources.intake.messages.invalid', { smart_count: errors.length })}</AlertTitle>
      <List dense disablePadding sx={{ listStyle: 'disc', pl: 2, maxHeight: 240, overflowY: 'auto' }}>
        {errors.map((e, i) => (
          <ListItem key={`${e.path}-${i}`} disablePadding sx={{ display: 'list-item' }}>
            <Link component="button" type="button" onClick={go(e.path)} underline="hover" sx={{ textAlign: 'left' }}>
              {e.message}
            </Link>
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};
