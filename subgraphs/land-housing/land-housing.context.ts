import type { BaseContext } from '../../platform/graphql/context';
import type { LandHousingLoaders } from './land-housing.loaders';

/** The land-housing subgraph's request context: identity, scope, data source, per-request loaders. */
export interface LandHousingContext extends BaseContext {
  loaders: LandHousingLoaders;
}
