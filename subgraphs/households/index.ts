import { runSubgraph } from '../../platform/server/run-subgraph';
import { householdsModule } from './module';

runSubgraph(householdsModule);
