import { defineSubgraph } from '../../platform/server/define-subgraph';
import { hasRegistryData, loadDemoData } from './demo/load';
import type { DemoData } from './demo/rows';
import { AdminArea } from './entities/admin-area.entity';
import { Household } from './entities/household.entity';
import { Person } from './entities/person.entity';
import { PowerStation } from './entities/power-station.entity';
import type { HouseholdsContext } from './households.context';
import { createHouseholdLoaders } from './households.loaders';
import { buildHouseholdsSchema } from './households.schema';
import { HOUSEHOLDS_SHEETS } from './imports/sheets';
import { HouseholdsSchema1732240000000 } from './migrations/1732240000000-households-schema';
import { HouseholdsRowLevelSecurity1732900000000 } from './migrations/1732900000000-row-level-security';
import { HouseholdsChangeHistory1732900000001 } from './migrations/1732900000001-change-history';
import { ImportRuns1764400000000 } from './migrations/1764400000000-import-runs';
import { ImportRunsServing1764400000001 } from './migrations/1764400000001-import-runs-serving';
import { HouseholdsDataVersion1764410000001 } from './migrations/1764410000001-data-version';
import { HouseholdsChangeHistoryPerStatement1764420000001 } from './migrations/1764420000001-change-history-per-statement';
import { HouseholdsRegisteredCountyName1764430000000 } from './migrations/1764430000000-registered-county-name';
import { HouseholdsRegistryEvents1764460000000 } from './migrations/1764460000000-registry-events';
import { HouseholdsStatisticsRollups1765300000000 } from './migrations/1765300000000-statistics-rollups';
import { HouseholdsPersonProfileRollup1765400000000 } from './migrations/1765400000000-person-profile-rollup';
import { HouseholdsChangeRecordsAsText1765400000001 } from './migrations/1765400000001-change-records-as-text';
import { HouseholdsPersonUpdatedEvent1765500000000 } from './migrations/1765500000000-person-updated-event';
import { HouseholdsChangeRecordsAsJson1765510000001 } from './migrations/1765510000001-change-records-as-json';

/** The households subgraph: the registry of households, persons, areas and power stations. */
export const householdsModule = defineSubgraph<HouseholdsContext>({
  name: 'households',
  port: 4001,
  entities: [AdminArea, PowerStation, Household, Person],
  migrations: [
    HouseholdsSchema1732240000000,
    HouseholdsRowLevelSecurity1732900000000,
    HouseholdsChangeHistory1732900000001,
    ImportRuns1764400000000,
    ImportRunsServing1764400000001,
    HouseholdsDataVersion1764410000001,
    HouseholdsChangeHistoryPerStatement1764420000001,
    HouseholdsRegisteredCountyName1764430000000,
    HouseholdsRegistryEvents1764460000000,
    HouseholdsStatisticsRollups1765300000000,
    HouseholdsPersonProfileRollup1765400000000,
    HouseholdsChangeRecordsAsText1765400000001,
    HouseholdsPersonUpdatedEvent1765500000000,
    HouseholdsChangeRecordsAsJson1765510000001,
  ],
  schema: buildHouseholdsSchema,
  extendContext: (base) => ({ ...base, loaders: createHouseholdLoaders(base) }),
  sheets: HOUSEHOLDS_SHEETS,
  registryOutbox: true,
  demo: {
    hasData: hasRegistryData,
    load(dataSource, registry, options) {
      // this subgraph owns the registry: the snapshot is its own generator's full output
      const data = registry as DemoData;
      if (!Array.isArray(data.stations)) throw new Error('the households demo loads the full generated registry');
      return loadDemoData(dataSource, data, options);
    },
  },
});
