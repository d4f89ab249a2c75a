import type { DataSource } from 'typeorm';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import type { Engine } from '../platform/db/data-source';
import type { Listening } from '../platform/server/http';
import { signForwardedIdentity, signUserToken, IDENTITY_HEADER, type Identity } from '../platform/security/identity';
import { generateKeyMaterial, importKeys, type Keys } from '../platform/security/keys';
import type { OpenDatabase, SubgraphModule } from '../platform/server/subgraph-module';
import { startInProcessDelivery } from '../platform/events/delivery';
import type { RunningSubgraph } from '../platform/server/subgraph-server';
import { restorePGlite, restorePostgres, TEST_DATABASE_URL } from './seeds';
import { subgraphModule, type SubgraphName } from './subgraphs';

/**
 * One factory for test environments: real subgraphs and the real gateway on free ports over
 * real HTTP, on the embedded engine or on PostgreSQL, each environment on its own copy of the
 * demo at the scale asked for (restored from a seed built once per run: `seeds.ts`).
 * A test says which subgraphs it crosses and at what scale, not how to boot them.
 */

export type EngineKind = 'pglite' | 'postgres';

export { TEST_DATABASE_URL };

/**
 * The engines a suite runs on. Every suite runs on the embedded engine (PGlite). A suite whose
 * outcome can depend on the engine runs on PostgreSQL as well (when `npm test` found it
 * reachable) and says why: row-level security on the serving role, triggers and the change
 * history, conflicts and concurrent writers, the data version, the isolation matrix, statement
 * counts, jurisdiction in SQL, the import's transactions. The rest behave alike on both engines
 * (PGlite is PostgreSQL itself) and run once.
 */
export function engines(postgresBecause?: string): EngineKind[] {
  return postgresBecause && process.env.TEST_POSTGRES !== '0' ? ['pglite', 'postgres'] : ['pglite'];
}

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface TestEnvironment {
  engine: EngineKind;
  /** On PostgreSQL, the environment's own database (the owner's URL). */
  databaseUrl?: string;
  gateway: Listening;
  subgraphs: Record<string, RunningSubgraph & { dataSource: DataSource }>;
  /** The gateway's own tables (partner clients). */
  clients: DataSource;
  keys: Keys;
  token(identity: Identity): Promise<string>;
  /** A request through the gateway, as `identity` (or with a raw Authorization header). */
  query<T = any>(as: Identity | { authorization?: string }, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A request straight to a subgraph, with the headers given (the forged-identity tests use this). */
  querySubgraph<T = any>(name: string, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A request straight to a subgraph, with an identity the gateway really signed. */
  querySubgraphAs<T = any>(name: string, identity: Identity, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Registry events between the subgraphs under test, delivered in process: `settled()` resolves once every projection has applied the outbox. */
  events: { settled(): Promise<void> };
  /** SQL statements a subgraph has run so far. */
  statements(name: string): number;
  close(): Promise<void>;
}

async function post(url: string, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse;
  return { status: res.status, data: body.data, errors: body.errors, extensions: body.extensions };
}

/** Where a gateway sends each subgraph of the supergraph: to the environment's, or nowhere (connection refused) for one it does not run. */
export function subgraphUrls(subgraphs: TestEnvironment['subgraphs']): Record<string, string> {
  const names = Object.keys(loadSupergraph(loadConfig()).subgraphUrls);
  return Object.fromEntries(names.map((name) => [name, subgraphs[name]?.url ?? 'http://127.0.0.1:9/graphql']));
}

export async function createTestEnvironment(options: {
  engine: EngineKind;
  /** The subgraphs the suite crosses (the gateway serves the whole supergraph; the others refuse connections). */
  subgraphs: readonly SubgraphName[];
  /** The demo's scale. */
  scale: number;
}): Promise<TestEnvironment> {
  const keys = await importKeys(await generateKeyMaterial());
  const pglite = options.engine === 'pglite' ? await restorePGlite(options.scale) : undefined;
  const database = pglite ? undefined : await restorePostgres(options.scale);
  const engine: Engine = pglite ? { kind: 'pglite', db: pglite } : { kind: 'postgres', url: database!.url };

  const subgraphs: TestEnvironment['subgraphs'] = {};
  const opened: OpenDatabase[] = [];
  // one after the other: data sources on one PGlite instance must not initialise concurrently
  const modules: SubgraphModule[] = [];
  for (const name of options.subgraphs) {
    const module = subgraphModule(name);
    const db = await module.openDatabase(engine);
    modules.push(module);
    opened.push(db);
    const running = await module.serve(db, { gatewayPublicKey: keys.gatewayPublic });
    subgraphs[name] = {
      ...running,
      dataSource: db.dataSource,
      close: async () => {
        await running.close();
        if (db.dataSource.isInitialized) await db.dataSource.destroy();
      },
    };
  }
  // registry events: from the households outbox to the projections, when both are under test
  const delivery = await startInProcessDelivery(modules, opened, { pollMs: 0 });
  const clients = await openGatewayDatabase(engine);
  const gateway = await startGateway({
    clients: clients.dataSource,
    supergraphSdl: loadSupergraph(loadConfig()).sdl,
    subgraphUrls: subgraphUrls(subgraphs),
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
  });

  const token = (identity: Identity) => signUserToken(identity, keys.tokenPrivate!, 600);
  return {
    engine: options.engine,
    databaseUrl: database?.url,
    gateway,
    subgraphs,
    clients: clients.dataSource,
    keys,
    token,
    async query(as, query, variables) {
      const authorization = 'role' in as ? `Bearer ${await token(as)}` : as.authorization;
      return post(gateway.url, authorization ? { authorization } : {}, query, variables);
    },
    querySubgraph(name, headers, query, variables) {
      return post(subgraphs[name].url, headers, query, variables);
    },
    async querySubgraphAs(name, identity, query, variables) {
      const signed = await signForwardedIdentity(identity, keys.gatewayPrivate!, 60, keys.gatewayKid);
      return post(subgraphs[name].url, { [IDENTITY_HEADER]: signed }, query, variables);
    },
    events: { settled: async () => delivery?.settled() },
    statements: (name) => subgraphs[name].statements.count,
    async close() {
      await delivery?.stop();
      await gateway.close();
      for (const running of Object.values(subgraphs)) await running.close();
      await clients.dataSource.destroy();
      if (pglite) await pglite.close();
      else await database!.drop();
    },
  };
}
