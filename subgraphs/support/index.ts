import { runSubgraph } from '../../platform/server/run-subgraph';
import { supportModule } from './module';

runSubgraph(supportModule);
