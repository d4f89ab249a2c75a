import { runSubgraph } from '../shared/run-subgraph';
import { partyBuildingModule } from './module';

runSubgraph(partyBuildingModule);
