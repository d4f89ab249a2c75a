import { runSubgraph } from '../shared/run-subgraph';
import { landHousingModule } from './module';

runSubgraph(landHousingModule);
