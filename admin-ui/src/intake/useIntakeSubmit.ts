import { useCallback, useRef, useState } from 'react';
import { useCreatePath, useNavigate, useNotify } from 'react-admin';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { errorMessageOf, fieldErrorsOf, focusFirstError, inputNamed } from './fieldErrors';
import type { FieldError } from './inputTypes';
import type { SubmittedApplication } from './intakeApi';
import { useServerErrors } from './ServerErrors';
import type { PreparedInput } from './toInput';

/**
 * Sends a form to the API and, when it is refused with BAD_USER_INPUT, puts every `fieldErrors[].path` on the
 * field of that name (the form's names are the API's input names), lists them all in the summary, notifies
 * the count and moves the focus to the first one on the page. Nothing is checked here before sending.
 */
export const useIntakeSubmit = <V extends FieldValues, P extends PreparedInput<unknown>, R>({
  formId,
  prepare,
  send,
  onSuccess,
}: {
  formId: string;
  prepare: (values: V) => P;
  send: (prepared: P) => Promise<R>;
  onSuccess: (result: R, values: V) => void;
}) => {
  const { handleSubmit, setError, clearErrors } = useFormContext<V>();
  const { setErrors } = useServerErrors();
  const notify = useNotify();
  const [submitting, setSubmitting] = useState(false);
  // A second click while the first request is out must not send the form twice.
  const inFlight = useRef(false);

  const showFieldErrors = useCallback(
    (errors: FieldError[]) => {
      const root = document.getElementById(formId) ?? document;
      setErrors(errors);
      for (const e of errors) {
        if (inputNamed(root, e.path)) setError(e.path as never, { type: 'server', message: e.message });
      }
      notify('resources.intake.messages.invalid', { type: 'error', messageArgs: { smart_count: errors.length } });
      // After React has rendered the messages (a group's error slot appears only then).
      window.setTimeout(() => focusFirstError(root, errors.map((e) => e.path)), 50);
    },
    [formId, notify, setError, setErrors],
  );

  const submit = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    clearErrors();
    setErrors([]);
    await handleSubmit(async (values) => {
      setSubmitting(true);
      const prepared = prepare(values);
      try {
        const result = await send(prepared);
        onSuccess(result, values);
      } catch (error) {
        const fieldErrors = fieldErrorsOf(error).map((e) => ({ ...e, path: prepared.remap(e.path) }));
        if (fieldErrors.length > 0) showFieldErrors(fieldErrors);
        else notify(errorMessageOf(error), { type: 'error' });
      } finally {
        setSubmitting(false);
      }
    })().finally(() => {
      inFlight.current = false;
    });
  }, [clearErrors, setErrors, handleSubmit, prepare, send, onSuccess, showFieldErrors, notify]);

  return { submit, submitting };
};

/**
 * What an intake form does once the server registered it: nothing is left unsaved (leaving must not ask), the
 * 申込受付番号 is said and the new application opens.
 */
export const useOpenSubmitted = () => {
  const { reset, getValues } = useFormContext();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const notify = useNotify();
  return useCallback(
    (result: SubmittedApplication) => {
      reset(getValues());
      notify('resources.intake.messages.submitted', { type: 'success', messageArgs: { receiptNo: result.receiptNo } });
      navigate(createPath({ resource: 'applications', id: result.id, type: 'show' }));
    },
    [reset, getValues, notify, navigate, createPath],
  );
};
