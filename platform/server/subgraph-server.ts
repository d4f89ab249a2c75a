import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { noPhoneHome } from './no-phone-home';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { changeSourcePlugin } from '../history/change-history';
import type { BaseContext } from '../graphql/context';
import { baseContext, identityFromHeaders } from '../graphql/request-context';
import type { Engine, StatementCounter } from '../db/data-source';
import { loadConfig, type OperationLimits } from '../config';
import { registerStatements } from './metrics';
import { requestMetrics, requestMetricsPlugin } from './request-metrics';
import { operationLimits } from '../graphql/operation-limits';
import { representationsPlugin } from '../graphql/representations';
import { jsonErrors, listen, type Listening } from './http';
import { graphqlRequestGuard } from './request-guard';
import { fullReadsPlugin } from '../security/read-audit';
import type { IdentityVerifier } from '../security/keys';
import { enterRequestScope, requestScopeOf, runInRequestScope } from '../security/request-scope';
import { openReplicaDataSource, openServingDataSource } from '../db/serving-connection';
import { Lifecycle } from './lifecycle';
import { logger, requestLogging } from './log';
import { formatClientError, requestLogPlugin } from './request-log.plugin';

export interface SubgraphOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  /** The owner's data source; the subgraph serves through the application role's (row-level security). */
  dataSource: DataSource;
  engine: Engine;
  statements: StatementCounter;
  gatewayPublicKey: IdentityVerifier;
  /** Longest lifetime of a forwarded identity accepted, in seconds (default IDENTITY_TTL_SECONDS). */
  identityLifetimeSeconds?: number;
  /** Operation limits (defaults from the configuration). */
  limits?: OperationLimits;
  /** Adds the subgraph's per-request loaders to the base context. */
  extendContext(base: BaseContext): TContext;
  /** Largest request body `/graphql` accepts (default 1mb; an import mutation carries a file). */
  bodyLimit?: string;
  /** Routes beside `/graphql` (file downloads), given how to build a request's context from its forwarded identity. */
  routes?(app: Express, contextOf: (req: Request) => Promise<TContext>): void;
}

export interface RunningSubgraph extends Listening {
  name: string;
  statements: StatementCounter;
  /** The data source requests run through (as the application role). */
  serving: DataSource;
}

/** Builds and starts one subgraph: `POST /graphql` (gateway-signed identity required), `GET /health`, `/health/live`, `/health/ready`. */
export async function startSubgraph<TContext extends BaseContext>(options: SubgraphOptions<TContext>, port = 0, host = '127.0.0.1'): Promise<RunningSubgraph> {
  const config = loadConfig();
  const limitConfig = options.limits ?? config.limits;
  const limits = operationLimits(limitConfig);
  const lifetime = options.identityLifetimeSeconds ?? config.identityTtlSeconds;
  const log = logger(options.name);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: formatClientError,
    includeStacktraceInErrorResponses: false,
    // the process stops on signals itself, draining first (`stopOnSignals`)
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    persistedQueries: limits.persistedQueries,
    // no cache hints are used: Apollo's cache-control plugin would wrap every field's resolver to
    // compute them (a quarter of the households subgraph's CPU for 50 households with members)
    plugins: [...limits.plugins, representationsPlugin(options.schema), ...noPhoneHome(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), fullReadsPlugin(), changeSourcePlugin(), requestLogPlugin(log), requestMetricsPlugin()],
  });
  await apollo.start();
  const serving = await openServingDataSource(options.dataSource, options.engine, options.statements, options.name);
  const replica = await openReplicaDataSource(options.dataSource, options.engine, options.statements, options.name);

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(log), requestMetrics(options.name));
  const lifecycle = new Lifecycle(() => serving.query('SELECT 1'));
  lifecycle.mount(app);
  app.get('/health', async (_req, res) => {
    try {
      await serving.query('SELECT 1');
      res.json({ status: 'ok', service: options.name });
    } catch {
      res.status(503).json({ status: 'unavailable', service: options.name });
    }
  });
  const unregisterStatements = registerStatements(options.name, options.statements);
  // each request runs in its own scope: every connection it is lent carries its jurisdiction
  app.use((_req, _res, next) => runInRequestScope(undefined, next));
  const contextOf = async (req: Request) => {
    const identity = await identityFromHeaders(req.headers, options.gatewayPublicKey, lifetime);
    enterRequestScope(requestScopeOf(identity));
    return options.extendContext(baseContext(identity, serving, replica));
  };
  options.routes?.(app, contextOf);
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    graphqlRequestGuard(limitConfig),
    expressMiddleware(apollo, { context: ({ req }) => contextOf(req) }),
  );
  jsonErrors(app);
  const listening = await listen(app, port, host, lifecycle);
  return {
    ...listening,
    name: options.name,
    statements: options.statements,
    serving,
    close: async () => {
      await listening.close();
      unregisterStatements();
      await apollo.stop().catch(() => undefined);
      if (serving !== options.dataSource && serving.isInitialized) await serving.destroy();
      if (replica?.isInitialized) await replica.destroy();
    },
  };
}
