import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RowAction } from '../labels';
import { EMPTY } from './format';

const COLOURS: Record<RowAction, ChipProps['color']> = { ADD: 'success', CHANGE: 'info', DELETE: 'error' };

/** 追加 / 変更 / 削除 of a row in an application. */
export const ActionChip = ({ action }: { action?: RowAction | null }) => {
  const translate = useTranslate();
  if (!action) return <>{EMPTY}</>;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLOURS[action] ?? 'default'}
      label={translate(`enums.RowAction.${action}`, { _: action })}
    />
  );
};
