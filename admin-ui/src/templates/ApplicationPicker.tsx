import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { companyNameOf } from '../applications/helpers';
import type { Application } from '../types';

/** What a picker keeps of the chosen application. */
export interface PickedApplication {
  id: string;
  receiptNo: string;
  companyName?: string | null;
}

const picked = (a: Application): PickedApplication => ({ id: String(a.id), receiptNo: a.receiptNo ?? '', companyName: companyNameOf(a) });

/**
 * Chooses one application by 申込受付番号, 企業名 or カナ (the `applications(filter: { q })` search, newest first):
 * each option shows the receipt number and the company. `filter` narrows the search (e.g. status APPROVED).
 */
export const ApplicationPicker = ({
  value,
  onChange,
  label,
  helperText,
  filter,
  testId,
  disabled,
}: {
  value: PickedApplication | null;
  onChange: (value: PickedApplication | null) => void;
  label: string;
  helperText?: string;
  filter?: Record<string, unknown>;
  testId?: string;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const handle = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(handle);
  }, [input]);
  const { data, isPending } = useGetList<Application>('applications', {
    filter: { ...filter, queue: 'ALL', q: q || undefined },
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'receivedAt', order: 'DESC' },
  });
  const options = (data ?? []).map(picked);

  return (
    <Autocomplete<PickedApplication>
      size="small"
      value={value}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      loading={isPending}
      disabled={disabled}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(a) => [a.receiptNo, a.companyName].filter(Boolean).join('  ')}
      onChange={(_, v) => onChange(v)}
      onInputChange={(_, v, reason) => {
        if (reason === 'input') setInput(v);
        if (reason === 'clear') setInput('');
      }}
      noOptionsText={translate('naccs.templates.picker.none')}
      loadingText={translate('ra.page.loading')}
      renderOption={({ key, ...props }, a) => (
        <Box component="li" key={key} {...props} data-testid="application-option" data-receipt-no={a.receiptNo}>
          <Typography component="span" sx={{ fontFamily: 'monospace', fontWeight: 700, mr: 1.5 }}>
            {a.receiptNo}
          </Typography>
          <Typography component="span" variant="body2">
            {a.companyName}
          </Typography>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate(label, { _: label })}
          helperText={helperText ? translate(helperText, { _: helperText }) : undefined}
          placeholder={translate('naccs.templates.picker.placeholder')}
          slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': testId } }}
        />
      )}
    />
  );
};
