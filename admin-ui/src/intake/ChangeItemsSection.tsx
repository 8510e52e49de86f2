import { Box, Checkbox, FormControlLabel, FormGroup, Typography } from '@mui/material';
import { SelectInput, useTranslate } from 'react-admin';
import { useController } from 'react-hook-form';
import { enumChoices, type ChangeItem } from '../labels';
import { FormSection } from './FormSection';
import { PathError } from './PathError';

/** The 変更申込 screen's groups of items (seed 002 ④), in its order. */
const GROUPS: Array<{ title: string; items: ChangeItem[] }> = [
  { title: 'office', items: ['COMPANY_OFFICE', 'CONTRACTOR', 'HEAD_OFFICE', 'MANAGER'] },
  { title: 'userCodes', items: ['INDUSTRY', 'USER_CODE', 'IDENT_NO'] },
  { title: 'net', items: ['NET_TERMINAL', 'WEB_CERTIFICATE'] },
  { title: 'general', items: ['GENERAL_LINE', 'GENERAL_TERMINAL', 'MAILBOX'] },
  { title: 'plan', items: ['PLAN'] },
  { title: 'statistics', items: ['STATISTICS', 'BONDED_RECORD_SERVICE'] },
  { title: 'billing', items: ['BILLING_ADDRESS', 'BILLING_CONTACT', 'PAYMENT_METHOD'] },
];

const L = (key: string) => `resources.intake.change.${key}`;

/** 契約変更に関する項目: one box per item (Space toggles, Tab moves on); the ticked items open their sections. */
export const ChangeItemsSection = () => {
  const translate = useTranslate();
  const { field } = useController({ name: 'changeItems' });
  const selected = (field.value ?? []) as ChangeItem[];
  const toggle = (item: ChangeItem, on: boolean) =>
    field.onChange(on ? [...selected, item] : selected.filter((x) => x !== item));
  return (
    <FormSection id="intake-change-items" title={L('sections.items')}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(L('items_hint'))}
      </Typography>
      <PathError source="changeItems" />
      <Box
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 3, rowGap: 1 }}
      >
        {GROUPS.map((g) => (
          <Box key={g.title} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <Typography component="legend" variant="subtitle2" sx={{ fontWeight: 700, color: 'text.secondary' }}>
              {translate(L(`groups.${g.title}`))}
            </Typography>
            <FormGroup>
              {g.items.map((item) => {
                return (
                  <FormControlLabel
                    key={item}
                    control={
                      <Checkbox
                        size="small"
                        checked={selected.includes(item)}
                        onChange={(e) => toggle(item, e.target.checked)}
                        inputProps={{ 'data-change-item': item } as Record<string, string>}
                      />
                    }
                    label={translate(`enums.ChangeItem.${item}`)}
                  />
                );
              })}
            </FormGroup>
          </Box>
        ))}
      </Box>
      <Typography variant="subtitle2" sx={{ mt: 2, fontWeight: 700, color: 'text.secondary' }}>
        {translate(L('groups.other'))}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(L('other_hint'))}
      </Typography>
      <SelectInput
        source="otherChange"
        label={L('otherChange')}
        choices={enumChoices('OtherChange')}
        emptyText={L('no_other_change')}
        helperText={false}
        sx={{ minWidth: 320 }}
      />
    </FormSection>
  );
};
