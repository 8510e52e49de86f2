import SearchIcon from '@mui/icons-material/Search';
import { Box, CircularProgress, InputBase } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useCreatePath, useDataProvider, useNavigate, useNotify, useTranslate } from 'react-admin';
import { isEditable } from '../components/keyboard';
import { errorCodeOf } from '../graphqlErrors';
import { normalizeReceiptNo, OFFICE_CODE_PATTERN, RECEIPT_NO_PATTERN } from '../normalize';

/**
 * The support desk's box: type a receipt number (any width, any case: `１８００５５ａ`) and press Enter to open
 * that application. `/` anywhere focuses it; Escape clears it. An office code (`NAC001`) opens the office.
 */
export const ReceiptJump = () => {
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const translate = useTranslate();

  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (isEditable(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const openRecord = useCallback(
    async (resource: 'applications' | 'offices', meta: Record<string, unknown>): Promise<boolean> => {
      try {
        const { data } = await dataProvider.getOne(resource, { id: '', meta: { ...meta, lookup: true } });
        setValue('');
        inputRef.current?.blur();
        navigate(createPath({ resource, id: data.id, type: 'show' }));
        return true;
      } catch (error) {
        if (errorCodeOf(error) === 'NOT_FOUND' || (error as { status?: number })?.status === 404) return false;
        throw error;
      }
    },
    [dataProvider, navigate, createPath],
  );

  const open = useCallback(async () => {
    const typed = normalizeReceiptNo(value);
    if (!typed) {
      notify('naccs.receipt_jump.empty', { type: 'info' });
      return;
    }
    setValue(typed);
    setBusy(true);
    try {
      // A receipt number first; something shaped like an office code (NAC001) opens that office instead.
      const officeFirst = OFFICE_CODE_PATTERN.test(typed) && !RECEIPT_NO_PATTERN.test(typed);
      const found = officeFirst
        ? (await openRecord('offices', { code: typed })) || (await openRecord('applications', { receiptNo: typed }))
        : await openRecord('applications', { receiptNo: typed });
      if (!found) notify('naccs.receipt_jump.not_found', { type: 'warning', messageArgs: { receiptNo: typed } });
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  }, [value, notify, openRecord]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (!busy) void open();
    } else if (e.key === 'Escape') {
      setValue('');
      inputRef.current?.blur();
    }
  };

  const label = translate('naccs.receipt_jump.label');
  return (
    <Box
      role="search"
      sx={(theme) => ({
        position: 'relative',
        display: 'flex',
        alignItems: 'center',
        borderRadius: 1,
        mx: 1,
        bgcolor: alpha(theme.palette.common.white, 0.15),
        '&:hover': { bgcolor: alpha(theme.palette.common.white, 0.25) },
        '&:focus-within': { bgcolor: alpha(theme.palette.common.white, 0.3) },
        color: 'inherit',
      })}
    >
      <Box sx={{ px: 1, display: 'flex', alignItems: 'center', pointerEvents: 'none' }}>
        {busy ? <CircularProgress size={18} color="inherit" /> : <SearchIcon fontSize="small" />}
      </Box>
      <InputBase
        inputRef={inputRef}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={translate('naccs.receipt_jump.placeholder')}
        inputProps={{
          'aria-label': '申込受付番号で開く',
          'data-testid': 'receipt-jump',
          title: `${label} — ${translate('naccs.receipt_jump.hint')}`,
          autoComplete: 'off',
          spellCheck: false,
          enterKeyHint: 'go',
        }}
        sx={{
          color: 'inherit',
          width: { xs: 130, sm: 200 },
          fontFamily: 'monospace',
          '& input': { py: 0.75, pr: 1 },
        }}
      />
    </Box>
  );
};
