import type { DataSource } from 'typeorm';
import { withChangeHistoryPaused } from '../../../platform/history/change-history';
import { copyRows } from '../../../platform/db/bulk-copy';
import { withKeysDeferred } from '../../../platform/db/bulk-load';
import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { generateEmploymentDemo, type EmploymentDemo } from './generator';
import { schemaName } from '../../../platform/db/data-source';
import { loadDemoProjection } from '../../../platform/events/projection-demo';
import { pauseRollups, refreshRollups } from '../../../platform/statistics/rollups';

/** Whether the employment tables already hold data (the demo is loaded once, on first start). */
export async function hasEmploymentData(dataSource: DataSource): Promise<boolean> {
  const schema = schemaName(dataSource);
  const [row] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "${schema}".labour_status) AS present`);
  return row.present === true;
}

/** Tables in insert order (parents before children). */
const TABLES: (keyof EmploymentDemo)[] = ['employer', 'labour_status', 'placement', 'training_course', 'training_session', 'training_enrolment', 'income_survey'];

/** Generates the employment demo on the registry and loads it in one transaction (keys and indexes built after the rows), then ANALYZE. */
export async function loadEmploymentDemo(dataSource: DataSource, registry: RegistrySnapshot, options: { scale: number }): Promise<void> {
  const demo = generateEmploymentDemo(registry, { scale: options.scale });
  await dataSource.transaction((manager) => withChangeHistoryPaused(manager, () =>
    withKeysDeferred(manager, ['household_ref', 'person_ref', ...TABLES], async () => {
      await pauseRollups(manager);
      await loadDemoProjection(manager, registry);
      for (const table of TABLES) await copyRows(manager, table, demo[table]);
    }).then(() => refreshRollups(manager, schemaName(dataSource))), // the statistics rollups, counted once over the loaded rows
  ));
  const schema = schemaName(dataSource);
  for (const table of TABLES) await dataSource.query(`ANALYZE "${schema}"."${table}"`);
}
