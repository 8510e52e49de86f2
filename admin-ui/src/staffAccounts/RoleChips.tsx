import { Box, Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Role } from '../labels';

/** A staff member's or API key's roles as small chips. */
export const RoleChips = ({ roles }: { roles?: readonly Role[] | null }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {(roles ?? []).map((r) => (
        <Chip key={r} size="small" variant="outlined" color={r === 'ADMIN' ? 'secondary' : 'default'} label={translate(`enums.Role.${r}`, { _: r })} />
      ))}
    </Box>
  );
};
