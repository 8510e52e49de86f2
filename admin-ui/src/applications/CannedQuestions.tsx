import EditIcon from '@mui/icons-material/Edit';
import { Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useStore, useTranslate } from 'react-admin';

/** The questions reviewers send most often; each reviewer can edit the list (kept in this browser). */
export const DEFAULT_CANNED_QUESTIONS = [
  '管理責任者の電話番号をご確認ください。',
  '利用開始希望日が標準日数より短いため、日付をご確認ください。',
  'システム構成図を添付してください。',
  '請求先の情報をご確認ください。',
];

/** Chips that insert a canned question into the 確認事項, and an editor for the list (one question a line). */
export const CannedQuestions = ({ onInsert }: { onInsert: (text: string) => void }) => {
  const translate = useTranslate();
  const [questions, setQuestions] = useStore<string[]>('review.cannedQuestions', DEFAULT_CANNED_QUESTIONS);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  return (
    <Box sx={{ mb: 1 }} data-testid="canned-questions">
      <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          {translate('naccs.return.canned')}
        </Typography>
        <Button
          size="small"
          startIcon={<EditIcon fontSize="small" />}
          onClick={() => {
            setDraft(questions.join('\n'));
            setEditing((e) => !e);
          }}
        >
          {translate(editing ? 'naccs.return.canned_close' : 'naccs.return.canned_edit')}
        </Button>
      </Stack>
      {editing ? (
        <Stack spacing={1} sx={{ mb: 1 }}>
          <TextField
            multiline
            minRows={3}
            size="small"
            label={translate('naccs.return.canned_editor')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Stack direction="row" spacing={1}>
            <Button
              size="small"
              variant="outlined"
              onClick={() => {
                setQuestions(draft.split('\n').map((q) => q.trim()).filter(Boolean));
                setEditing(false);
              }}
            >
              {translate('ra.action.save')}
            </Button>
            <Button size="small" onClick={() => setDraft(DEFAULT_CANNED_QUESTIONS.join('\n'))}>
              {translate('naccs.return.canned_reset')}
            </Button>
          </Stack>
        </Stack>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75 }}>
          {questions.map((q) => (
            <Chip key={q} label={q} size="small" variant="outlined" onClick={() => onInsert(q)} clickable />
          ))}
        </Box>
      )}
    </Box>
  );
};
