import { apolloClient } from '../graphqlClient';
import { REGISTER_PROVISIONAL_ACCOUNT, SUBMIT_NEW_APPLICATION } from '../queries';
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
