import { Box, Button, Step, StepLabel, Stepper, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { ResourceContextProvider, Title, useTranslate } from 'react-admin';
import { ChangeIntake } from './ChangeIntake';
import type { NewApplicationFormValues, ProvisionalAccountInput, ProvisionalAccountResult } from './inputTypes';
import { newApplicationDefaults } from './newApplicationDefaults';
import { NewApplicationForm } from './NewApplicationForm';
import { ProvisionalAccountForm } from './ProvisionalAccountForm';
import { ProvisionalAccountResultPanel } from './ProvisionalAccountResultPanel';

interface Registered {
  result: ProvisionalAccountResult;
  values: ProvisionalAccountInput;
}

/**
 * 新規申込 in the two NSS steps — a) 仮アカウント申込, whose 仮ログインID and 仮パスワード are shown once; b) 新規利用申込
 * with that 仮ログインID. A customer who already has a 仮ログインID can start at b.
 */
const NewIntake = () => {
  const translate = useTranslate();
  const [step, setStep] = useState(0);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [defaults, setDefaults] = useState<NewApplicationFormValues>(() => newApplicationDefaults());

  const proceed = () => {
    setDefaults(newApplicationDefaults(registered?.result.loginId ?? '', registered?.values ?? null));
    setStep(1);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <Stepper activeStep={step} sx={{ mb: 3, maxWidth: 640 }}>
        <Step completed={!!registered}>
          <StepLabel>{translate('resources.intake.steps.provisional')}</StepLabel>
        </Step>
        <Step>
          <StepLabel>{translate('resources.intake.steps.application')}</StepLabel>
        </Step>
      </Stepper>
      {step === 0 && registered ? <ProvisionalAccountResultPanel result={registered.result} onProceed={proceed} /> : null}
      {step === 0 && !registered ? (
        <>
          <ProvisionalAccountForm onRegistered={(result, values) => setRegistered({ result, values })} />
          <Box sx={{ mt: 2 }}>
            <Button variant="text" onClick={proceed} data-testid="intake-skip">
              {translate('resources.intake.actions.skip')}
            </Button>
          </Box>
        </>
      ) : null}
      {step === 1 ? (
        <>
          {registered ? null : (
            <Button variant="text" onClick={() => setStep(0)} sx={{ mb: 1 }}>
              {translate('resources.intake.actions.back')}
            </Button>
          )}
          <NewApplicationForm defaultValues={defaults} />
        </>
      ) : null}
    </>
  );
};

type Mode = 'new' | 'change' | 'abolish' | 'customsOfficer';

/**
 * 申込の受付 (電話・書面): staff enter a customer's application from a phone call or a paper form — a 新規申込, or a
 * 変更申込 / 利用者ID廃止 for an office with a code, starting from its current contract.
 */
export const IntakePage = () => {
  const translate = useTranslate();
  const [mode, setMode] = useState<Mode>('new');
  return (
    // A resource context for react-admin's list inputs; labels are given explicitly (resources.intake.fields.*).
    <ResourceContextProvider value="intake">
      <Box sx={{ maxWidth: 1200, py: 2 }}>
        <Title title="resources.intake.title" />
        <Tabs
          value={mode}
          onChange={(_, value: Mode) => setMode(value)}
          aria-label={translate('resources.intake.change.kinds')}
          sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        >
          <Tab value="new" label={translate('resources.intake.change.kind_new')} data-testid="intake-mode-new" />
          <Tab value="change" label={translate('resources.intake.change.kind_change')} data-testid="intake-mode-change" />
          <Tab value="abolish" label={translate('resources.intake.change.kind_abolish')} data-testid="intake-mode-abolish" />
          <Tab value="customsOfficer" label={translate('resources.intake.customs.kind')} data-testid="intake-mode-customs-officer" />
        </Tabs>
        {mode === 'new' ? <NewIntake /> : null}
        {mode === 'change' ? (
          <ChangeIntake key="change" title="resources.intake.change.kind_change" submitLabel="resources.intake.change.submit" />
        ) : null}
        {mode === 'abolish' ? (
          <ChangeIntake
            key="abolish"
            title="resources.intake.change.kind_abolish"
            submitLabel="resources.intake.change.submit_abolish"
            items={['IDENT_NO']}
          />
        ) : null}
        {mode === 'customsOfficer' ? (
          <ChangeIntake key="customsOfficer" title="resources.intake.customs.kind" submitLabel="resources.intake.customs.submit" customsOfficer />
        ) : null}
      </Box>
    </ResourceContextProvider>
  );
};
