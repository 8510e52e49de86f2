import InboxIcon from '@mui/icons-material/Inbox';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** "Nothing matches" for a list, in the current language. */
export const EmptyState = ({ message, hint }: { message: string; hint?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', py: 6, color: 'text.secondary', width: '100%' }} role="status">
      <InboxIcon sx={{ fontSize: 56, opacity: 0.5 }} />
      <Typography variant="h6" component="p">
        {translate(message)}
      </Typography>
      {hint ? <Typography variant="body2">{translate(hint)}</Typography> : null}
    </Box>
  );
};
