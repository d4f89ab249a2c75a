import pg from 'pg';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import { loadConfig } from '../platform/config';
import { signUserToken } from '../platform/security/identity';
import { generateKeyMaterial, importKeys } from '../platform/security/keys';
import { requestScopeOf, SET_SETTINGS_SQL, settingsOf } from '../platform/security/request-scope';
import { appUrlOf } from '../platform/db/serving-connection';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import type { RunningSubgraph } from '../platform/server/subgraph-server';
import { recordingProxy, type RecordingProxy, type SubgraphFetch } from './recording-proxy';
import type { Scenario } from './scenarios';

export interface Limit {
  statements: number;
  /** Median time for PostgreSQL alone to run the scenario's statements one after the other, as the owner (no row-level security), ms. */
  databaseMs: number;
  /** The same as the serving role with the caller's scope set (row-level security on), ms. */
  databaseScopedMs: number;
  /** What the gateway asked each subgraph for, per variant of the scenario's request. */
  fetches: SubgraphFetch[][];
}

/** Runs `statements` over `client` until `rounds` runs or `budgetMs` have passed; the median run, ms. */
async function timeStatements(client: pg.Client, statements: { query: string; parameters: unknown[] }[], rounds: number, budgetMs: number): Promise<number> {
  const times: number[] = [];
  const until = Date.now() + budgetMs;
  for (let round = 0; round < rounds && (round < 3 || Date.now() < until); round++) {
    const started = process.hrtime.bigint();
    for (const { query, parameters } of statements) await client.query(query, parameters);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * The limit of a read scenario: run it once through an in-process platform, record every SQL
 * statement (with parameters) the subgraphs ran the first time and every request the gateway
 * sent to a subgraph, then time PostgreSQL alone running the same statements over one connection — as the
 * owner, and as the serving role under the prefecture officer's scope — up to `rounds` times
 * (within about `budgetMs`), and take the medians.
 */
export async function measureLimit(databaseUrl: string, scenario: Scenario, rounds = 30, budgetMs = 4000): Promise<Limit> {
  const keys = await importKeys(await generateKeyMaterial());
  const engine = { kind: 'postgres' as const, url: databaseUrl };
  const dbs: OpenDatabase[] = [];
  const running: RunningSubgraph[] = [];
  const proxies: RecordingProxy[] = [];
  let fetches: SubgraphFetch[] | undefined;
  for (const module of SUBGRAPH_MODULES) {
    const db = await module.openDatabase(engine);
    dbs.push(db);
    const subgraph = await module.serve(db, { gatewayPublicKey: keys.gatewayPublic });
    running.push(subgraph);
    proxies.push(await recordingProxy(subgraph.name, subgraph.url, () => fetches));
  }
  // the read audit: a scenario reading ID numbers in full is only answered once its reads are written
  const clients = await openGatewayDatabase(engine);
  const gateway = await startGateway({
    clients: clients.dataSource,
    supergraphSdl: loadSupergraph(loadConfig()).sdl,
    subgraphUrls: Object.fromEntries(running.map((r, i) => [r.name, proxies[i].url])),
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
  });
  const token = await signUserToken(DEMO_IDENTITIES.prefecture, keys.tokenPrivate!, 600);
  const send = async (variant: number) => {
    const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(scenario.body(variant)) });
    if (!res.ok) throw new Error(`${scenario.name}: HTTP ${res.status}`);
    await res.arrayBuffer();
  };
  try {
    // the first request: the statements of an answer computed afresh (not yet kept, `data-version.ts`)
    for (const db of dbs) db.statements.recorded = [];
    await send(0);
    const recorded = dbs.flatMap((db) => db.statements.recorded ?? []);
    for (const db of dbs) db.statements.recorded = null;
    const recordedFetches: SubgraphFetch[][] = [];
    for (let variant = 0; variant < scenario.variants; variant++) {
      fetches = [];
      await send(variant);
      recordedFetches.push(fetches);
    }
    fetches = undefined;
    const owner = new pg.Client({ connectionString: databaseUrl });
    const serving = new pg.Client({ connectionString: appUrlOf(engine) });
    await owner.connect();
    await serving.connect();
    try {
      await serving.query(SET_SETTINGS_SQL, settingsOf(requestScopeOf(DEMO_IDENTITIES.prefecture)));
      return {
        statements: recorded.length,
        databaseMs: await timeStatements(owner, recorded, rounds, budgetMs),
        databaseScopedMs: await timeStatements(serving, recorded, rounds, budgetMs),
        fetches: recordedFetches,
      };
    } finally {
      await owner.end();
      await serving.end();
    }
  } finally {
    await gateway.close();
    for (const p of proxies) await p.close();
    for (const r of running) await r.close();
    for (const db of [...dbs, clients]) await db.dataSource.destroy();
  }
}
