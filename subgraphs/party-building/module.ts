import { defineSubgraph } from '../../platform/server/define-subgraph';
import { hasPartyBuildingData, loadPartyBuildingDemo } from './demo/load';
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
import { PartyBuildingRegistryProjection1764470000001 } from './migrations/1764470000001-registry-projection';
import { PartyBuildingChangeRecordsAsText1765400000004 } from './migrations/1765400000004-change-records-as-text';
import { PartyBuildingChangeRecordsAsJson1765510000004 } from './migrations/1765510000004-change-records-as-json';
import type { PartyBuildingContext } from './party-building.context';
import { createPartyBuildingLoaders } from './party-building.loaders';
import { PARTY_BUILDING_PROJECTION } from './party-building.projection';
import { buildPartyBuildingSchema } from './party-building.schema';

/** The party-building subgraph: organisations, grids, cadres and their pairings, visits, activities and cases. */
export const partyBuildingModule = defineSubgraph<PartyBuildingContext>({
  name: 'party-building',
  port: 4004,
  entities: [PartyOrganisation, Grid, GridUnit, HouseholdUnit, Cadre, CadrePairing, CadreVisit, PartyActivity, GovernanceCase, CaseTransition],
  migrations: [
    PartyBuildingSchema1732500000000,
    PartyBuildingRowLevelSecurity1732900000000,
    PartyBuildingChangeHistory1732900000001,
    PartyBuildingDataVersion1764410000004,
    PartyBuildingChangeHistoryPerStatement1764420000001,
    PartyBuildingImportRuns1764450000000,
    CadrePhone1764450000001,
    PartyBuildingRegistryProjection1764470000001,
    PartyBuildingChangeRecordsAsText1765400000004,
    PartyBuildingChangeRecordsAsJson1765510000004,
  ],
  schema: buildPartyBuildingSchema,
  extendContext: (base) => ({ ...base, loaders: createPartyBuildingLoaders(base) }),
  sheets: PARTY_BUILDING_SHEETS,
  projection: PARTY_BUILDING_PROJECTION,
  demo: { hasData: hasPartyBuildingData, load: loadPartyBuildingDemo },
});
