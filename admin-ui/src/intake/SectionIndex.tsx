import { Button, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

const SECTIONS: Array<{ id: string; title: string; general?: boolean }> = [
  { id: 'intake-applicant', title: 'applicant' },
  { id: 'intake-office', title: 'officeCompany' },
  { id: 'intake-connection', title: 'connection' },
  { id: 'intake-user-codes', title: 'userCodes' },
  { id: 'intake-terminals', title: 'terminals' },
  { id: 'intake-lines', title: 'lines', general: true },
  { id: 'intake-mailboxes', title: 'mailboxes', general: true },
  { id: 'intake-plan', title: 'plan' },
  { id: 'intake-billing', title: 'billing' },
  { id: 'intake-remarks', title: 'remarks' },
];

/** Jumps to a section of the long form (buttons, not #anchors: the console's routes live in the hash). */
export const SectionIndex = () => {
  const translate = useTranslate();
  const connection = useWatch({ name: 'connection' }) as string | undefined;
  const go = (id: string) => {
    const el = document.getElementById(id);
    el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    el?.querySelector<HTMLElement>('input:not([type="hidden"]), [role="combobox"], textarea')?.focus({ preventScroll: true });
  };
  return (
    <Stack
      component="nav"
      aria-label={translate('resources.intake.sections.index')}
      direction="row"
      flexWrap="wrap"
      useFlexGap
      spacing={0.5}
      sx={{ mb: 2 }}
    >
      {SECTIONS.filter((s) => !s.general || connection === 'GENERAL').map((s) => (
        <Button key={s.id} size="small" variant="text" onClick={() => go(s.id)} sx={{ textTransform: 'none' }}>
          {translate(`resources.intake.sections.${s.title}`)}
        </Button>
      ))}
    </Stack>
  );
};
