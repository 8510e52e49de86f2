import { RadioButtonGroupInput } from 'react-admin';
import { enumChoices } from '../labels';
import { FormSection } from './FormSection';

/** 料金プラン: A 基本+従量 / B 従量のみ. */
export const PlanSection = () => (
  <FormSection id="intake-plan" title="resources.intake.sections.plan">
    <RadioButtonGroupInput source="plan" label="resources.intake.fields.plan" choices={enumChoices('Plan')} helperText={false} />
  </FormSection>
);
