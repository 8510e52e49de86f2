import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { EnumName } from '../labels';
import type { Address, Person } from '../types';
import { addressLine, EMPTY, formatDate, formatDateTime, isBlank, personKana, personName } from './format';

/** The value or "—". */
export const Val = ({ children }: { children?: ReactNode }) =>
  isBlank(children) || children === false ? <>{EMPTY}</> : <>{children}</>;

/** A code (事業所コード, 利用者ID, 論理端末名…) in monospace, or "—". */
export const Mono = ({ children, bold }: { children?: string | null; bold?: boolean }) =>
  children ? (
    <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: bold ? 700 : undefined }}>
      {children}
    </Box>
  ) : (
    <>{EMPTY}</>
  );

/** A titled block of a show page. */
export const Section = ({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2.5 }}>
      <Stack direction="row" alignItems="center" spacing={1} sx={{ mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
          {translate(title, { _: title })}
        </Typography>
        {actions}
      </Stack>
      {children}
    </Box>
  );
};

/** Label/value pairs in a responsive grid (dense, for reviewers who read many a day). */
export const ItemGrid = ({ children, min = 220 }: { children: ReactNode; min?: number }) => (
  <Box
    component="dl"
    sx={{
      display: 'grid',
      gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`,
      columnGap: 3,
      rowGap: 1.5,
      m: 0,
    }}
  >
    {children}
  </Box>
);

/** One label/value pair; `label` is a translation key; an empty value shows "—". */
export const Item = ({ label, children, wide }: { label: string; children?: ReactNode; wide?: boolean }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ gridColumn: wide ? '1 / -1' : undefined, minWidth: 0 }}>
      <Typography component="dt" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {translate(label, { _: label })}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        <Val>{children}</Val>
      </Typography>
    </Box>
  );
};

/** A long free text (申込理由, 備考, 確認事項) kept with its line breaks. */
export const TextBlock = ({ text }: { text?: string | null }) => (
  <Paper variant="outlined" sx={{ p: 1.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: '0.875rem' }}>
    <Val>{text}</Val>
  </Paper>
);

export const useEnumLabel = () => {
  const translate = useTranslate();
  return (name: EnumName, value: string | null | undefined): string =>
    value == null || value === '' ? '' : translate(`enums.${name}.${value}`, { _: value });
};

export const EnumText = ({ name, value }: { name: EnumName; value?: string | null }) => {
  const label = useEnumLabel();
  return <Val>{label(name, value)}</Val>;
};

/** Several enum values as small chips (業種, 変更項目). */
export const EnumChips = ({ name, values }: { name: EnumName; values?: readonly string[] | null }) => {
  const label = useEnumLabel();
  if (!values || values.length === 0) return <>{EMPTY}</>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 0.5 }}>
      {values.map((v) => (
        <Chip key={v} size="small" variant="outlined" label={label(name, v)} />
      ))}
    </Box>
  );
};

/** A yes/no: あり/なし by default, 要/不要 with `required`. */
export const BoolText = ({ value, required }: { value?: boolean | null; required?: boolean }) => {
  const translate = useTranslate();
  if (value == null) return <>{EMPTY}</>;
  if (required) return <>{translate(value ? 'naccs.required' : 'naccs.not_required')}</>;
  return <>{translate(value ? 'naccs.yes' : 'naccs.no')}</>;
};

/** A check mark for table cells (true → ✓, false → —). */
export const Check = ({ value }: { value?: boolean | null }) => {
  const translate = useTranslate();
  return value ? (
    <span role="img" aria-label={translate('naccs.yes')}>
      ✓
    </span>
  ) : (
    <>{EMPTY}</>
  );
};

export const DateText = ({ value, weekday = true }: { value?: string | null; weekday?: boolean }) => {
  const [locale] = useLocaleState();
  return <>{formatDate(value, locale, weekday)}</>;
};

export const DateTimeText = ({ value }: { value?: string | null }) => <>{formatDateTime(value)}</>;

export const AddressText = ({ address }: { address?: Address | null }) => {
  const line = addressLine(address);
  if (!line) return <>{EMPTY}</>;
  return (
    <>
      {line}
      {address?.addressKana ? (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {address.addressKana}
        </Typography>
      ) : null}
    </>
  );
};

/** A person (申込担当者, 契約者, 管理責任者, 工事立会者…) as label/value pairs. */
export const PersonItems = ({ person }: { person?: Person | null }) => (
  <>
    <Item label="naccs.person.name">{personName(person)}</Item>
    <Item label="naccs.person.nameKana">{personKana(person)}</Item>
    <Item label="naccs.person.department">{person?.department}</Item>
    <Item label="naccs.person.title">{person?.title}</Item>
    <Item label="naccs.person.phone">{person?.phone}</Item>
    <Item label="naccs.person.fax">{person?.fax}</Item>
    <Item label="naccs.person.email">
      {person?.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : null}
    </Item>
  </>
);

export const PersonSection = ({ title, person }: { title: string; person?: Person | null }) => (
  <Section title={title}>
    <ItemGrid>
      <PersonItems person={person} />
    </ItemGrid>
  </Section>
);
