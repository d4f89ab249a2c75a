import type { DataSource } from 'typeorm';
import { withChangeHistoryPaused } from '../../../platform/history/change-history';
import { copyRows } from '../../../platform/db/bulk-copy';
import { withKeysDeferred } from '../../../platform/db/bulk-load';
import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { generatePartyBuildingDemo } from './generator';
import { TABLES } from './rows';
import { schemaName } from '../../../platform/db/data-source';
import { loadDemoProjection } from '../../../platform/events/projection-demo';

/** Whether the party-building tables already hold data (the demo is loaded once). */
export async function hasPartyBuildingData(dataSource: DataSource): Promise<boolean> {
  const schema = schemaName(dataSource);
  const [row] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${schema}".grid) AS present`);
  return row.present === true;
}

/** Generates the demo on the registry and loads it with the registry's projection in one transaction (keys and indexes built after the rows): all of it or none. */
export async function loadPartyBuildingDemo(dataSource: DataSource, registry: RegistrySnapshot, options: { scale: number }): Promise<void> {
  const demo = generatePartyBuildingDemo(registry, { scale: options.scale });
  await dataSource.transaction((manager) => withChangeHistoryPaused(manager, async () => {
    await loadDemoProjection(manager, registry);
    await withKeysDeferred(manager, TABLES.map(([table]) => table), async () => {
      for (const [table, key] of TABLES) await copyRows(manager, table, demo[key] as unknown as Record<string, unknown>[]);
    });
  }));
  const schema = schemaName(dataSource);
  for (const [table] of TABLES) await dataSource.query(`ANALYZE "${schema}"."${table}"`);
}
