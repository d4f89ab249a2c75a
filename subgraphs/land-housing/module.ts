import { defineSubgraph } from '../../platform/server/define-subgraph';
import { hasLandHousingData, loadLandHousingDemo } from './demo/load';
import { Allocation } from './entities/allocation.entity';
import { Building } from './entities/building.entity';
import { BuildingUnit } from './entities/building-unit.entity';
import { Flat } from './entities/flat.entity';
import { HouseholdRef } from './entities/household-ref.entity';
import { LandParcel } from './entities/land-parcel.entity';
import { OriginalHouse } from './entities/original-house.entity';
import { ResettlementSite } from './entities/resettlement-site.entity';
import { LAND_HOUSING_SHEETS } from './imports/sheets';
import type { LandHousingContext } from './land-housing.context';
import { createLandHousingLoaders } from './land-housing.loaders';
import { buildLandHousingSchema } from './land-housing.schema';
import { LAND_HOUSING_PROJECTION } from './land-housing.projection';
import { LandHousingSchema1732300000000 } from './migrations/1732300000000-land-housing-schema';
import { LandHousingRowLevelSecurity1732900000000 } from './migrations/1732900000000-row-level-security';
import { LandHousingChangeHistory1732900000001 } from './migrations/1732900000001-change-history';
import { LandHousingDataVersion1764410000002 } from './migrations/1764410000002-data-version';
import { LandHousingChangeHistoryPerStatement1764420000001 } from './migrations/1764420000001-change-history-per-statement';
import { LandHousingImportRuns1764430000000 } from './migrations/1764430000000-import-runs';
import { LandHousingSurveyNumbers1764430000001 } from './migrations/1764430000001-survey-numbers';
import { LandHousingRegistryProjection1764460000001 } from './migrations/1764460000001-registry-projection';
import { LandHousingStatisticsRollups1765400000001 } from './migrations/1765400000001-statistics-rollups';
import { LandHousingChangeRecordsAsText1765400000002 } from './migrations/1765400000002-change-records-as-text';
import { LandHousingChangeRecordsAsJson1765510000002 } from './migrations/1765510000002-change-records-as-json';

/** The land-housing subgraph: land and houses surveyed, resettlement sites, flats and their allocation. */
export const landHousingModule = defineSubgraph<LandHousingContext>({
  name: 'land-housing',
  port: 4002,
  entities: [HouseholdRef, LandParcel, OriginalHouse, ResettlementSite, Building, BuildingUnit, Flat, Allocation],
  migrations: [
    LandHousingSchema1732300000000,
    LandHousingRowLevelSecurity1732900000000,
    LandHousingChangeHistory1732900000001,
    LandHousingDataVersion1764410000002,
    LandHousingChangeHistoryPerStatement1764420000001,
    LandHousingImportRuns1764430000000,
    LandHousingSurveyNumbers1764430000001,
    LandHousingRegistryProjection1764460000001,
    LandHousingStatisticsRollups1765400000001,
    LandHousingChangeRecordsAsText1765400000002,
    LandHousingChangeRecordsAsJson1765510000002,
  ],
  schema: buildLandHousingSchema,
  extendContext: (base) => ({ ...base, loaders: createLandHousingLoaders(base) }),
  sheets: LAND_HOUSING_SHEETS,
  projection: LAND_HOUSING_PROJECTION,
  demo: { hasData: hasLandHousingData, load: loadLandHousingDemo },
});
