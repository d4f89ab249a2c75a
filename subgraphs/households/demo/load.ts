import { SingleBar, Presets } from 'cli-progress';
import type { DataSource } from 'typeorm';
import { withChangeHistoryPaused } from '../../../platform/history/change-history';
import { copyRows } from '../../../platform/db/bulk-copy';
import { withKeysDeferred } from '../../../platform/db/bulk-load';
import type { DemoData } from './rows';
import { RegistryEventType } from '../../../platform/events/registry-event';
import { recordHouseholdEvents } from '../services/registry-events';
import { schemaName } from '../../../platform/db/data-source';
import { pauseRollups, refreshRollups } from '../../../platform/statistics/rollups';

/** Whether the registry already holds persons (the demo is loaded once, on first start). */
export async function hasRegistryData(dataSource: DataSource): Promise<boolean> {
  const schema = schemaName(dataSource);
  const [row] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${schema}".person) AS present`);
  return row.present === true;
}

/** Loads the demo data set in one transaction: all of it or none. */
export async function loadDemoData(dataSource: DataSource, data: DemoData, options: { progress?: boolean } = {}): Promise<void> {
  const total = data.areas.length + data.stations.length + data.households.length + data.persons.length;
  const bar = options.progress ? new SingleBar({ format: 'loading demo data [{bar}] {percentage}% {value}/{total} rows', noTTYOutput: true, notTTYSchedule: 2000 }, Presets.shades_classic) : undefined;
  bar?.start(total, 0);
  const tick = (n: number) => bar?.increment(n);
  try {
    await dataSource.transaction((manager) => withChangeHistoryPaused(manager, async () => {
      await withKeysDeferred(manager, ['admin_area', 'power_station', 'household', 'person'], async () => {
        await pauseRollups(manager);
        const areas = [...data.areas].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
        await copyRows(manager, 'admin_area', areas as unknown as Record<string, unknown>[], tick);
        await copyRows(manager, 'power_station', data.stations as unknown as Record<string, unknown>[], tick);
        await copyRows(manager, 'household', data.households as unknown as Record<string, unknown>[], tick);
        await copyRows(manager, 'person', data.persons as unknown as Record<string, unknown>[], tick);
      });
      // the other subgraphs' projections replay from these, as from any registration. After the
      // keys are back: each event gathers its household's members by person_household_idx (without
      // it, one scan of every person per household)
      await recordHouseholdEvents(manager, RegistryEventType.HOUSEHOLD_REGISTERED, data.households.map((h) => h.id), { withMembers: true });
      await refreshRollups(manager, schemaName(dataSource)); // the statistics rollups, counted once over the loaded rows
    }));
  } finally {
    bar?.stop();
  }
  await dataSource.query(`ANALYZE`);
}
