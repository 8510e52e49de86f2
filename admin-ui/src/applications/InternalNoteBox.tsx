import LockIcon from '@mui/icons-material/Lock';
import { Box, Button, CircularProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useServerAction } from '../components/useServerAction';
import { ADD_INTERNAL_NOTE } from '../queries';
import type { Application } from '../types';
import { reviewActionsFor } from './reviewRules';

/** 社内メモ: a note for colleagues in the history; the customer never sees it (reviewers, supervisors, support). */
export const InternalNoteBox = ({ record }: { record: Application }) => {
  const translate = useTranslate();
  const { run, busy } = useServerAction();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!reviewActionsFor(record).internalNote) return null;
  const add = async () => {
    if (!text.trim()) return;
    const outcome = await run(ADD_INTERNAL_NOTE, { id: record.id, message: text.trim() }, { success: 'naccs.note.added' });
    if (outcome.ok) {
      setText('');
      setError(null);
    } else {
      setError(outcome.fieldErrors.map((e) => e.message).join(' ') || null);
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 2, bgcolor: 'action.hover' }} data-testid="internal-note-box">
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <LockIcon fontSize="small" color="action" />
        <Typography variant="subtitle2" component="h3">
          {translate('naccs.note.title')}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('naccs.note.hint')}
        </Typography>
      </Stack>
      <TextField
        fullWidth
        multiline
        minRows={2}
        size="small"
        name="message"
        placeholder={translate('naccs.note.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={!!error}
        helperText={error ?? undefined}
        sx={{ bgcolor: 'background.paper' }}
      />
      <Box sx={{ mt: 1, textAlign: 'right' }}>
        <Button
          size="small"
          variant="outlined"
          onClick={() => void add()}
          disabled={busy || !text.trim()}
          startIcon={busy ? <CircularProgress size={14} color="inherit" /> : <LockIcon fontSize="small" />}
        >
          {translate('naccs.note.add')}
        </Button>
      </Box>
    </Paper>
  );
};
