import { runSubgraph } from '../../platform/server/run-subgraph';
import { landHousingModule } from './module';

runSubgraph(landHousingModule);
