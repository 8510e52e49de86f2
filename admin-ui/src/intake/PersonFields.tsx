import { TextInput } from 'react-admin';
import { FieldGrid } from './FieldGrid';

const L = (key: string) => `resources.intake.fields.person.${key}`;

/**
 * A person of the NSS forms (申込担当者, 契約者, 管理責任者, 工事事務担当者, 工事立会者, 請求に関する担当者) under
 * `source` (`applicant`, `office.manager`…). Which boxes show follows the paper form of that person.
 */
export const PersonFields = ({
  source,
  title,
  kana = true,
  department = true,
  jobTitle = true,
  phone = true,
  fax = true,
  email = true,
  emailConfirmation = false,
}: {
  source: string;
  title?: string;
  kana?: boolean;
  department?: boolean;
  jobTitle?: boolean;
  phone?: boolean;
  fax?: boolean;
  email?: boolean;
  emailConfirmation?: boolean;
}) => {
  const s = (key: string) => `${source}.${key}`;
  return (
    <FieldGrid title={title}>
      <TextInput source={s('lastName')} label={L('lastName')} helperText={false} autoComplete="off" />
      <TextInput source={s('firstName')} label={L('firstName')} helperText={false} autoComplete="off" />
      {kana ? <TextInput source={s('lastNameKana')} label={L('lastNameKana')} helperText={false} autoComplete="off" /> : null}
      {kana ? <TextInput source={s('firstNameKana')} label={L('firstNameKana')} helperText={false} autoComplete="off" /> : null}
      {department ? <TextInput source={s('department')} label={L('department')} helperText={false} /> : null}
      {jobTitle ? <TextInput source={s('title')} label={L('title')} helperText={false} /> : null}
      {phone ? (
        <TextInput source={s('phone')} label={L('phone')} helperText={false} inputProps={{ inputMode: 'tel' }} />
      ) : null}
      {fax ? <TextInput source={s('fax')} label={L('fax')} helperText={false} inputProps={{ inputMode: 'tel' }} /> : null}
      {email ? <TextInput source={s('email')} label={L('email')} helperText={false} type="email" /> : null}
      {emailConfirmation ? (
        <TextInput
          source={s('emailConfirmation')}
          label={L('emailConfirmation')}
          helperText={false}
          type="email"
          autoComplete="off"
        />
      ) : null}
    </FieldGrid>
  );
};
