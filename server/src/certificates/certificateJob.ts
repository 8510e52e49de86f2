import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, CertificateStatus } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import type { Clock } from '../common/clock.js';
import { sweep } from '../common/sweep.js';
import { CrlReason } from './authority.js';
import { Certificate } from './Certificate.js';

export interface CertificateJobResult {
  /** Not acquired by the acquisition deadline (start date / reissue + 2 months) → 停止. */
  stopped: number;
  /** Past their validity → 期限切れ. */
  expired: number;
  /** Of a terminal abolished on or before today: a waiting one is stopped, an acquired one revoked. */
  closed: number;
}

/** Certificates by a time rule (see sweep), each change audited with the terminal's name. */
const sweepCertificates = (root: EntityManager, at: Date, select: string, params: unknown[], apply: (cert: Certificate) => AuditAction | undefined) =>
  sweep(root, at, Certificate, select, 'c', params, (cert) => {
    const action = apply(cert);
    return action ? { action, target: cert.terminal.name, detail: cert.reason } : undefined;
  }, ['terminal']);

/** The certificates' time rules: 停止 when not acquired in time, 期限切れ after validity, and abolished terminals. */
export async function runCertificateJob(root: EntityManager, clock: Clock): Promise<CertificateJobResult> {
  const now = clock.now();
  const today = todayInJapan(now);
  const stopped = await sweepCertificates(
    root,
    now,
    `select c.id from certificate c where c.status = 'PENDING' and c.acquire_by < ? order by c.acquire_by`,
    [today],
    (cert) => {
      if (cert.status !== CertificateStatus.PENDING || !cert.acquireBy || cert.acquireBy >= today) return undefined;
      Object.assign(cert, { status: CertificateStatus.STOPPED, revokedAt: now, reason: `取得期限 (${cert.acquireBy}) までに取得されなかったため停止` });
      return AuditAction.CERTIFICATE_STOP;
    },
  );
  const expired = await sweepCertificates(
    root,
    now,
    `select c.id from certificate c where c.status = 'ACQUIRED' and c.not_after <= ? order by c.not_after`,
    [now],
    (cert) => {
      if (cert.status !== CertificateStatus.ACQUIRED || !cert.notAfter || cert.notAfter > now) return undefined;
      cert.status = CertificateStatus.EXPIRED;
      return AuditAction.CERTIFICATE_EXPIRE;
    },
  );
  const closed = await sweepCertificates(
    root,
    now,
    `select c.id from certificate c join terminal t on t.id = c.terminal_id
      where c.status in ('PENDING', 'ACQUIRED') and t.end_date <= ? order by t.end_date`,
    [today],
    (cert) => {
      if (!cert.terminal.endDate || cert.terminal.endDate > today) return undefined;
      const reason = `論理端末の廃止 (${cert.terminal.endDate})`;
      if (cert.status === CertificateStatus.PENDING) Object.assign(cert, { status: CertificateStatus.STOPPED, revokedAt: now, reason });
      else if (cert.status === CertificateStatus.ACQUIRED) {
        Object.assign(cert, { status: CertificateStatus.REVOKED, revokedAt: now, reason, crlReason: CrlReason.cessationOfOperation });
      } else return undefined;
      return AuditAction.CERTIFICATE_CLOSE;
    },
  );
  return { stopped, expired, closed };
}
