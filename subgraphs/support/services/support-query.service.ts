import { SafeInt } from '../entities/money';
import { Field, Int, ObjectType } from 'type-graphql';
import { badInput } from '../../../platform/graphql/errors';
import { paginate, type Page, type PageArgs } from '../../../platform/graphql/pagination';
import { isUuid } from '../../../platform/graphql/validation';
import { applyAreaFilter } from '../../../platform/security/scope';
import { Entitlement } from '../entities/entitlement.entity';
import { LedgerEntry } from '../entities/ledger-entry.entity';
import { PaymentCycle } from '../entities/payment-cycle.entity';
import { PaymentLine } from '../entities/payment-line.entity';
import { PaymentStandard } from '../entities/payment-standard.entity';
import { SupportProject } from '../entities/support-project.entity';
import { Verification, VerificationEntry } from '../entities/verification.entity';
import type { PaymentCycleFilter, PaymentLineFilter, SupportProjectFilter, VerificationEntryFilter } from '../inputs/filters.input';
import type { SupportContext } from '../support.context';
import { scoped, scopedShared } from '../support.loaders';
import { requireYear } from './support.validation';

/** Lists: scoped in SQL, filtered, keyset-paginated on the id. */

const byId = { column: 'x.id', key: (row: { id: string }) => row.id };

function filterId(value: string, field: string): string {
  if (!isUuid(value)) throw badInput([{ field, zh: '标识格式无效', en: `${field} is not a valid id` }]);
  return value.toLowerCase();
}

@ObjectType({ description: 'A cycle’s reconciliation: lines, ledger and the cycle’s total, as an auditor checks them · 批次对账' })
export class CycleReconciliation {
  @Field(() => Int, { description: 'Lines counted · 明细笔数' })
  lines: number;

  @Field(() => SafeInt, { description: 'Sum of the lines, in fen · 明细合计（分）' })
  linesFen: number;

  @Field(() => SafeInt, { description: 'PAYMENT entries in the ledger, in fen · 台账发放合计（分）' })
  paymentsFen: number;

  @Field(() => SafeInt, { description: 'FAILURE entries, in fen (negative) · 台账失败合计（分）' })
  failuresFen: number;

  @Field(() => SafeInt, { description: 'REVERSAL entries, in fen (negative) · 台账冲正合计（分）' })
  reversalsFen: number;

  @Field(() => SafeInt, { description: 'Net amount paid, in fen · 净发放金额（分）' })
  netFen: number;

  @Field({ description: 'Lines = cycle total, and once approved = ledger payments · 账实相符' })
  balanced: boolean;
}

export function listCycles(ctx: SupportContext, filter: PaymentCycleFilter | undefined, page: PageArgs): Promise<Page<PaymentCycle>> {
  const qb = scoped(ctx.dataSource, PaymentCycle, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.scheme) qb.andWhere('x.scheme = :scheme', { scheme: filter.scheme });
  if (filter?.state) qb.andWhere('x.state = :state', { state: filter.state });
  if (filter?.year != null) qb.andWhere('x.year = :year', { year: requireYear(filter.year, 'filter.year') });
  return paginate(qb, byId, page);
}

export function listLines(ctx: SupportContext, filter: PaymentLineFilter | undefined, page: PageArgs): Promise<Page<PaymentLine>> {
  const qb = scoped(ctx.dataSource, PaymentLine, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.cycleId) qb.andWhere('x.cycle_id = :cycle', { cycle: filterId(filter.cycleId, 'filter.cycleId') });
  if (filter?.personId) qb.andWhere('x.person_id = :person', { person: filterId(filter.personId, 'filter.personId') });
  if (filter?.year != null) qb.andWhere('x.year = :year', { year: requireYear(filter.year, 'filter.year') });
  return paginate(qb, byId, page);
}

export function listLedger(ctx: SupportContext, cycleId: string, page: PageArgs): Promise<Page<LedgerEntry>> {
  const qb = scoped(ctx.dataSource, LedgerEntry, ctx.scope, 'x').andWhere('x.cycle_id = :cycle', { cycle: filterId(cycleId, 'cycleId') });
  return paginate(qb, byId, page);
}

export function listVerifications(ctx: SupportContext, year: number | null | undefined, page: PageArgs): Promise<Page<Verification>> {
  const qb = scoped(ctx.dataSource, Verification, ctx.scope, 'x');
  if (year != null) qb.andWhere('x.year = :year', { year: requireYear(year, 'year') });
  return paginate(qb, byId, page);
}

export function listEntries(ctx: SupportContext, filter: VerificationEntryFilter | undefined, page: PageArgs): Promise<Page<VerificationEntry>> {
  const qb = scoped(ctx.dataSource, VerificationEntry, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.year != null) qb.andWhere('x.year = :year', { year: requireYear(filter.year, 'filter.year') });
  if (filter?.result) qb.andWhere('x.result = :result', { result: filter.result });
  if (filter?.pending === true) qb.andWhere('x.result IS NULL');
  if (filter?.pending === false) qb.andWhere('x.result IS NOT NULL');
  return paginate(qb, byId, page);
}

export function listEntitlements(ctx: SupportContext, areaCode: string | null | undefined, page: PageArgs): Promise<Page<Entitlement>> {
  const qb = scoped(ctx.dataSource, Entitlement, ctx.scope, 'x');
  if (areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', areaCode, 'areaCode');
  return paginate(qb, byId, page);
}

export function listStandards(ctx: SupportContext, year: number | null | undefined, page: PageArgs): Promise<Page<PaymentStandard>> {
  const qb = scopedShared(ctx.dataSource, PaymentStandard, ctx.scope, 'x');
  if (year != null) qb.andWhere('x.year = :year', { year: requireYear(year, 'year') });
  return paginate(qb, byId, page);
}

export function listProjects(ctx: SupportContext, filter: SupportProjectFilter | undefined, page: PageArgs): Promise<Page<SupportProject>> {
  const qb = scopedShared(ctx.dataSource, SupportProject, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.kind) qb.andWhere('x.kind = :kind', { kind: filter.kind });
  if (filter?.status) qb.andWhere('x.status = :status', { status: filter.status });
  return paginate(qb, byId, page);
}
