import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { loadConfig, type OperationLimits } from '../platform/config';
import { requestMetrics, requestMetricsPlugin } from '../platform/server/request-metrics';
import { operationLimits } from '../platform/graphql/operation-limits';
import { jsonErrors, listen, type Listening } from '../platform/server/http';
import { noPhoneHome } from '../platform/server/no-phone-home';
import { graphqlRequestGuard } from '../platform/server/request-guard';
import { readAuditPlugin } from './audit/read-audit.plugin';
import { serveReadAudit } from './audit/read-audit.routes';
import { createGatewayContext, type GatewayContext, type GatewayKeys } from './context';
import { serveExport } from './export/export-routes';
import { serveRegistryFiles } from './file-proxy';
import { serveGraphiQL } from './graphiql-routes';
import { IdentityForwardingDataSource } from './identity-data-source';
import { IdentityTokens } from './identity-tokens';
import { partnerGate, type PartnerRequest } from './partner-gate';
import { versionPlugin } from './version.plugin';
import { platformVersion } from '../platform/version';
import { logger, requestLogging } from '../platform/server/log';
import { formatClientError, requestLogPlugin } from '../platform/server/request-log.plugin';
import { Lifecycle } from '../platform/server/lifecycle';
import { rateLimits } from './rate-limits';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph listens, by name (overrides the URLs in the supergraph). */
  subgraphUrls: Record<string, string>;
  keys: GatewayKeys;
  identityTtlSeconds?: number;
  /** How long a subgraph fetch may take (default SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs?: number;
  limits?: OperationLimits;
  /**
   * The gateway's own tables (partner clients, read audit); without them API keys are not
   * accepted and no response carrying a full sensitive value is delivered (it could not be audited).
   */
  clients?: DataSource;
  /** Express's `trust proxy` (from TRUST_PROXY): false, a hop count, or trusted proxy addresses. */
  trustProxy?: boolean | number | string;
  /** Redis counting partner rate limits across gateway replicas (default REDIS_URL; unset: in memory), and its key prefix. */
  redisUrl?: string;
  rateLimitPrefix?: string;
  /** The GraphiQL bundle to serve (default: dist/graphiql). */
  graphiqlDir?: string;
  port?: number;
  host?: string;
}

/** The import mutation carries a file of up to 8 MB, base64-encoded (4/3 of it): the largest body accepted. */
const GRAPHQL_BODY_LIMIT = '11mb';

/** Checks each subgraph's `/health` with a short timeout. */
async function subgraphHealth(urls: Record<string, string>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const res = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
        return [name, res.ok ? 'ok' : 'unavailable'] as const;
      } catch {
        return [name, 'unavailable'] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** The gateway: the static supergraph, bearer-token authentication, masked errors, `/health`. */
export async function startGateway(options: GatewayOptions): Promise<Listening> {
  const offline = noPhoneHome();
  // @apollo/gateway reads APOLLO_TELEMETRY_DISABLED as it is constructed: never build one without it
  if (process.env.APOLLO_TELEMETRY_DISABLED !== 'true') throw new Error('APOLLO_TELEMETRY_DISABLED must be set before the gateway is built');
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new IdentityForwardingDataSource(name, options.subgraphUrls[name] ?? url, options.subgraphTimeoutMs ?? loadConfig().subgraphTimeoutMs),
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((loaded) => {
    apiSchema = loaded.apiSchema;
  });
  const limitConfig = options.limits ?? loadConfig().limits;
  const limits = operationLimits(limitConfig);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatClientError,
    includeStacktraceInErrorResponses: false,
    // the process stops on signals itself, draining first (`stopOnSignals`)
    stopOnTerminationSignals: false,
    introspection: true,
    allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    persistedQueries: limits.persistedQueries,
    // no cache hints: the subgraphs send none and nothing caches whole answers by them
    plugins: [...limits.plugins, ...offline, ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), readAuditPlugin(options.clients), versionPlugin(), requestLogPlugin(logger('gateway')), requestMetricsPlugin()],
  });
  await apollo.start();

  const tokens = new IdentityTokens(options.keys, options.identityTtlSeconds ?? 60);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(logger('gateway')), requestMetrics('gateway'));
  const partnerLimits = rateLimits({ redisUrl: options.redisUrl ?? loadConfig().redisUrl, keyPrefix: options.rateLimitPrefix });
  const lifecycle = new Lifecycle(options.clients && (() => options.clients!.query('SELECT 1')));
  lifecycle.mount(app);
  app.set('trust proxy', options.trustProxy ?? false);
  app.get('/health', async (_req, res) => {
    const subgraphs = await subgraphHealth(options.subgraphUrls);
    const ok = Object.values(subgraphs).every((s) => s === 'ok');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', version: platformVersion(), subgraphs });
  });
  serveGraphiQL(app, options.graphiqlDir);
  serveReadAudit(app, options.clients, options.keys.tokenPublic);
  let graphqlUrl = '';
  serveExport(app, () => graphqlUrl, () => apiSchema);
  serveRegistryFiles(app, options.subgraphUrls, tokens, options.clients);
  app.use(
    '/graphql',
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    graphqlRequestGuard(limitConfig),
    ...(options.clients ? [partnerGate(options.clients, partnerLimits)] : []),
    expressMiddleware(apollo, {
      context: ({ req }) => createGatewayContext(req.headers.authorization, tokens, (req as PartnerRequest).partner, req.ip),
    }),
  );
  jsonErrors(app);
  await partnerLimits.connected();
  const listening = await listen(app, options.port ?? 0, options.host, lifecycle);
  graphqlUrl = listening.url;
  return {
    ...listening,
    close: async () => {
      await listening.close();
      await apollo.stop();
      await partnerLimits.close();
    },
  };
}
