import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificateStatus } from '../common/enums.js';
import { todayInJapan } from '../common/dates.js';
import { AuditLog } from '../staff/security.js';
import { CrlReason } from './authority.js';
import { Certificate } from './Certificate.js';

const BATCH = 50;

export interface CertificateJobResult {
  /** Not acquired by the acquisition deadline (start date / reissue + 2 months) → 停止. */
  stopped: number;
  /** Past their validity → 期限切れ. */
  expired: number;
  /** Of a terminal abolished on or before today: a waiting one is stopped, an acquired one revoked. */
  closed: number;
}

/**
 * One rule over batches: each batch claims its rows with FOR UPDATE SKIP LOCKED in its own transaction and re-checks
 * them there, so with several server processes at once every certificate is changed exactly once.
 */
async function sweep(root: EntityManager, select: string, params: unknown[], apply: (cert: Certificate) => string | undefined): Promise<number> {
  let total = 0;
  for (;;) {
    const { claimed, changed } = await root.fork().transactional(async (em) => {
      const rows = await em.getConnection().execute<{ id: string }[]>(
        `${select} limit ${BATCH} for update of c skip locked`, params, 'all', em.getTransactionContext(),
      );
      if (!rows.length) return { claimed: 0, changed: 0 };
      const certs = await em.find(Certificate, { id: { $in: rows.map((r) => r.id) } }, { populate: ['terminal'] });
      let n = 0;
      for (const cert of certs) {
        const action = apply(cert);
        if (!action) continue;
        n++;
        em.persist(Object.assign(new AuditLog(), { action, target: cert.terminal.name, detail: cert.reason, at: new Date() }));
      }
      await em.flush();
      return { claimed: rows.length, changed: n };
    });
    total += changed;
    if (claimed < BATCH) return total;
  }
}

/** The certificates' time rules: 停止 when not acquired in time, 期限切れ after validity, and abolished terminals. */
export async function runCertificateJob(root: EntityManager, now: Date = new Date()): Promise<CertificateJobResult> {
  const today = todayInJapan(now);
  const stopped = await sweep(
    root,
    `select c.id from certificate c where c.status = 'PENDING' and c.acquire_by < ? order by c.acquire_by`,
    [today],
    (cert) => {
      if (cert.status !== CertificateStatus.PENDING || !cert.acquireBy || cert.acquireBy >= today) return undefined;
      Object.assign(cert, { status: CertificateStatus.STOPPED, revokedAt: now, reason: `取得期限 (${cert.acquireBy}) までに取得されなかったため停止` });
      return 'CERTIFICATE_STOP';
    },
  );
  const expired = await sweep(
    root,
    `select c.id from certificate c where c.status = 'ACQUIRED' and c.not_after <= ? order by c.not_after`,
    [now],
    (cert) => {
      if (cert.status !== CertificateStatus.ACQUIRED || !cert.notAfter || cert.notAfter > now) return undefined;
      cert.status = CertificateStatus.EXPIRED;
      return 'CERTIFICATE_EXPIRE';
    },
  );
  const closed = await sweep(
    root,
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
      return 'CERTIFICATE_CLOSE';
    },
  );
  return { stopped, expired, closed };
}
