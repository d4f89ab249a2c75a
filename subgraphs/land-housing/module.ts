import type { SubgraphModule } from '../../platform/server/subgraph-module';
import { hasLandHousingData, loadLandHousingDemo } from './demo/load';
import { LAND_HOUSING_SHEETS } from './imports/sheets';
import { buildLandHousingSchema } from './land-housing.schema';
import { LAND_HOUSING_PROJECTION } from './land-housing.projection';
import { LAND_HOUSING, openLandHousingDatabase, serveLandHousing } from './server';

/** The land-housing subgraph as composition, `npm start` and the tests see it. */
export const landHousingModule: SubgraphModule = {
  name: LAND_HOUSING,
  port: 4002,
  buildSchema: buildLandHousingSchema,
  openDatabase: openLandHousingDatabase,
  serve: serveLandHousing,
  sheets: LAND_HOUSING_SHEETS,
  projection: LAND_HOUSING_PROJECTION,
  demo: { hasData: hasLandHousingData, load: loadLandHousingDemo },
};
