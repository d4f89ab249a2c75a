import type { BaseContext } from '../../platform/graphql/context';
import type { EmploymentConfig } from './employment.config';
import type { EmploymentLoaders } from './employment.loaders';

/** The employment subgraph's request context: identity, scope, data source, settings, per-request loaders. */
export interface EmploymentContext extends BaseContext {
  config: EmploymentConfig;
  loaders: EmploymentLoaders;
}
