import { Box, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { lineDiff, type DiffLine } from './lineDiff';

/** Unchanged lines kept around each change; longer unchanged runs fold into one "N lines unchanged" row. */
const CONTEXT = 3;

type Row = DiffLine | { kind: 'fold'; count: number; at: number };

const withFolds = (lines: DiffLine[]): Row[] => {
  const keep = lines.map((l) => l.kind !== 'same');
  const near = lines.map((_, i) => lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((l) => l.kind !== 'same'));
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; ) {
    if (keep[i] || near[i]) {
      rows.push(lines[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !keep[j] && !near[j]) j++;
    rows.push({ kind: 'fold', count: j - i, at: i });
    i = j;
  }
  return rows;
};

const COLOURS = {
  add: { bgcolor: 'rgba(46, 160, 67, 0.15)', sign: '+' },
  del: { bgcolor: 'rgba(248, 81, 73, 0.15)', sign: '−' },
  same: { bgcolor: 'transparent', sign: ' ' },
} as const;

/**
 * A line diff of one part of a template (件名, 本文, HTML): old and new line numbers, − removed and + added lines
 * in colour, unchanged stretches folded.
 */
export const DiffView = ({ oldText, newText, testId }: { oldText: string; newText: string; testId?: string }) => {
  const translate = useTranslate();
  const rows = useMemo(() => withFolds(lineDiff(oldText, newText)), [oldText, newText]);
  if (oldText === newText) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid={testId} data-diff="none">
        {translate('naccs.templates.diff.no_changes')}
      </Typography>
    );
  }
  return (
    <Box
      component="table"
      data-testid={testId}
      sx={{
        width: '100%',
        borderCollapse: 'collapse',
        fontFamily: 'monospace',
        fontSize: '0.8rem',
        border: 1,
        borderColor: 'divider',
        '& td': { px: 0.75, py: 0, verticalAlign: 'top', lineHeight: 1.6 },
      }}
    >
      <tbody>
        {rows.map((row) => {
          if (row.kind === 'fold') {
            return (
              <tr key={`fold-${row.at}`}>
                <Box component="td" colSpan={4} sx={{ color: 'text.secondary', bgcolor: 'action.hover', fontStyle: 'italic' }}>
                  {translate('naccs.templates.diff.folded', { smart_count: row.count })}
                </Box>
              </tr>
            );
          }
          const colour = COLOURS[row.kind];
          const oldNo = row.kind === 'add' ? '' : row.oldNo;
          const newNo = row.kind === 'del' ? '' : row.newNo;
          return (
            <Box component="tr" key={`${row.kind}-${oldNo}-${newNo}`} sx={{ bgcolor: colour.bgcolor }} data-diff={row.kind}>
              <Box component="td" sx={{ color: 'text.disabled', textAlign: 'right', width: '3em', userSelect: 'none' }}>
                {oldNo}
              </Box>
              <Box component="td" sx={{ color: 'text.disabled', textAlign: 'right', width: '3em', userSelect: 'none' }}>
                {newNo}
              </Box>
              <Box component="td" sx={{ width: '1.2em', userSelect: 'none', fontWeight: 700 }}>
                {colour.sign}
              </Box>
              <Box component="td" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {row.text || ' '}
              </Box>
            </Box>
          );
        })}
      </tbody>
    </Box>
  );
};
