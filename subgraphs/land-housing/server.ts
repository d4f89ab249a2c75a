import { openDataSource, type Engine } from '../../platform/db/data-source';
import type { OpenDatabase, ServeOptions } from '../../platform/server/subgraph-module';
import { startSubgraph, type RunningSubgraph } from '../../platform/server/subgraph-server';
import { ImportProblem } from '../../platform/imports/import-problem.entity';
import { ImportRun } from '../../platform/imports/import-run.entity';
import { IMPORT_BODY_LIMIT } from '../../platform/imports/import.resolver';
import { registryFileRoutes } from '../../platform/imports/registry-files';
import { Allocation } from './entities/allocation.entity';
import { Building } from './entities/building.entity';
import { BuildingUnit } from './entities/building-unit.entity';
import { Flat } from './entities/flat.entity';
import { HouseholdRef } from './entities/household-ref.entity';
import { LandParcel } from './entities/land-parcel.entity';
import { OriginalHouse } from './entities/original-house.entity';
import { ResettlementSite } from './entities/resettlement-site.entity';
import type { LandHousingContext } from './land-housing.context';
import { createLandHousingLoaders } from './land-housing.loaders';
import { buildLandHousingSchema } from './land-housing.schema';
import { LAND_HOUSING_SHEETS } from './imports/sheets';
import { LandHousingSchema1732300000000 } from './migrations/1732300000000-land-housing-schema';
import { LandHousingRowLevelSecurity1732900000000 } from './migrations/1732900000000-row-level-security';
import { LandHousingChangeHistory1732900000001 } from './migrations/1732900000001-change-history';
import { LandHousingDataVersion1764410000002 } from './migrations/1764410000002-data-version';
import { LandHousingChangeHistoryPerStatement1764420000001 } from './migrations/1764420000001-change-history-per-statement';
import { LandHousingImportRuns1764430000000 } from './migrations/1764430000000-import-runs';
import { LandHousingSurveyNumbers1764430000001 } from './migrations/1764430000001-survey-numbers';
import { LandHousingRegistryProjection1764460000001 } from './migrations/1764460000001-registry-projection';

export const LAND_HOUSING = 'land-housing';
export const landHousingEntities = [HouseholdRef, LandParcel, OriginalHouse, ResettlementSite, Building, BuildingUnit, Flat, Allocation, ImportRun, ImportProblem];
export const landHousingMigrations = [
  LandHousingSchema1732300000000,
  LandHousingRowLevelSecurity1732900000000,
  LandHousingChangeHistory1732900000001,
  LandHousingDataVersion1764410000002,
  LandHousingChangeHistoryPerStatement1764420000001,
  LandHousingImportRuns1764430000000,
  LandHousingSurveyNumbers1764430000001,
  LandHousingRegistryProjection1764460000001,
];

export function openLandHousingDatabase(engine: Engine, options: { schema?: string; logSql?: boolean } = {}) {
  return openDataSource({ name: LAND_HOUSING, engine, entities: landHousingEntities, migrations: landHousingMigrations, ...options });
}

/** Starts the land-housing subgraph over an open, migrated data source. */
export async function serveLandHousing(db: OpenDatabase, options: ServeOptions): Promise<RunningSubgraph> {
  const { schema } = await buildLandHousingSchema();
  return startSubgraph<LandHousingContext>(
    {
      name: LAND_HOUSING,
      schema,
      dataSource: db.dataSource,
      engine: db.engine,
      statements: db.statements,
      gatewayPublicKey: options.gatewayPublicKey,
      extendContext: (base) => ({ ...base, loaders: createLandHousingLoaders(base) }),
      bodyLimit: IMPORT_BODY_LIMIT,
      routes: registryFileRoutes(LAND_HOUSING_SHEETS),
    },
    options.port ?? 0,
    options.host,
  );
}
