import type { SubgraphModule } from '../shared/subgraph-module';
import { hasEmploymentData, loadEmploymentDemo } from './demo/load';
import { buildEmploymentSchema } from './employment.schema';
import { EMPLOYMENT, openEmploymentDatabase, serveEmployment } from './server';

/** The employment subgraph as composition, `npm start` and the tests see it. */
export const employmentModule: SubgraphModule = {
  name: EMPLOYMENT,
  port: 4003,
  buildSchema: buildEmploymentSchema,
  openDatabase: openEmploymentDatabase,
  serve: serveEmployment,
  sheets: {},
  demo: { hasData: hasEmploymentData, load: loadEmploymentDemo },
};
