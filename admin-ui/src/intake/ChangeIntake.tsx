import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { todayInJapan } from '../components/isoDates';
import { useEnumLabel } from '../components/display';
import type { ChangeItem } from '../labels';
import { ChangeApplicationForm } from './ChangeApplicationForm';
import { changeDefaults } from './changeDefaults';
import { CustomsOfficerForm } from './CustomsOfficerForm';
import type { ChangeFormValues, OfficeForChange } from './changeTypes';
import { OfficeLookup } from './OfficeLookup';

const C = (key: string) => `resources.intake.change.${key}`;

/** The office the form is for: code, names, status and services, with a way back to another code. */
const OfficeSummary = ({ office, onOther }: { office: OfficeForChange; onOther: () => void }) => {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const createPath = useCreatePath();
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="change-office">
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Box sx={{ flex: 1, minWidth: 280 }}>
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            <Link to={createPath({ resource: 'offices', id: office.id, type: 'show' })} target="_blank" sx={{ fontFamily: 'monospace', fontWeight: 700, fontSize: '1.25rem' }}>
              {office.code}
            </Link>
            <Typography variant="h6" component="p">
              {office.company.profile.name} {office.profile.name}
            </Typography>
            <Chip size="small" color={office.status === 'ACTIVE' ? 'success' : 'default'} label={enumLabel('OfficeStatus', office.status)} />
            {office.usesNet ? <Chip size="small" variant="outlined" label="netNACCS" /> : null}
            {office.usesGeneral ? <Chip size="small" variant="outlined" label="一般NACCS" /> : null}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate(C('starts_from_contract'))}
          </Typography>
        </Box>
        <Button variant="outlined" startIcon={<SwapHorizIcon />} onClick={onOther} data-testid="change-other-office">
          {translate(C('other_office'))}
        </Button>
      </CardContent>
    </Card>
  );
};

/**
 * 変更申込 / 利用者ID廃止 by phone or paper: the 事業所コード first (its current contract read from the server), then
 * the form starting from that contract. `items` are ticked from the start (利用者ID廃止: 識別番号).
 */
export const ChangeIntake = ({
  title,
  submitLabel,
  items = [],
  customsOfficer = false,
}: {
  title: string;
  submitLabel: string;
  items?: ChangeItem[];
  /** 変更(通関士) (通関士IDの追加) instead of a 変更申込. */
  customsOfficer?: boolean;
}) => {
  const [found, setFound] = useState<{ office: OfficeForChange; defaults: ChangeFormValues } | null>(null);
  if (!found) {
    return <OfficeLookup title={title} onFound={(office) => setFound({ office, defaults: changeDefaults(office, todayInJapan(), items) })} />;
  }
  const { office } = found;
  const officeLabel = `${office.code} ${office.company.profile.name ?? ''} ${office.profile.name ?? ''}`.trim();
  return (
    <>
      <OfficeSummary office={office} onOther={() => setFound(null)} />
      {customsOfficer ? (
        <CustomsOfficerForm key={office.id} office={office} submitLabel={submitLabel} />
      ) : (
        <ChangeApplicationForm key={office.id} defaultValues={found.defaults} officeLabel={officeLabel} submitLabel={submitLabel} />
      )}
    </>
  );
};
