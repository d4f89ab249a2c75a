import type { BaseContext } from '../../platform/graphql/context';
import type { SupportConfig } from './support.config';
import type { SupportLoaders } from './support.loaders';

/** The support subgraph's request context: identity, scope, data source, settings, per-request loaders. */
export interface SupportContext extends BaseContext {
  config: SupportConfig;
  loaders: SupportLoaders;
}
