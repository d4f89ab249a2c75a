import type { BaseContext } from '../../platform/graphql/context';
import type { PartyBuildingLoaders } from './party-building.loaders';

/** The party-building subgraph's request context: identity, scope, data source, per-request loaders. */
export interface PartyBuildingContext extends BaseContext {
  loaders: PartyBuildingLoaders;
}
