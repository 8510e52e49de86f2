// What a caller may do with a デジタル証明書 now (issue 21, as Application.availableActions): served as
// Certificate.availableActions from the certificate's state, its terminal and the role table; the console keeps no copy.
import { registerEnumType } from 'type-graphql';
import { CertificateStatus } from '../common/enums.js';
import { mayCall, type ActionCaller } from '../graphql/access.js';

export enum CertificateAction {
  REISSUE = 'REISSUE',
  REVOKE = 'REVOKE',
}
registerEnumType(CertificateAction, {
  name: 'CertificateAction',
  description: '利用者がデジタル証明書に対してできる操作 (Certificate.availableActions)',
  valuesConfig: {
    REISSUE: { description: '再発行 (監督者; reissueCertificate)' },
    REVOKE: { description: '失効 (監督者; revokeCertificate)' },
  },
});

/**
 * REISSUE: a certificate not revoked, of a terminal not abolished by `today` (CertificateService.reissue refuses those);
 * a revoked row is not offered it (its terminal's reissue is offered on its current certificate, as before).
 * REVOKE: an acquired certificate (CertificateService.revoke refuses any other).
 */
export function certificateActions(
  cert: { status: CertificateStatus; serial?: string | null },
  terminal: { endDate?: string | null } | undefined,
  today: string,
  caller: ActionCaller,
): CertificateAction[] {
  const out: CertificateAction[] = [];
  const live = !!terminal && !(terminal.endDate && terminal.endDate <= today);
  if (mayCall('reissueCertificate', caller) && cert.status !== CertificateStatus.REVOKED && live) out.push(CertificateAction.REISSUE);
  if (mayCall('revokeCertificate', caller) && cert.status === CertificateStatus.ACQUIRED && !!cert.serial) out.push(CertificateAction.REVOKE);
  return out;
}
