import { useTranslate } from 'react-admin';
import type { Application } from '../types';

/** 企業名: the office's company, else the company profile of the application, else the applicant's company. */
export const companyNameOf = (a: Application): string | null | undefined =>
  a.companyName ||
  a.office?.company?.profile?.name ||
  a.companyProfile?.name ||
  a.applicantCompanyName;

/** 申込分類: 新規 netNACCS / 新規 一般NACCS / 変更 (付替) / 解約. */
export const useCategoryLabel = () => {
  const translate = useTranslate();
  return (a: Pick<Application, 'kind' | 'connection' | 'otherChange'>): string => {
    const kind = translate(`enums.ApplicationKind.${a.kind}`, { _: a.kind });
    if (a.kind === 'NEW' && a.connection) {
      return `${kind} ${translate(`enums.Connection.${a.connection}`, { _: a.connection })}`;
    }
    if (a.kind === 'CHANGE' && a.otherChange) {
      return `${kind} (${translate(`enums.OtherChange.${a.otherChange}`, { _: a.otherChange })})`;
    }
    return kind;
  };
};

export const CategoryText = ({ record }: { record: Application }) => {
  const label = useCategoryLabel();
  return <>{label(record)}</>;
};
