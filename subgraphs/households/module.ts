import type { SubgraphModule } from '../../platform/server/subgraph-module';
import { hasRegistryData, loadDemoData } from './demo/load';
import type { DemoData } from './demo/rows';
import { buildHouseholdsSchema } from './households.schema';
import { HOUSEHOLDS_SHEETS } from './imports/sheets';
import { HOUSEHOLDS, openHouseholdsDatabase, serveHouseholds } from './server';

/** The households subgraph as composition, `npm start` and the tests see it. */
export const householdsModule: SubgraphModule = {
  name: HOUSEHOLDS,
  port: 4001,
  buildSchema: buildHouseholdsSchema,
  openDatabase: openHouseholdsDatabase,
  serve: serveHouseholds,
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
};
