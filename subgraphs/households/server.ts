import { openDataSource, type Engine } from '../../platform/db/data-source';
import type { OpenDatabase, ServeOptions } from '../../platform/server/subgraph-module';
import { startSubgraph, type RunningSubgraph } from '../../platform/server/subgraph-server';
import { ImportProblem } from '../../platform/imports/import-problem.entity';
import { ImportRun } from '../../platform/imports/import-run.entity';
import { IMPORT_BODY_LIMIT } from '../../platform/imports/import.resolver';
import { registryFileRoutes } from '../../platform/imports/registry-files';
import { AdminArea } from './entities/admin-area.entity';
import { Household } from './entities/household.entity';
import { Person } from './entities/person.entity';
import { PowerStation } from './entities/power-station.entity';
import type { HouseholdsContext } from './households.context';
import { createHouseholdLoaders } from './households.loaders';
import { buildHouseholdsSchema } from './households.schema';
import { HOUSEHOLDS_SHEETS } from './imports/sheets';
import { HouseholdsSchema1732240000000 } from './migrations/1732240000000-households-schema';
import { ImportRuns1764400000000 } from './migrations/1764400000000-import-runs';
import { ImportRunsServing1764400000001 } from './migrations/1764400000001-import-runs-serving';
import { HouseholdsRowLevelSecurity1732900000000 } from './migrations/1732900000000-row-level-security';
import { HouseholdsChangeHistory1732900000001 } from './migrations/1732900000001-change-history';
import { HouseholdsDataVersion1764410000001 } from './migrations/1764410000001-data-version';
import { HouseholdsChangeHistoryPerStatement1764420000001 } from './migrations/1764420000001-change-history-per-statement';
import { HouseholdsRegistryEvents1764460000000 } from './migrations/1764460000000-registry-events';

export const HOUSEHOLDS = 'households';
export const householdsEntities = [AdminArea, PowerStation, Household, Person, ImportRun, ImportProblem];
export const householdsMigrations = [
  HouseholdsSchema1732240000000,
  HouseholdsRowLevelSecurity1732900000000,
  HouseholdsChangeHistory1732900000001,
  ImportRuns1764400000000,
  ImportRunsServing1764400000001,
  HouseholdsDataVersion1764410000001,
  HouseholdsChangeHistoryPerStatement1764420000001,
  HouseholdsRegistryEvents1764460000000,
];

export function openHouseholdsDatabase(engine: Engine, options: { schema?: string; logSql?: boolean } = {}) {
  return openDataSource({ name: HOUSEHOLDS, engine, entities: householdsEntities, migrations: householdsMigrations, ...options });
}

/** Starts the households subgraph over an open, migrated data source. */
export async function serveHouseholds(db: OpenDatabase, options: ServeOptions): Promise<RunningSubgraph> {
  const { schema } = await buildHouseholdsSchema();
  return startSubgraph<HouseholdsContext>(
    {
      name: HOUSEHOLDS,
      schema,
      dataSource: db.dataSource,
      engine: db.engine,
      statements: db.statements,
      gatewayPublicKey: options.gatewayPublicKey,
      extendContext: (base) => ({ ...base, loaders: createHouseholdLoaders(base) }),
      bodyLimit: IMPORT_BODY_LIMIT,
      routes: registryFileRoutes(HOUSEHOLDS_SHEETS),
    },
    options.port ?? 0,
    options.host,
  );
}
