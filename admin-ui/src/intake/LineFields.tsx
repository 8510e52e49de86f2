import { Box } from '@mui/material';
import { BooleanInput, DateInput, SelectInput, useWrappedSource } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { enumChoices } from '../labels';
import { AddressFields } from './AddressFields';
import { FieldGrid } from './FieldGrid';

const L = (key: string) => `resources.intake.fields.line.${key}`;

/** The アクセス速度 choices of the NSS line screen (専用線 speeds and BB光). */
const SPEEDS = ['0.5Mbps', '1Mbps', '3Mbps', '5Mbps', '10Mbps', '光'].map((s) => ({ id: s, name: s }));

/** One 一般NACCS line: kind and speed, maintenance and options, construction date and place. */
export const LineFields = () => {
  const placeSameAsOffice = useWatch({ name: useWrappedSource('placeSameAsOffice') }) as boolean | undefined;
  return (
    <Box sx={{ width: '100%' }}>
      <FieldGrid>
        <SelectInput source="systemCategory" label={L('systemCategory')} choices={enumChoices('SystemCategory')} helperText={false} />
        <SelectInput source="connectionMethod" label={L('connectionMethod')} choices={enumChoices('LineConnectionMethod')} helperText={false} />
        <SelectInput source="lineType" label={L('lineType')} choices={enumChoices('LineType')} helperText={false} />
        <SelectInput source="speed" label={L('speed')} choices={SPEEDS} translateChoice={false} helperText={false} />
        <SelectInput source="indoorWiring" label={L('indoorWiring')} choices={enumChoices('IndoorWiring')} helperText={false} />
        <SelectInput source="maintenance" label={L('maintenance')} choices={enumChoices('MaintenanceHours')} helperText={false} />
        <DateInput source="constructionDate" label={L('constructionDate')} helperText={false} />
      </FieldGrid>
      <FieldGrid>
        <BooleanInput source="edifact" label={L('edifact')} helperText={false} />
        <BooleanInput source="redundancy" label={L('redundancy')} helperText={false} />
        <BooleanInput source="spareRouter" label={L('spareRouter')} helperText={false} />
        <BooleanInput source="pingMonitoring" label={L('pingMonitoring')} helperText={false} />
        <BooleanInput source="shared" label={L('shared')} helperText={false} />
        <BooleanInput source="placeSameAsOffice" label={L('placeSameAsOffice')} helperText={false} />
      </FieldGrid>
      {placeSameAsOffice === false ? <AddressFields source="place" title="resources.intake.fields.line.place" /> : null}
    </Box>
  );
};
