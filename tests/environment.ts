import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { startGateway } from '../gateway/server';
import { openPGlite, type Engine } from '../platform/db/data-source';
import type { Listening } from '../platform/server/http';
import { signForwardedIdentity, signUserToken, IDENTITY_HEADER, type Identity } from '../platform/security/identity';
import { generateKeyMaterial, importKeys, type Keys } from '../platform/security/keys';
import type { OpenDatabase, SubgraphModule } from '../platform/server/subgraph-module';
import { startInProcessDelivery } from '../platform/events/delivery';
import type { RunningSubgraph } from '../platform/server/subgraph-server';

/**
 * One factory for test environments: real subgraphs and the real gateway on free ports over
 * real HTTP, on the embedded engine or on PostgreSQL (a throwaway schema per subgraph).
 * A test says which subgraphs and data it needs, not how to boot them.
 */

export type EngineKind = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Engines the suite runs on: always the embedded one; PostgreSQL when `npm test` found it reachable. */
export function testEngines(): EngineKind[] {
  return process.env.TEST_POSTGRES === '0' ? ['pglite'] : ['pglite', 'postgres'];
}

export interface SubgraphUnderTest {
  module: SubgraphModule;
  /** Loads the data the test asks for, before the subgraph serves. */
  seed?(dataSource: DataSource): Promise<void>;
}

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface TestEnvironment {
  engine: EngineKind;
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

async function withPg<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestEnvironment(options: {
  engine: EngineKind;
  subgraphs: SubgraphUnderTest[];
  supergraphSdl: string;
}): Promise<TestEnvironment> {
  const keys = await importKeys(await generateKeyMaterial());
  const suffix = randomBytes(4).toString('hex');
  const schemas: string[] = [];
  const pglite = options.engine === 'pglite' ? await openPGlite() : undefined;
  const engine: Engine = pglite ? { kind: 'pglite', db: pglite } : { kind: 'postgres', url: TEST_DATABASE_URL };

  const subgraphs: TestEnvironment['subgraphs'] = {};
  const opened: OpenDatabase[] = [];
  // one after the other: data sources on one PGlite instance must not initialise concurrently
  for (const { module, seed } of options.subgraphs) {
    const schema = `t_${suffix}_${module.name.replace(/-/g, '_')}`;
    schemas.push(schema);
    const db = await module.openDatabase(engine, { schema });
    await seed?.(db.dataSource);
    opened.push(db);
    const running = await module.serve(db, { gatewayPublicKey: keys.gatewayPublic });
    subgraphs[module.name] = {
      ...running,
      dataSource: db.dataSource,
      close: async () => {
        await running.close();
        if (db.dataSource.isInitialized) await db.dataSource.destroy();
      },
    };
  }
  // registry events: from the households outbox to the projections, when both are under test
  const delivery = await startInProcessDelivery(options.subgraphs.map((s) => s.module), opened, { pollMs: 0 });
  const gatewaySchema = `t_${suffix}_gateway`;
  schemas.push(gatewaySchema);
  const clients = await openGatewayDatabase(engine, { schema: gatewaySchema });
  const gateway = await startGateway({
    clients: clients.dataSource,
    supergraphSdl: options.supergraphSdl,
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
  });

  const token = (identity: Identity) => signUserToken(identity, keys.tokenPrivate!, 600);
  return {
    engine: options.engine,
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
      else await withPg(async (client) => {
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      });
    },
  };
}
