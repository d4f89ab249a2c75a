import { Presets, SingleBar } from 'cli-progress';
import type { DataSource } from 'typeorm';
import { withChangeHistoryPaused } from '../../../platform/history/change-history';
import { copyRows } from '../../../platform/db/bulk-copy';
import { withKeysDeferred } from '../../../platform/db/bulk-load';
import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { generateLandHousingData } from './generator';
import type { LandHousingData } from './rows';
import { schemaName } from '../../../platform/db/data-source';
import { loadDemoProjection } from '../../../platform/events/projection-demo';
import { pauseRollups, refreshRollups } from '../../../platform/statistics/rollups';

/** Whether the land-housing tables already hold data (the demo is loaded once, on first start). */
export async function hasLandHousingData(dataSource: DataSource): Promise<boolean> {
  const schema = schemaName(dataSource);
  const [row] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${schema}".household_ref) AS present`);
  return row.present === true;
}

/** Tables in insertion order (parents first). */
const TABLES: [keyof LandHousingData, string][] = [
  ['parcels', 'land_parcel'],
  ['houses', 'original_house'],
  ['sites', 'resettlement_site'],
  ['buildings', 'building'],
  ['units', 'building_unit'],
  ['flats', 'flat'],
  ['allocations', 'allocation'],
];

/** Loads generated rows in one transaction: all of them or none. */
export async function loadLandHousingData(dataSource: DataSource, registry: RegistrySnapshot, data: LandHousingData, options: { progress?: boolean } = {}): Promise<void> {
  const total = TABLES.reduce((n, [key]) => n + data[key].length, 0);
  const bar = options.progress
    ? new SingleBar({ format: 'loading land & housing [{bar}] {percentage}% {value}/{total} rows', noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic)
    : undefined;
  bar?.start(total, 0);
  try {
    await dataSource.transaction((manager) => withChangeHistoryPaused(manager, () =>
      withKeysDeferred(manager, ['household_ref', 'person_ref', ...TABLES.map(([, table]) => table)], async () => {
        await pauseRollups(manager);
        await loadDemoProjection(manager, registry);
        for (const [key, table] of TABLES) {
          await copyRows(manager, table, data[key] as unknown as Record<string, unknown>[], (n) => bar?.increment(n));
        }
      }).then(() => refreshRollups(manager, schemaName(dataSource))), // the statistics rollups, counted once over the loaded rows
    ));
  } finally {
    bar?.stop();
  }
  await dataSource.query('ANALYZE');
}

/** Generates the land-housing demo for a registry and loads it. */
export function loadLandHousingDemo(dataSource: DataSource, registry: RegistrySnapshot, options: { scale: number; progress?: boolean }): Promise<void> {
  return loadLandHousingData(dataSource, registry, generateLandHousingData(registry, { scale: options.scale }), options);
}
