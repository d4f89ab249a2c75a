import type { SubgraphModule } from '../../platform/server/subgraph-module';
import { hasEmploymentData, loadEmploymentDemo } from './demo/load';
import { buildEmploymentSchema } from './employment.schema';
import { EMPLOYMENT_SHEETS } from './imports/sheets';
import { EMPLOYMENT_PROJECTION } from './employment.projection';
import { EMPLOYMENT, openEmploymentDatabase, serveEmployment } from './server';

/** The employment subgraph as composition, `npm start` and the tests see it. */
export const employmentModule: SubgraphModule = {
  name: EMPLOYMENT,
  port: 4003,
  buildSchema: buildEmploymentSchema,
  openDatabase: openEmploymentDatabase,
  serve: serveEmployment,
  sheets: EMPLOYMENT_SHEETS,
  projection: EMPLOYMENT_PROJECTION,
  demo: { hasData: hasEmploymentData, load: loadEmploymentDemo },
};
