// The planner's picture of each office: its contract as the approvals so far left it (利用者コード with their
// 識別番号, terminals, lines), what open applications hold back, and what the steps learn as they run (ids and
// codes the product issued). And the reads of an office's registered contract a change application starts from.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Industry, Plan, ProcessingMethod, SystemCategory } from '../../server/src/common/enums.js';
import type { Registered, RegisteredLine, RegisteredUserCode } from './factories/applications.js';
import type { ConsolidatedWith, Firm, Site } from './factories/companies.js';

export interface IdentModel {
  office: OfficeModel;
  live: boolean;
  /** Named by an open abolition application. */
  pending: boolean;
}

export interface UserCodeModel {
  owner: OfficeModel;
  systemCategory: SystemCategory;
  statisticsPaid: boolean;
  statisticsFree: boolean;
  bondedRecordService: boolean;
  idents: IdentModel[];
  /** Its code, once the approval that issued it has run. */
  code?: string;
}

export interface OfficeModel {
  key: string;
  firm: Firm;
  site: Site;
  status: 'pending' | 'active' | 'closed';
  startDate?: string;
  /** The start date of its approved 契約解除. */
  endDate?: string;
  /** A 契約解除 is applied for. */
  terminating: boolean;
  /** Applications that name the office and are not decided yet (no 契約解除 while there are any). */
  open: number;
  office: Site['office'];
  billing: Registered['billing'];
  consolidatedWith?: ConsolidatedWith;
  plan: Plan;
  usesNet: boolean;
  usesGeneral: boolean;
  netTerminals: number;
  lines: number;
  /** The 利用者コード it holds: its own and the ones it shares. */
  userCodes: UserCodeModel[];
  /** What the steps learn as they run. */
  exec: { id?: string; code?: string; billingCode?: string; pendingIdents: Set<string> };
}

export const registeredCode = (uc: UserCodeModel): RegisteredUserCode => ({
  code: uc.code!, systemCategory: uc.systemCategory, statisticsPaid: uc.statisticsPaid, statisticsFree: uc.statisticsFree,
  bondedRecordService: uc.bondedRecordService,
});

/** Reads an office's registered contract, as the customer sees it in NSS when filling in a change application. */
export class OfficeReader {
  constructor(private readonly em: EntityManager) {}

  /** 識別番号 of a 利用者コード at the office that are live and not ending. */
  async liveIdents(code: string, officeId: string): Promise<Array<{ identNo: string; industries: Industry[]; processingMethod: ProcessingMethod }>> {
    const rows = await this.em.getConnection().execute<Array<{ ident_no: string; industries: Industry[] | string; processing_method: ProcessingMethod }>>(
      `select u.ident_no, u.industries, u.processing_method from user_id u join user_code c on c.id = u.user_code_id
        where c.code = ? and u.office_id = ? and u.end_date is null order by u.ident_no`, [code, officeId],
    );
    return rows.map((r) => ({ identNo: r.ident_no, industries: parseArray(r.industries) as Industry[], processingMethod: r.processing_method }));
  }

  /** Lines of the office that are live and not ending, in the order they were issued. */
  async liveLines(officeId: string): Promise<RegisteredLine[]> {
    const rows = await this.em.getConnection().execute<Array<Record<string, string | boolean | null>>>(
      `select id, system_category, connection_method, line_type, speed, indoor_wiring, maintenance, redundancy, spare_router, ping_monitoring
         from line where office_id = ? and end_date is null order by start_date, ip_address::inet`, [officeId],
    );
    return rows.map((r) => ({
      id: r.id as string, systemCategory: r.system_category as SystemCategory, connectionMethod: r.connection_method as RegisteredLine['connectionMethod'],
      lineType: r.line_type as RegisteredLine['lineType'], speed: r.speed as string,
      indoorWiring: (r.indoor_wiring ?? undefined) as RegisteredLine['indoorWiring'], maintenance: r.maintenance as RegisteredLine['maintenance'],
      redundancy: !!r.redundancy, spareRouter: !!r.spare_router, pingMonitoring: !!r.ping_monitoring,
    }));
  }
}

const parseArray = (v: string[] | string): string[] => (Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '').split(',').filter(Boolean));
