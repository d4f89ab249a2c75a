import { runSubgraph } from '../shared/run-subgraph';
import { employmentModule } from './module';

runSubgraph(employmentModule);
