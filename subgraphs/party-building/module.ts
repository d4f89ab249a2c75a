import type { SubgraphModule } from '../../platform/server/subgraph-module';
import { hasPartyBuildingData, loadPartyBuildingDemo } from './demo/load';
import { PARTY_BUILDING_SHEETS } from './imports/sheets';
import { buildPartyBuildingSchema } from './party-building.schema';
import { openPartyBuildingDatabase, PARTY_BUILDING, servePartyBuilding } from './server';

/** The party-building subgraph as composition, `npm start` and the tests see it. */
export const partyBuildingModule: SubgraphModule = {
  name: PARTY_BUILDING,
  port: 4004,
  buildSchema: buildPartyBuildingSchema,
  openDatabase: openPartyBuildingDatabase,
  serve: servePartyBuilding,
  sheets: PARTY_BUILDING_SHEETS,
  demo: {
    hasData: hasPartyBuildingData,
    load: loadPartyBuildingDemo,
  },
};
