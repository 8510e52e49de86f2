import { useWatch } from 'react-hook-form';
import { LinesSection } from './LinesSection';
import { MailboxesSection } from './MailboxesSection';

/** 回線 and メールボックス: the NSS tabs of a 一般NACCS application only. */
export const GeneralNaccsSections = () => {
  const connection = useWatch({ name: 'connection' }) as string | undefined;
  if (connection !== 'GENERAL') return null;
  return (
    <>
      <LinesSection />
      <MailboxesSection />
    </>
  );
};
