import { employmentModule } from '../subgraphs/employment/module';
import { householdsModule } from '../subgraphs/households/module';
import { landHousingModule } from '../subgraphs/land-housing/module';
import { partyBuildingModule } from '../subgraphs/party-building/module';
import { supportModule } from '../subgraphs/support/module';
import type { SubgraphModule } from '../platform/server/subgraph-module';

/** Every subgraph of the platform, in start order. Add a subgraph here (and nowhere else). */
export const SUBGRAPH_MODULES: SubgraphModule[] = [householdsModule, landHousingModule, employmentModule, partyBuildingModule, supportModule];
