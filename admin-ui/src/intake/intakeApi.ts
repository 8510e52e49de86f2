import { apolloClient, errorCodeOf } from '../graphqlClient';
import { REGISTER_PROVISIONAL_ACCOUNT, SUBMIT_NEW_APPLICATION } from '../queries';
import { OFFICE_FOR_CHANGE, SUBMIT_CHANGE_APPLICATION, SUBMIT_CUSTOMS_OFFICER_APPLICATION } from './changeQueries';
import type { ChangeApplicationInput, CustomsOfficerApplicationInput, OfficeForChange } from './changeTypes';
import type { NewApplicationInput, ProvisionalAccountInput, ProvisionalAccountResult } from './inputTypes';

/** 仮アカウント申込: the 仮パスワード is in this answer only. */
export const registerProvisionalAccount = async (input: ProvisionalAccountInput): Promise<ProvisionalAccountResult> => {
  const { data } = await apolloClient.mutate<{ registerProvisionalAccount: ProvisionalAccountResult }>({
    mutation: REGISTER_PROVISIONAL_ACCOUNT,
    variables: { input },
  });
  return data!.registerProvisionalAccount;
};

export interface SubmittedApplication {
  id: string;
  receiptNo: string;
}

/** 新規利用申込 registered with a 仮ログインID (staff need not know the 仮パスワード). */
export const submitNewApplication = async ({
  provisionalLoginId,
  input,
}: {
  provisionalLoginId: string;
  input: NewApplicationInput;
}): Promise<SubmittedApplication> => {
  const { data } = await apolloClient.mutate<{ submitNewApplication: SubmittedApplication }>({
    mutation: SUBMIT_NEW_APPLICATION,
    variables: { provisionalLoginId, input },
  });
  return data!.submitNewApplication;
};

/** The office a 変更申込 starts from, or null when no office has that 事業所コード. */
export const fetchOfficeForChange = async (code: string): Promise<OfficeForChange | null> => {
  try {
    const { data } = await apolloClient.query<{ office: OfficeForChange | null }>({
      query: OFFICE_FOR_CHANGE,
      variables: { code },
    });
    return data?.office ?? null;
  } catch (error) {
    if (errorCodeOf(error) === 'NOT_FOUND') return null;
    throw error;
  }
};

/** 変更申込 / 利用者ID廃止 for an office with a code. */
export const submitChangeApplication = async ({
  officeCode,
  input,
}: {
  officeCode: string;
  input: ChangeApplicationInput;
}): Promise<SubmittedApplication> => {
  const { data } = await apolloClient.mutate<{ submitChangeApplication: SubmittedApplication }>({
    mutation: SUBMIT_CHANGE_APPLICATION,
    variables: { officeCode, input },
  });
  return data!.submitChangeApplication;
};

/** 変更(通関士): 通関士ID added to a 通関業 利用者コード of an office with a code. */
export const submitCustomsOfficerApplication = async ({
  officeCode,
  input,
}: {
  officeCode: string;
  input: CustomsOfficerApplicationInput;
}): Promise<SubmittedApplication> => {
  const { data } = await apolloClient.mutate<{ submitCustomsOfficerApplication: SubmittedApplication }>({
    mutation: SUBMIT_CUSTOMS_OFFICER_APPLICATION,
    variables: { officeCode, input },
  });
  return data!.submitCustomsOfficerApplication;
};
