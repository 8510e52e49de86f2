import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { FieldError } from './inputTypes';

interface ServerErrorsValue {
  /** Every field error of the last refused submission, in the server's order. */
  errors: FieldError[];
  setErrors: (errors: FieldError[]) => void;
}

const ServerErrorsContext = createContext<ServerErrorsValue>({ errors: [], setErrors: () => undefined });

/**
 * Holds the `fieldErrors` of the last refused submission for the summary and for the error slots of groups
 * (a list that must have a row, a set of boxes) that have no input of their own. Errors of single inputs are
 * also set on the form (react-hook-form `setError`) and show under the input.
 */
export const ServerErrors = ({ children }: { children: ReactNode }) => {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const value = useMemo(() => ({ errors, setErrors }), [errors]);
  return <ServerErrorsContext.Provider value={value}>{children}</ServerErrorsContext.Provider>;
};

export const useServerErrors = (): ServerErrorsValue => useContext(ServerErrorsContext);
