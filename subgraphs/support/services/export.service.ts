import { schemaName } from '../../../platform/db/data-source';
import type { BaseContext } from '../../../platform/graphql/context';
import { badInput, conflict, forbidden, notFound } from '../../../platform/graphql/errors';
import { isUuid } from '../../../platform/graphql/validation';
import { exportPages } from '../../../platform/imports/export-query';
import type { ExportParameters } from '../../../platform/imports/registry-sheets';
import { Role } from '../../../platform/security/identity';
import { yuan } from '../entities/money';
import { publicName } from '../imports/publication.sheet';

/**
 * The support subgraph's files, read a page at a time inside the caller's jurisdiction (the
 * file route masks sensitive columns by the disclosure policy and the gateway audits full ones).
 * Analysts and partners get aggregates only: every support file is refused to them.
 */

const NO_ID = '00000000-0000-0000-0000-000000000000';
const OFFICES: readonly Role[] = [Role.PREFECTURE_OFFICER, Role.COUNTY_OFFICER];

function refuseAggregatesOnly(ctx: BaseContext): void {
  if (ctx.identity.role === Role.ANALYST || ctx.identity.role === Role.PARTNER) {
    throw forbidden('分析人员和合作单位只能查询汇总数据，不能导出人员名单', 'Analysts and partners get aggregates only: no list of persons is exported to them');
  }
}

interface CycleRow { id: string; code: string; state: string; county_code: string }

