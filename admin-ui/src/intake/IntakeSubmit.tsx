import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { SubmitBar } from './SubmitBar';
import type { PreparedInput } from './toInput';
import { useIntakeSubmit } from './useIntakeSubmit';

/** The submit bar of an intake form, wired to `useIntakeSubmit` (must sit inside the form). */
export const IntakeSubmit = <V extends FieldValues, P extends PreparedInput<unknown>, R>({
  formId,
  label,
  testId,
  prepare,
  send,
  onSuccess,
  children,
}: {
  formId: string;
  label: string;
  testId: string;
  prepare: (values: V) => P;
  send: (prepared: P) => Promise<R>;
  onSuccess: (result: R, values: V) => void;
  children?: ReactNode;
}) => {
  const { submit, submitting } = useIntakeSubmit<V, P, R>({ formId, prepare, send, onSuccess });
  return (
    <SubmitBar label={label} submitting={submitting} onSubmit={() => void submit()} testId={testId}>
      {children}
    </SubmitBar>
  );
};
