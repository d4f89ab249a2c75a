import type { BaseContext } from '../../platform/graphql/context';
import type { HouseholdLoaders } from './households.loaders';

/** The households subgraph's request context: identity, scope, data source, per-request loaders. */
export interface HouseholdsContext extends BaseContext {
  loaders: HouseholdLoaders;
}
