import { runSubgraph } from '../../platform/server/run-subgraph';
import { employmentModule } from './module';

runSubgraph(employmentModule);
