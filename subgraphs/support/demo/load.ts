import type { DataSource, EntityManager } from 'typeorm';
import { copyRows } from '../../../platform/db/bulk-copy';
import { withKeysDeferred } from '../../../platform/db/bulk-load';
import { schemaName } from '../../../platform/db/data-source';
import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { withChangeHistoryPaused } from '../../../platform/history/change-history';
import { pauseRollups, refreshRollups } from '../../../platform/statistics/rollups';
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
const COUNTY_TABLES = ['subsidy_card', 'verification', 'verification_entry', 'entitlement_change', 'payment_cycle', 'payment_line', 'bank_return', 'ledger_entry'] as const;
/** Every table the load fills: their keys and indexes are set aside while it runs. */
const TABLES = [...PROJECTION_TABLES, ...DEMO_TABLES, ...COUNTY_TABLES];

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
 * generated (the ledger, the bank's return and the re-payment cycles with them), all by COPY;
 * ANALYZE; then the keys and indexes rebuilt once; the statistics rollup counted once (its noting
 * paused meanwhile). The data version's statement triggers stay on (one note per statement, the
 * version raised once at commit).
 */
export async function loadSupportDemo(dataSource: DataSource, registry: RegistrySnapshot): Promise<void> {
  const demo = generateSupportDemo(registry);
  const s = `"${schemaName(dataSource)}"`;
  await dataSource.transaction((manager) => withChangeHistoryPaused(manager, () => withLineFreezePaused(manager, () => pauseRollups(manager).then(() => withKeysDeferred(manager, TABLES, async () => {
    await loadDemoProjection(manager, demo.registry);
    await loadRegistrySnapshot(manager, demo.registry);
    for (const table of DEMO_TABLES) await copyRows(manager, table, demo[table]);
    for (const county of demo.counties) {
      for (const table of COUNTY_TABLES) await copyRows(manager, table, county[table]);
    }
    // before the keys come back: checking the foreign keys is then planned on the rows' statistics
    for (const table of TABLES) await manager.query(`ANALYZE ${s}."${table}"`);
  })).then(() => refreshRollups(manager, schemaName(dataSource)))))); // the statistics rollup, counted once over the loaded rows
  // the statistics of the standards' expression index (built after the ANALYZE above)
  await dataSource.query(`ANALYZE ${s}.payment_standard`);
  await dataSource.query(`ANALYZE ${s}.support_line_rollup`);
}
