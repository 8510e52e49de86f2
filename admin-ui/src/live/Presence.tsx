import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Button, Chip, Stack, Tooltip } from '@mui/material';
import type { Viewer } from './hooks';
import { useLiveTexts } from './texts';

/** The others (never oneself: one's own other tab is not someone else). */
export const othersOf = (viewers: readonly Viewer[] | undefined, meId: string | undefined): Viewer[] =>
  (viewers ?? []).filter((v, i, all) => v.staffId !== meId && all.findIndex((w) => w.staffId === v.staffId) === i);

/** 「審査 二郎 が閲覧中」 for each other staff member who has the application open. */
export const ViewerChips = ({ viewers, meId }: { viewers: readonly Viewer[] | undefined; meId: string | undefined }) => {
  const t = useLiveTexts();
  const others = othersOf(viewers, meId);
  if (!others.length) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" data-testid="viewers" role="status">
      {others.map((v) => (
        <Chip key={v.staffId} size="small" color="info" variant="outlined" icon={<VisibilityIcon />} label={t.viewing(v.name)} data-testid="viewer" />
      ))}
    </Stack>
  );
};

/** The list's 閲覧中 icon: the names in its tooltip and label. */
export const ViewersIcon = ({ viewers, meId }: { viewers: readonly Viewer[] | undefined; meId: string | undefined }) => {
  const t = useLiveTexts();
  const others = othersOf(viewers, meId);
  if (!others.length) return null;
  const label = t.viewingNames(others.map((v) => v.name));
  return (
    <Tooltip title={label}>
      <VisibilityIcon fontSize="small" color="info" aria-label={label} role="img" data-testid="viewers-icon" />
    </Tooltip>
  );
};

/** 「3件の更新があります — 表示する」: the list stays as it is until asked. */
export const UpdatesBar = ({ count, onShow }: { count: number; onShow: () => void }) => {
  const t = useLiveTexts();
  if (!count) return null;
  return (
    <Alert
      severity="info"
      data-testid="updates-bar"
      sx={{ mx: 1, my: 0.5, py: 0 }}
      action={
        <Button size="small" color="inherit" onClick={onShow} data-testid="updates-show">
          {t.show}
        </Button>
      }
    >
      {t.updates(count)}
    </Alert>
  );
};
