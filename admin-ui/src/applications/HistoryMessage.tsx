import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

const SHOWN_LINES = 6;

/** A history message with its line breaks; a long one (e.g. a resubmission's changed fields) folds after a few lines. */
export const HistoryMessage = ({ message }: { message: string }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const lines = message.split('\n');
  const long = lines.length > SHOWN_LINES + 2;
  return (
    <>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.5 }}>
        {long && !open ? `${lines.slice(0, SHOWN_LINES).join('\n')}\n…` : message}
      </Typography>
      {long ? (
        <Button size="small" onClick={() => setOpen((o) => !o)} sx={{ px: 0.5, minWidth: 0 }}>
          {translate(open ? 'naccs.history.fold' : 'naccs.history.unfold', { smart_count: lines.length })}
        </Button>
      ) : null}
    </>
  );
};
