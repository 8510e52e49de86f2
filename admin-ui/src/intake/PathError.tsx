import { FormHelperText } from '@mui/material';
import { useWrappedSource } from 'react-admin';
import { useServerErrors } from './ServerErrors';

/**
 * The error slot of a group without an input of its own (`userCodes`, `lines`, `office.emergencyFaxes`,
 * `userCodes.0.userIds`, `attachments`…): shows the server's messages for exactly that path. `source` is
 * relative to the row when used inside an ArrayInput, like an input's.
 */
export const PathError = ({ source }: { source: string }) => {
  const path = useWrappedSource(source);
  const { errors } = useServerErrors();
  const messages = errors.filter((e) => e.path === path).map((e) => e.message);
  if (messages.length === 0) return null;
  return (
    <FormHelperText error data-error-path={path} tabIndex={-1} role="alert" sx={{ mx: 0, mb: 1 }}>
      {messages.join(' ')}
    </FormHelperText>
  );
};
