import { runSubgraph } from '../shared/run-subgraph';
import { householdsModule } from './module';

runSubgraph(householdsModule);