/** The cycle named by `cycle` (id or code) inside the caller's counties, in one of `states`. */
async function cycleNamed(ctx: BaseContext, cycle: string | undefined, states: readonly string[]): Promise<CycleRow> {
  if (!cycle) throw badInput([{ field: 'cycle', zh: '须指明发放批次（cycle=批次编号或批次号）', en: 'cycle is required (the cycle’s id or code)' }]);
  const s = `"${schemaName(ctx.dataSource)}"`;
  const byId = isUuid(cycle);
  const [row]: CycleRow[] = await ctx.dataSource.query(
    `SELECT id, code, state, county_code FROM ${s}.payment_cycle WHERE ${byId ? 'id = $1::uuid' : 'code = $1'}`, [byId ? cycle.toLowerCase() : cycle]);
  if (!row || !ctx.scope.covers(row.county_code)) {
    const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM ${s}.existing_keys('payment_cycle', $1, $2) k`, [byId ? 'id' : 'code', [byId ? cycle.toLowerCase() : cycle]]);
    if (n || row) throw forbidden();
    throw notFound('发放批次', 'Payment cycle', 'cycle');
  }
  if (!states.includes(row.state)) {
    throw conflict('cycle', `批次 ${row.code} 当前为 ${row.state}，只有 ${states.join('、')} 状态的批次可以导出此文件`, `Cycle ${row.code} is ${row.state}: this file is exported for ${states.join(', ')} cycles only`);
  }
  return row;
}

function yearOf(value: string | undefined): number {
  const year = Number(value);
  if (!value || !/^\d{4}$/.test(value) || year < 2006 || year > 2100) throw badInput([{ field: 'year', zh: '须指明年度（year=2006 至 2100）', en: 'year is required, between 2006 and 2100' }]);
  return year;
}

/**
 * The bank payment file of an APPROVED cycle (re-issued unchanged once EXPORTED or RECONCILED),
 * offices and auditors only (the cycle is a county's). An office issuing an APPROVED cycle's file
 * moves it to EXPORTED: that is what issuing it means; the file holds the same lines whenever it
 * is downloaded again (the lines are frozen).
 */
export async function* exportBankPayments(ctx: BaseContext, area?: string, parameters: ExportParameters = {}): AsyncGenerator<Record<string, unknown>> {
  refuseAggregatesOnly(ctx);
  if (ctx.identity.role === Role.COMMUNITY_WORKER) throw forbidden('银行代发文件须由县（区、市）移民办导出', 'Only the offices issue the bank payment file');
  const cycle = await cycleNamed(ctx, parameters.cycle, ['APPROVED', 'EXPORTED', 'RECONCILED']);
  if (cycle.state === 'APPROVED' && OFFICES.includes(ctx.identity.role)) {
    await ctx.dataSource.query(`UPDATE "${schemaName(ctx.dataSource)}".payment_cycle SET state = 'EXPORTED', exported_by = $2, exported_at = now() WHERE id = $1 AND state = 'APPROVED'`, [cycle.id, ctx.identity.subject]);
  }
  for await (const row of exportPages(ctx, 'l.area_code', area, [NO_ID], (s, condition) =>
    `SELECT l.id AS "lineId", p.name, p.id_number AS "idNumber", k.card_no AS "cardNo", k.bank, l.amount_fen::text AS fen
       FROM "${s}".payment_line l JOIN "${s}".registry_person p ON p.person_id = l.person_id LEFT JOIN "${s}".subsidy_card k ON k.person_id = l.person_id
      WHERE l.id > $1::uuid AND l.cycle_id = $2::uuid AND ${condition} ORDER BY l.id`,
  (r) => [r.lineId as string], [cycle.id])) {
    yield { cycleCode: cycle.code, ...row, amountYuan: yuan(Number(row.fen)) };
  }
}

/** The village publication list (公示) of a cycle past DRAFT: partly masked names, resident group, scheme, year, amount; no ID or card. */
export async function* exportPublication(ctx: BaseContext, area?: string, parameters: ExportParameters = {}): AsyncGenerator<Record<string, unknown>> {
  refuseAggregatesOnly(ctx);
  const cycle = await cycleNamed(ctx, parameters.cycle, ['SUBMITTED', 'APPROVED', 'EXPORTED', 'RECONCILED']);
  for await (const row of exportPages(ctx, 'l.area_code', area, ['', NO_ID], (s, condition) =>
    `SELECT l.area_code AS "areaCode", l.person_id AS "personId", p.name, l.scheme, l.year, l.amount_fen::text AS fen
       FROM "${s}".payment_line l JOIN "${s}".registry_person p ON p.person_id = l.person_id
      WHERE (l.area_code, l.person_id) > ($1, $2::uuid) AND l.cycle_id = $3::uuid AND ${condition} ORDER BY l.area_code, l.person_id`,
  (r) => [r.areaCode as string, r.personId as string], [cycle.id])) {
    yield { areaCode: row.areaCode, name: publicName(String(row.name)), scheme: row.scheme, year: String(row.year), amountYuan: yuan(Number(row.fen)) };
  }
}

/** A county's (or the caller's area's) verification list of `year`, with what is recorded so far. */
export async function* exportVerification(ctx: BaseContext, area?: string, parameters: ExportParameters = {}): AsyncGenerator<Record<string, unknown>> {
  refuseAggregatesOnly(ctx);
  const year = yearOf(parameters.year);
  for await (const row of exportPages(ctx, 'x.area_code', area, [NO_ID], (s, condition) =>
    `SELECT x.year::text AS year, x.person_id AS "personId", p.name, p.id_number AS "idNumber", x.area_code AS "areaCode",
            x.result, x.verified_on::text AS "verifiedOn", x.note
       FROM "${s}".verification_entry x JOIN "${s}".registry_person p ON p.person_id = x.person_id
      WHERE x.person_id > $1::uuid AND x.year = $2::int AND ${condition} ORDER BY x.person_id`,
  (r) => [r.personId as string], [year])) yield row;
}

/** The persons removed in a quarter (entitlements ended for death, state employment, prison or registry removal), one row per person. */
export async function* exportRemovals(ctx: BaseContext, area?: string, parameters: ExportParameters = {}): AsyncGenerator<Record<string, unknown>> {
  refuseAggregatesOnly(ctx);
  const year = yearOf(parameters.year);
  const quarter = Number(parameters.quarter);
  if (!/^[1-4]$/.test(parameters.quarter ?? '')) throw badInput([{ field: 'quarter', zh: '须指明季度（quarter=1 至 4）', en: 'quarter is required, 1 to 4' }]);
  const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  const to = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  yield* exportPages(ctx, 'c.area_code', area, [NO_ID], (s, condition) =>
    `SELECT * FROM (
       SELECT DISTINCT ON (c.person_id) c.county_code AS "countyCode", c.area_code AS "areaCode", c.person_id AS "personId", p.name, p.id_number AS "idNumber",
              c.reason, c.effective_on::text AS "effectiveOn", c.source
         FROM "${s}".entitlement_change c JOIN "${s}".registry_person p ON p.person_id = c.person_id
        WHERE c.person_id > $1::uuid AND c.status = 'ENDED' AND c.reason IN ('DECEASED', 'STATE_EMPLOYED', 'IMPRISONED', 'REMOVED_FROM_REGISTRY')
          AND c.effective_on >= $2::date AND c.effective_on < $3::date AND ${condition}
        ORDER BY c.person_id, c.effective_on, c.seq) q ORDER BY "personId"`,
  (r) => [r.personId as string], [from, to]);
}

/**
 * The county's card list: the active persons of the caller's jurisdiction whom support holds no
 * card or no ID number for, to be filled in and imported back (offices and auditors; the file
 * route masks the numbers by the policy).
 */
export async function* exportSubsidyCards(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  refuseAggregatesOnly(ctx);
  if (ctx.identity.role === Role.COMMUNITY_WORKER) throw forbidden('一卡通名单须由县（区、市）移民办导出', 'Only the offices export the card list');
  yield* exportPages(ctx, 'p.area_code', area, [NO_ID], (s, condition) =>
    `SELECT p.person_id AS "personId", p.name, p.area_code AS "areaCode", p.id_number AS "idNumber", k.card_no AS "cardNo", k.bank, k.opened_on::text AS "openedOn"
       FROM "${s}".registry_person p LEFT JOIN "${s}".subsidy_card k ON k.person_id = p.person_id
      WHERE p.person_id > $1::uuid AND p.status = 'ACTIVE' AND (k.person_id IS NULL OR p.id_number IS NULL) AND ${condition} ORDER BY p.person_id`,
  (r) => [r.personId as string]);
}
