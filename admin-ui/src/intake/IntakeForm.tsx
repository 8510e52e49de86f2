import { Box } from '@mui/material';
import type { KeyboardEvent, ReactNode } from 'react';
import { Form } from 'react-admin';
import { ServerErrors } from './ServerErrors';

/**
 * Enter in a one-line box moves on instead of sending a half-filled form (the browser would otherwise submit
 * implicitly). Only the submit button sends; text areas, buttons and open lists keep their own Enter.
 */
const keepEnterFromSubmitting = (e: KeyboardEvent<HTMLElement>) => {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  const target = e.target as HTMLElement;
  if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'button', 'submit'].includes(target.type)) {
    e.preventDefault();
  }
};

/**
 * A react-admin form for one intake step: no client-side rules (the server validates, once), server field
 * errors collected by `ServerErrors`, and an optional warning before leaving with unsaved input.
 */
export const IntakeForm = ({
  id,
  defaultValues,
  warnWhenUnsavedChanges,
  children,
}: {
  id: string;
  defaultValues: object;
  warnWhenUnsavedChanges?: boolean;
  children: ReactNode;
}) => (
  <Form
    id={id}
    defaultValues={defaultValues}
    noValidate
    disableInvalidFormNotification
    warnWhenUnsavedChanges={warnWhenUnsavedChanges}
  >
    <ServerErrors>
      <Box onKeyDown={keepEnterFromSubmitting}>{children}</Box>
    </ServerErrors>
  </Form>
);
