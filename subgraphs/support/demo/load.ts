import type { DataSource, EntityManager } from 'typeorm';
import { copyRows } from '../../../platform/db/bulk-copy';
import { withKeysDeferred } from '../../../platform/db/bulk-load';
import { schemaName } from '../../../platform/db/data-source';
import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { withChangeHistoryPaused } from '../../../platform/history/change-history';
import { pauseRollups, refreshRollups } from '../../../platform/statistics/rollups';
import { stableUuid } from '../../../platform/demo/random';
import { CycleState } from '../support.enums';
import { loadRegistrySnapshot } from '../services/registry-projection';
import { loadDemoProjection } from '../../../platform/events/projection-demo';
import { generateSupportDemo } from './generator';

/** Whether the support tables already hold data (the demo is loaded once, on first start). */
export async function hasSupportData(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${schemaName(dataSource)}".registry_person) AS present`);
  return row.present === true;
}

/** The registry's projections: the events' (`person_ref`, `household_ref`) and this subgraph's own. */
const PROJECTION_TABLES = ['household_ref', 'person_ref', 'registry_household', 'registry_person'];
/** Tables of the whole demo, then those of each county (parents first). */
const DEMO_TABLES = ['payment_standard', 'support_project', 'project_fund'] as const;
const COUNTY_TABLES = ['subsidy_card', 'verification', 'verification_entry', 'entitlement_change', 'payment_cycle', 'payment_line'] as const;
/** Every table the load fills: their keys and indexes are set aside while it runs. */
const TABLES = [...PROJECTION_TABLES, ...DEMO_TABLES, ...COUNTY_TABLES, 'bank_return', 'ledger_entry'];

const LINE = 'l.person_id, l.household_id, l.area_code, l.county_code';
const LEDGER = '(id, cycle_id, line_id, person_id, household_id, area_code, county_code, scheme, year, kind, amount_fen, reason, recorded_by)';

/**
 * What follows from the lines, set-based (as `payment-cycle.service.ts` writes it): the bank's
 * return of the reconciled cycles (about 3 lines in 1,000 failed, with the bank's reason), a
 * PAYMENT entry per line of every cycle past DRAFT and a FAILURE entry per failed line, and the
 * DRAFT re-payment cycles of the failed lines (`$1`: the reconciled cycles, `$2`: their re-payment ids).
 */
const FOLLOWING = (s: string) => [
  `INSERT INTO ${s}.bank_return (line_id, cycle_id, area_code, county_code, paid, reason, returned_on)
   SELECT l.id, l.cycle_id, l.area_code, l.county_code, b.n >= 3, CASE WHEN b.n < 2 THEN '账户已销户' WHEN b.n < 3 THEN '户名与账号不符' END, make_date(l.year, 7, 20)
     FROM ${s}.payment_line l JOIN ${s}.payment_cycle c ON c.id = l.cycle_id AND c.state = 'RECONCILED'
    CROSS JOIN LATERAL (SELECT ('x' || substr(md5(l.id::text), 1, 8))::bit(32)::bigint % 1000 AS n) b`,
  `INSERT INTO ${s}.ledger_entry ${LEDGER}
   SELECT md5('ledger:PAYMENT:' || l.id::text)::uuid, l.cycle_id, l.id, ${LINE}, l.scheme, l.year, 'PAYMENT', l.amount_fen, NULL, c.approved_by
     FROM ${s}.payment_line l JOIN ${s}.payment_cycle c ON c.id = l.cycle_id AND c.state <> 'DRAFT'`,
  `INSERT INTO ${s}.ledger_entry ${LEDGER}
   SELECT md5('ledger:FAILURE:' || l.id::text)::uuid, l.cycle_id, l.id, ${LINE}, l.scheme, l.year, 'FAILURE', -l.amount_fen, b.reason, c.reconciled_by
     FROM ${s}.bank_return b JOIN ${s}.payment_line l ON l.id = b.line_id JOIN ${s}.payment_cycle c ON c.id = l.cycle_id WHERE NOT b.paid`,
  `INSERT INTO ${s}.payment_cycle (id, code, scheme, kind, area_code, county_code, year, period, periods, verification_id, source_cycle_id, state, line_count, total_fen, prepared_by)
   SELECT r.id, c.code || '-BF', c.scheme, 'REPAYMENT', c.area_code, c.county_code, c.year, c.period, c.periods, c.verification_id, c.id, 'DRAFT', f.n, f.total, c.reconciled_by
     FROM unnest($1::uuid[], $2::uuid[]) AS r(source, id) JOIN ${s}.payment_cycle c ON c.id = r.source
     JOIN (SELECT b.cycle_id, count(*)::int AS n, sum(l.amount_fen)::bigint AS total FROM ${s}.bank_return b JOIN ${s}.payment_line l ON l.id = b.line_id
            WHERE NOT b.paid GROUP BY b.cycle_id) f ON f.cycle_id = c.id`,
  `INSERT INTO ${s}.payment_line (id, cycle_id, scheme, year, person_id, household_id, area_code, county_code, amount_fen, source_line_id)
   SELECT md5('payment-line:' || r.id::text || ':' || l.person_id::text)::uuid, r.id, l.scheme, l.year, ${LINE}, l.amount_fen, l.id
     FROM ${s}.payment_cycle r JOIN ${s}.bank_return b ON b.cycle_id = r.source_cycle_id AND NOT b.paid JOIN ${s}.payment_line l ON l.id = b.line_id
    WHERE r.kind = 'REPAYMENT'`,
];

