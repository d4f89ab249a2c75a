import { runSubgraph } from '../../platform/server/run-subgraph';
import { partyBuildingModule } from './module';

runSubgraph(partyBuildingModule);
