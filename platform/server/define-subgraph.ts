import type { Express, Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import { openDataSource } from '../db/data-source';
import type { BaseContext } from '../graphql/context';
import { ImportProblem } from '../imports/import-problem.entity';
import { ImportRun } from '../imports/import-run.entity';
import { IMPORT_BODY_LIMIT } from '../imports/import.resolver';
import { registryFileRoutes } from '../imports/registry-files';
import type { SubgraphSheets } from '../imports/registry-sheets';
import type { SubgraphModule } from './subgraph-module';
import { startSubgraph } from './subgraph-server';

/** Everything that sets one subgraph apart from the others; `defineSubgraph` does the rest. */
export interface SubgraphDeclaration<TContext extends BaseContext, TSettings = undefined> {
  /** Also its PostgreSQL schema (dashes become underscores) and its name in the supergraph. */
  name: string;
  /** Default port when it runs on its own. */
  port: number;
  /** Its own TypeORM entities (the import runs and problems every subgraph keeps are added). */
  entities: Function[];
  /** Its migrations, oldest first. */
  migrations: Function[];
  /** The federated schema and its SDL (`buildFederatedSchema`), without a database. */
  schema(): Promise<{ schema: GraphQLSchema; sdl: string }>;
  /** The subgraph's own settings, read once when it starts (a bad value stops it there). */
  settings?(): TSettings;
  /** A request's context: the base plus the subgraph's per-request loaders (and settings). */
  extendContext(base: BaseContext, settings: TSettings): TContext;
  /** The registry sheets it imports and exports. */
  sheets: SubgraphSheets;
  demo: SubgraphModule['demo'];
  /** The registry's outbox is in this subgraph's schema (households). */
  registryOutbox?: boolean;
  /** This subgraph keeps a projection of the registry, fed by the registry's events. */
  projection?: SubgraphModule['projection'];
  /** Largest `/graphql` body (default: an import mutation's, which carries a file). */
  bodyLimit?: string;
  /** Routes beside `/graphql` (default: the sheets' template, export and problem-report downloads). */
  routes?(app: Express, contextOf: (req: Request) => Promise<TContext>): void;
}

/**
 * Declares a subgraph once: how composition, `npm start`, the tests, the demo loader and the
 * benchmarks open, migrate and serve it (`SubgraphModule`). A new subgraph is one declaration
 * in `subgraphs/<name>/module.ts` and one line in `scripts/subgraphs.ts`.
 */
export function defineSubgraph<TContext extends BaseContext, TSettings = undefined>(declaration: SubgraphDeclaration<TContext, TSettings>): SubgraphModule {
  const { name, sheets } = declaration;
  const entities = [...declaration.entities, ImportRun, ImportProblem];
  return {
    name,
    port: declaration.port,
    buildSchema: declaration.schema,
    openDatabase: (engine, options = {}) => openDataSource({ name, engine, entities, migrations: declaration.migrations, ...options }),
    async serve(db, options) {
      const { schema } = await declaration.schema();
      const settings = declaration.settings?.() as TSettings;
      return startSubgraph<TContext>(
        {
          name,
          schema,
          dataSource: db.dataSource,
          engine: db.engine,
          statements: db.statements,
          gatewayPublicKey: options.gatewayPublicKey,
          extendContext: (base) => declaration.extendContext(base, settings),
          bodyLimit: declaration.bodyLimit ?? IMPORT_BODY_LIMIT,
          routes: declaration.routes ?? registryFileRoutes(sheets),
        },
        options.port ?? 0,
        options.host,
      );
    },
    sheets,
    demo: declaration.demo,
    registryOutbox: declaration.registryOutbox,
    projection: declaration.projection,
  };
}