/**
 * The lines' freeze (`1765000000002-ledger.ts`) refuses lines of a cycle past DRAFT: the demo's
 * cycles are inserted approved with their lines, so it is set aside while they load.
 */
async function withLineFreezePaused<T>(manager: EntityManager, load: () => Promise<T>): Promise<T> {
  const table = `"${schemaName(manager.connection)}".payment_line`;
  await manager.query(`ALTER TABLE ${table} DISABLE TRIGGER frozen_insert`);
  const result = await load();
  await manager.query(`ALTER TABLE ${table} ENABLE TRIGGER frozen_insert`);
  return result;
}

/**
 * Generates the support demo on the registry (in Node) and loads it in one transaction, with
 * every table's keys and indexes, the change history and the lines' freeze set aside: the
 * registry's facts (the events' projection through its own entry point, this subgraph's by
 * `loadRegistrySnapshot`), the standards and projects, then each county's rows as they are
 * generated, all by COPY; what follows from the lines in a few set-based statements; the keys and
 * indexes rebuilt once; the statistics rollup counted once (its noting paused meanwhile); then
 * ANALYZE. The data version's statement triggers stay on (one note per statement, the version
 * raised once at commit).
 */
export async function loadSupportDemo(dataSource: DataSource, registry: RegistrySnapshot): Promise<void> {
  const demo = generateSupportDemo(registry);
  const s = `"${schemaName(dataSource)}"`;
  await dataSource.transaction((manager) => withChangeHistoryPaused(manager, () => withLineFreezePaused(manager, () => pauseRollups(manager).then(() => withKeysDeferred(manager, TABLES, async () => {
    await loadDemoProjection(manager, registry);
    await loadRegistrySnapshot(manager, registry);
    for (const table of DEMO_TABLES) await copyRows(manager, table, demo[table]);
    const reconciled: string[] = [];
    for (const county of demo.counties) {
      for (const table of COUNTY_TABLES) await copyRows(manager, table, county[table]);
      reconciled.push(...county.payment_cycle.filter((c) => c.state === CycleState.RECONCILED).map((c) => String(c.id)));
    }
    for (const sql of FOLLOWING(s)) await manager.query(sql, sql.includes('$1') ? [reconciled, reconciled.map((id) => stableUuid('support-repayment', id))] : []);
  })).then(() => refreshRollups(manager, schemaName(dataSource)))))); // the statistics rollup, counted once over the loaded rows
  for (const table of TABLES) await dataSource.query(`ANALYZE ${s}."${table}"`);
}
