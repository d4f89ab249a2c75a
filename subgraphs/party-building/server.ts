import { openDataSource, type Engine } from '../../platform/db/data-source';
import type { OpenDatabase, ServeOptions } from '../../platform/server/subgraph-module';
import { startSubgraph, type RunningSubgraph } from '../../platform/server/subgraph-server';
import { ImportProblem } from '../../platform/imports/import-problem.entity';
import { ImportRun } from '../../platform/imports/import-run.entity';
import { IMPORT_BODY_LIMIT } from '../../platform/imports/import.resolver';
import { registryFileRoutes } from '../../platform/imports/registry-files';
import { Cadre } from './entities/cadre.entity';
import { CadrePairing } from './entities/cadre-pairing.entity';
import { CadreVisit } from './entities/cadre-visit.entity';
import { CaseTransition } from './entities/case-transition.entity';
import { GovernanceCase } from './entities/governance-case.entity';
import { Grid } from './entities/grid.entity';
import { GridUnit } from './entities/grid-unit.entity';
import { HouseholdUnit } from './entities/household-unit.entity';
import { PartyActivity } from './entities/party-activity.entity';
import { PartyOrganisation } from './entities/party-organisation.entity';
import { PARTY_BUILDING_SHEETS } from './imports/sheets';
import { PartyBuildingSchema1732500000000 } from './migrations/1732500000000-party-building-schema';
import { PartyBuildingRowLevelSecurity1732900000000 } from './migrations/1732900000000-row-level-security';
import { PartyBuildingChangeHistory1732900000001 } from './migrations/1732900000001-change-history';
import { PartyBuildingDataVersion1764410000004 } from './migrations/1764410000004-data-version';
import { PartyBuildingChangeHistoryPerStatement1764420000001 } from './migrations/1764420000001-change-history-per-statement';
import { PartyBuildingImportRuns1764450000000 } from './migrations/1764450000000-import-runs';
import { CadrePhone1764450000001 } from './migrations/1764450000001-cadre-phone';
import type { PartyBuildingContext } from './party-building.context';
import { createPartyBuildingLoaders } from './party-building.loaders';
import { buildPartyBuildingSchema } from './party-building.schema';

export const PARTY_BUILDING = 'party-building';
export const partyBuildingEntities = [PartyOrganisation, Grid, GridUnit, HouseholdUnit, Cadre, CadrePairing, CadreVisit, PartyActivity, GovernanceCase, CaseTransition, ImportRun, ImportProblem];
export const partyBuildingMigrations = [
  PartyBuildingSchema1732500000000,
  PartyBuildingRowLevelSecurity1732900000000,
  PartyBuildingChangeHistory1732900000001,
  PartyBuildingDataVersion1764410000004,
  PartyBuildingChangeHistoryPerStatement1764420000001,
  PartyBuildingImportRuns1764450000000,
  CadrePhone1764450000001,
];

export function openPartyBuildingDatabase(engine: Engine, options: { schema?: string; logSql?: boolean } = {}) {
  return openDataSource({ name: PARTY_BUILDING, engine, entities: partyBuildingEntities, migrations: partyBuildingMigrations, ...options });
}

/** Starts the party-building subgraph over an open, migrated data source. */
export async function servePartyBuilding(db: OpenDatabase, options: ServeOptions): Promise<RunningSubgraph> {
  const { schema } = await buildPartyBuildingSchema();
  return startSubgraph<PartyBuildingContext>(
    {
      name: PARTY_BUILDING,
      schema,
      dataSource: db.dataSource,
      engine: db.engine,
      statements: db.statements,
      gatewayPublicKey: options.gatewayPublicKey,
      extendContext: (base) => ({ ...base, loaders: createPartyBuildingLoaders(base) }),
      bodyLimit: IMPORT_BODY_LIMIT,
      routes: registryFileRoutes(PARTY_BUILDING_SHEETS),
    },
    options.port ?? 0,
    options.host,
  );
}
