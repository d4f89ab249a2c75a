import type { EntityManager } from 'typeorm';
import { stableUuid } from '../../../platform/demo/random';
import { schemaName } from '../../../platform/db/data-source';
import { inTransaction } from '../../../platform/db/transaction';
import { badInput, conflict, forbidden, notFound, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { checkText, requireId } from '../../../platform/graphql/validation';
import { PaymentCycle } from '../entities/payment-cycle.entity';
import { PaymentLine } from '../entities/payment-line.entity';
import { Verification } from '../entities/verification.entity';
import type { GenerateCycleInput } from '../inputs/records.input';
import type { SupportContext } from '../support.context';
import { CycleKind, CycleState, SupportScheme, VerificationStatus } from '../support.enums';
import { verificationId } from './verification.service';
import { checkCounty, checkYear, requireWholeCounty } from './support.validation';

/**
 * Payment cycles: generated from a closed verification and the standard in force (DRAFT),
 * submitted, approved by another officer (APPROVED: a PAYMENT ledger entry per line), issued to
 * the bank (EXPORTED), reconciled against the bank's return (RECONCILED; failed lines go to a
 * re-payment cycle). Nothing of a cycle past DRAFT changes; the database refuses it too.
 */

const s = (manager: EntityManager) => `"${schemaName(manager.connection)}"`;

const CODE_PREFIX: Record<SupportScheme, string> = { [SupportScheme.POST_RELOCATION_SUPPORT]: 'HQFC', [SupportScheme.ANNUAL_COMPENSATION]: 'ZNBC' };

export const cycleId = (scheme: string, county: string, year: number, period: number) => stableUuid('support-cycle', scheme, county, String(year), String(period));
export const cycleCode = (scheme: SupportScheme, county: string, year: number, period: number) => `${CODE_PREFIX[scheme]}-${county}-${year}-${period}`;

/** First and last day of instalment `period` of `periods` in `year` (equal runs of months). */
export function periodDates(year: number, period: number, periods: number): { from: string; to: string } {
  const first = Math.floor(((period - 1) * 12) / periods) + 1;
  const last = Math.floor((period * 12) / periods);
  const end = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(end)}` };
}

/** A cycle inside the caller's county, or FORBIDDEN / NOT_FOUND. */
async function cycleOf(ctx: SupportContext, manager: EntityManager, id: string, field = 'id'): Promise<PaymentCycle> {
  const cycle = await manager.getRepository(PaymentCycle).findOneBy({ id: requireId(id, field) });
  if (!cycle) {
    if (await existsElsewhere(manager, PaymentCycle, 'id', id)) throw forbidden();
    throw notFound('发放批次', 'Payment cycle', field);
  }
  requireWholeCounty(ctx, cycle.countyCode);
  return cycle;
}

function requireState(cycle: PaymentCycle, wanted: CycleState, action: { zh: string; en: string }): void {
  if (cycle.state !== wanted) {
    throw conflict('id', `批次 ${cycle.code} 当前为 ${cycle.state}，只有 ${wanted} 状态的批次可以${action.zh}`, `Cycle ${cycle.code} is ${cycle.state}: only a ${wanted} cycle can be ${action.en}`);
  }
}

/**
 * Generates (or completes) the cycle of a scheme, county, year and instalment from the year's
 * closed verification: one line per person found present whose entitlement is active and covers
 * the instalment, at the standard of the county (and the household's station, when it has its
 * own). Idempotent: the same cycle twice gives the same lines; past DRAFT it is returned as is.
 */
export async function generatePaymentCycle(ctx: SupportContext, input: GenerateCycleInput): Promise<PaymentCycle> {
  const problems = new Problems();
  const county = checkCounty(problems, 'input.countyCode', input.countyCode);
  checkYear(problems, 'input.year', input.year);
  const periods = ctx.config.instalments(county);
  const period = input.period ?? 1;
  if (!Number.isInteger(period) || period < 1 || period > periods) problems.add('input.period', `期次须在 1 至 ${periods} 之间（该县每年发放 ${periods} 期）`, `period must be between 1 and ${periods} (the county pays ${periods} instalments a year)`);
  problems.throwIfAny();
  requireWholeCounty(ctx, county);
  return inTransaction(ctx, async (manager) => {
    const verification = await manager.getRepository(Verification).findOneBy({ id: verificationId(county, input.year) });
    if (!verification || verification.status !== VerificationStatus.CLOSED) {
      throw conflict('input.year', `${county} 的 ${input.year} 年度人口核定尚未完成，不能生成发放批次`, `The ${input.year} verification of ${county} is not closed: no cycle can be generated`);
    }
    const id = cycleId(input.scheme, county, input.year, period);
    const existing = await manager.getRepository(PaymentCycle).findOneBy({ id });
    if (existing && existing.state !== CycleState.DRAFT) return existing;
    if (!existing) {
      await manager.getRepository(PaymentCycle).insert({
        id, code: cycleCode(input.scheme, county, input.year, period), scheme: input.scheme, kind: CycleKind.REGULAR, areaCode: county, countyCode: county,
        year: input.year, period, periods, verificationId: verification.id, sourceCycleId: null, state: CycleState.DRAFT, lineCount: 0, totalFen: 0,
        preparedBy: ctx.identity.subject,
      });
    }
    await generateLines(manager, { id, scheme: input.scheme, county, year: input.year, period, periods, verificationId: verification.id });
    return manager.getRepository(PaymentCycle).findOneByOrFail({ id });
  });
}

/** The eligible persons of a cycle and the standard each is paid at (null: no standard in force). */
function eligible(schema: string): string {
  return `SELECT x.person_id, x.household_id, x.area_code, x.county_code, e.station_id, st.amount_fen AS annual_fen
      FROM ${schema}.verification_entry x
      JOIN ${schema}.entitlement e ON e.person_id = x.person_id AND e.scheme = $2::text
      LEFT JOIN LATERAL (
        SELECT amount_fen FROM ${schema}.payment_standard st
         WHERE st.scheme = $2::text AND st.county_code = $3::text AND st.year = $4::int AND (st.station_id = e.station_id OR st.station_id IS NULL)
         ORDER BY st.station_id NULLS LAST LIMIT 1) st ON TRUE
     WHERE x.verification_id = $1::uuid AND x.result = 'PRESENT' AND e.status = 'ACTIVE'
       AND e.start_on <= $6::date AND (e.end_on IS NULL OR e.end_on >= $5::date)`;
}

/** Inserts the lines a DRAFT cycle lacks (none when it is complete), then its count and total. */
async function generateLines(manager: EntityManager, c: { id: string; scheme: SupportScheme; county: string; year: number; period: number; periods: number; verificationId: string }): Promise<void> {
  const schema = s(manager);
  const { from, to } = periodDates(c.year, c.period, c.periods);
  const params = [c.verificationId, c.scheme, c.county, c.year, from, to];
  const [missing] = await manager.query(`SELECT count(*)::int AS n, min(station_id) AS station FROM (${eligible(schema)}) q WHERE annual_fen IS NULL`, params);
  if (missing.n > 0) {
    throw conflict('input.year', `${c.county} ${c.year} 年度没有适用于 ${missing.station} 电站的发放标准（${missing.n} 人），请先登记发放标准`,
      `No payment standard of ${c.county} for ${c.year} applies to station ${missing.station} (${missing.n} persons): record the standard first`);
  }
  await manager.query(
    `INSERT INTO ${schema}.payment_line (id, cycle_id, scheme, year, person_id, household_id, area_code, county_code, amount_fen)
     SELECT md5('payment-line:' || $7::uuid::text || ':' || q.person_id::text)::uuid, $7::uuid, $2::text, $4::int, q.person_id, q.household_id, q.area_code, q.county_code,
            q.annual_fen / $9::int + CASE WHEN $8::int = $9::int THEN q.annual_fen % $9::int ELSE 0 END
       FROM (${eligible(schema)}) q
     ON CONFLICT (cycle_id, person_id) DO NOTHING`, [...params, c.id, c.period, c.periods]);
  await updateTotals(manager, c.id);
}

async function updateTotals(manager: EntityManager, id: string): Promise<void> {
  await manager.query(
    `UPDATE ${s(manager)}.payment_cycle c SET line_count = t.n, total_fen = t.total
       FROM (SELECT count(*)::int AS n, coalesce(sum(amount_fen), 0)::bigint AS total FROM ${s(manager)}.payment_line WHERE cycle_id = $1) t
      WHERE c.id = $1 AND (c.line_count, c.total_fen) IS DISTINCT FROM (t.n, t.total)`, [id]);
}

export async function submitPaymentCycle(ctx: SupportContext, id: string): Promise<PaymentCycle> {
  return inTransaction(ctx, async (manager) => {
    const cycle = await cycleOf(ctx, manager, id);
    requireState(cycle, CycleState.DRAFT, { zh: '提交审批', en: 'submitted' });
    if (cycle.lineCount === 0) throw conflict('id', `批次 ${cycle.code} 没有发放明细，不能提交`, `Cycle ${cycle.code} has no lines: it cannot be submitted`);
    await manager.query(`UPDATE ${s(manager)}.payment_cycle SET state = 'SUBMITTED', submitted_by = $2, submitted_at = now() WHERE id = $1`, [cycle.id, ctx.identity.subject]);
    return manager.getRepository(PaymentCycle).findOneByOrFail({ id: cycle.id });
  });
}

/** Approval by another officer than the preparer (maker–checker); writes a PAYMENT ledger entry per line. */
export async function approvePaymentCycle(ctx: SupportContext, id: string): Promise<PaymentCycle> {
  return inTransaction(ctx, async (manager) => {
    const cycle = await cycleOf(ctx, manager, id);
    if (cycle.preparedBy === ctx.identity.subject) {
      throw forbidden(`审批人不能是本批次的编制人（${cycle.preparedBy}）：须由另一名工作人员审批`, `The approver cannot be the cycle’s preparer (${cycle.preparedBy}): another officer must approve it`);
    }
    requireState(cycle, CycleState.SUBMITTED, { zh: '审批', en: 'approved' });
    await approveRows(manager, cycle.id, ctx.identity.subject);
    return manager.getRepository(PaymentCycle).findOneByOrFail({ id: cycle.id });
  });
}

/** The cycle approved and its PAYMENT entries appended, set-based. */
async function approveRows(manager: EntityManager, id: string, by: string): Promise<void> {
  await manager.query(`UPDATE ${s(manager)}.payment_cycle SET state = 'APPROVED', approved_by = $2, approved_at = now() WHERE id = $1`, [id, by]);
  await manager.query(
    `INSERT INTO ${s(manager)}.ledger_entry (id, cycle_id, line_id, person_id, household_id, area_code, county_code, scheme, year, kind, amount_fen, recorded_by)
     SELECT md5('ledger:PAYMENT:' || l.id::text)::uuid, l.cycle_id, l.id, l.person_id, l.household_id, l.area_code, l.county_code, l.scheme, l.year, 'PAYMENT', l.amount_fen, $2
       FROM ${s(manager)}.payment_line l WHERE l.cycle_id = $1`, [id, by]);
}

/** The bank file is issued: APPROVED → EXPORTED. */
export async function exportPaymentCycle(ctx: SupportContext, id: string): Promise<PaymentCycle> {
  return inTransaction(ctx, async (manager) => {
    const cycle = await cycleOf(ctx, manager, id);
    requireState(cycle, CycleState.APPROVED, { zh: '生成银行代发文件', en: 'exported to the bank' });
    await manager.query(`UPDATE ${s(manager)}.payment_cycle SET state = 'EXPORTED', exported_by = $2, exported_at = now() WHERE id = $1`, [cycle.id, ctx.identity.subject]);
    return manager.getRepository(PaymentCycle).findOneByOrFail({ id: cycle.id });
  });
}

/**
 * Reconciliation once the bank has returned every line (the return file's import): EXPORTED →
 * RECONCILED, and a re-payment cycle (DRAFT, prepared by the caller) with the failed lines.
 */
export async function reconcilePaymentCycle(ctx: SupportContext, id: string): Promise<PaymentCycle> {
  return inTransaction(ctx, async (manager) => {
    const cycle = await cycleOf(ctx, manager, id);
    requireState(cycle, CycleState.EXPORTED, { zh: '对账', en: 'reconciled' });
    const [{ pending }] = await manager.query(
      `SELECT count(*)::int AS pending FROM ${s(manager)}.payment_line l WHERE l.cycle_id = $1 AND NOT EXISTS (SELECT 1 FROM ${s(manager)}.bank_return b WHERE b.line_id = l.id)`, [cycle.id]);
    if (pending > 0) throw conflict('id', `还有 ${pending} 笔明细银行尚未回盘，不能对账`, `${pending} lines have not been returned by the bank: the cycle cannot be reconciled`);
    await reconcileRows(manager, cycle, ctx.identity.subject);
    return manager.getRepository(PaymentCycle).findOneByOrFail({ id: cycle.id });
  });
}

/**
 * After a bank return file: each of `cycleIds` still EXPORTED whose every line the bank has
 * returned is reconciled (its failed lines into a re-payment cycle), in the caller's transaction.
 */
export async function reconcileReturnedCycles(manager: EntityManager, cycleIds: string[], by: string): Promise<void> {
  if (!cycleIds.length) return;
  const complete: { id: string }[] = await manager.query(
    `SELECT c.id FROM ${s(manager)}.payment_cycle c
      WHERE c.id = ANY ($1::uuid[]) AND c.state = 'EXPORTED'
        AND c.line_count = (SELECT count(*) FROM ${s(manager)}.bank_return b WHERE b.cycle_id = c.id)`, [cycleIds]);
  for (const { id } of complete) await reconcileRows(manager, await manager.getRepository(PaymentCycle).findOneByOrFail({ id }), by);
}

async function reconcileRows(manager: EntityManager, cycle: PaymentCycle, by: string): Promise<void> {
  const schema = s(manager);
  await manager.query(`UPDATE ${schema}.payment_cycle SET state = 'RECONCILED', reconciled_by = $2, reconciled_at = now() WHERE id = $1`, [cycle.id, by]);
  const [{ failed }] = await manager.query(`SELECT count(*)::int AS failed FROM ${schema}.bank_return WHERE cycle_id = $1 AND NOT paid`, [cycle.id]);
  if (!failed) return;
  const repayment = stableUuid('support-repayment', cycle.id);
  await manager.getRepository(PaymentCycle).insert({
    id: repayment, code: `${cycle.code}-BF`, scheme: cycle.scheme, kind: CycleKind.REPAYMENT, areaCode: cycle.areaCode, countyCode: cycle.countyCode,
    year: cycle.year, period: cycle.period, periods: cycle.periods, verificationId: cycle.verificationId, sourceCycleId: cycle.id,
    state: CycleState.DRAFT, lineCount: 0, totalFen: 0, preparedBy: by,
  });
  await manager.query(
    `INSERT INTO ${schema}.payment_line (id, cycle_id, scheme, year, person_id, household_id, area_code, county_code, amount_fen, source_line_id)
     SELECT md5('payment-line:' || $2::uuid::text || ':' || l.person_id::text)::uuid, $2::uuid, l.scheme, l.year, l.person_id, l.household_id, l.area_code, l.county_code, l.amount_fen, l.id
       FROM ${schema}.payment_line l JOIN ${schema}.bank_return b ON b.line_id = l.id AND NOT b.paid WHERE l.cycle_id = $1`, [cycle.id, repayment]);
  await updateTotals(manager, repayment);
}

/** A correction of a paid line: a REVERSAL entry of the opposite amount (the line and its PAYMENT entry stay). */
export async function reversePaymentLine(ctx: SupportContext, lineId: string, reason: string): Promise<PaymentLine> {
  const problems = new Problems();
  checkText(problems, 'reason', reason, '冲正原因', 200);
  problems.throwIfAny();
  return inTransaction(ctx, async (manager) => {
    const line = await manager.getRepository(PaymentLine).findOneBy({ id: requireId(lineId, 'lineId') });
    if (!line) {
      if (await existsElsewhere(manager, PaymentLine, 'id', lineId)) throw forbidden();
      throw notFound('发放明细', 'Payment line', 'lineId');
    }
    requireWholeCounty(ctx, line.countyCode);
    const [entry] = await manager.query(
      `SELECT p.id, EXISTS (SELECT 1 FROM ${s(manager)}.ledger_entry x WHERE x.line_id = p.line_id AND x.kind <> 'PAYMENT') AS settled
         FROM ${s(manager)}.ledger_entry p WHERE p.line_id = $1 AND p.kind = 'PAYMENT'`, [line.id]);
    if (!entry) throw badInput([{ field: 'lineId', zh: '该明细所在批次尚未审批，直接在编制中修改即可，无需冲正', en: 'The line’s cycle is not approved: nothing to reverse' }]);
    if (entry.settled) throw conflict('lineId', '该明细已发放失败或已冲正，不能再冲正', 'The line has failed or been reversed already');
    await manager.query(
      `INSERT INTO ${s(manager)}.ledger_entry (id, cycle_id, line_id, person_id, household_id, area_code, county_code, scheme, year, kind, amount_fen, reason, reverses_id, recorded_by)
       SELECT md5('ledger:REVERSAL:' || p.id::text)::uuid, p.cycle_id, p.line_id, p.person_id, p.household_id, p.area_code, p.county_code, p.scheme, p.year, 'REVERSAL', -p.amount_fen, $2, p.id, $3
         FROM ${s(manager)}.ledger_entry p WHERE p.id = $1`, [entry.id, reason.trim(), ctx.identity.subject]);
    return line;
  });
}
