import pg from 'pg';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import { loadConfig } from '../subgraphs/shared/config';
import { signUserToken } from '../subgraphs/shared/identity';
import { generateKeyMaterial, importKeys } from '../subgraphs/shared/keys';
import type { OpenDatabase } from '../subgraphs/shared/subgraph-module';
import type { RunningSubgraph } from '../subgraphs/shared/subgraph-server';
import type { Scenario } from './scenarios';

export interface Limit {
  statements: number;
  /** Median time for PostgreSQL alone to run the scenario's statements one after the other, ms. */
  databaseMs: number;
}

/**
 * The limit of a read scenario: run it once through an in-process platform, record every SQL
 * statement (with parameters) the subgraphs ran, then time PostgreSQL alone running the same
 * statements over one connection, `rounds` times, and take the median.
 */
export async function measureLimit(databaseUrl: string, scenario: Scenario, rounds = 30): Promise<Limit> {
  const keys = await importKeys(await generateKeyMaterial());
  const engine = { kind: 'postgres' as const, url: databaseUrl };
  const dbs: OpenDatabase[] = [];
  const running: RunningSubgraph[] = [];
  for (const module of SUBGRAPH_MODULES) {
    const db = await module.openDatabase(engine);
    dbs.push(db);
    running.push(await module.serve(db, { gatewayPublicKey: keys.gatewayPublic }));
  }
  const gateway = await startGateway({
    supergraphSdl: loadSupergraph(loadConfig()).sdl,
    subgraphUrls: Object.fromEntries(running.map((r) => [r.name, r.url])),
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
  });
  const token = await signUserToken(DEMO_IDENTITIES.prefecture, keys.tokenPrivate!, 600);
  const send = () =>
    fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(scenario.body(0)) });
  try {
    await send(); // warm every cache on the way
    for (const db of dbs) db.statements.recorded = [];
    const res = await send();
    if (!res.ok) throw new Error(`${scenario.name}: HTTP ${res.status}`);
    const recorded = dbs.flatMap((db) => db.statements.recorded ?? []);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const times: number[] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        const started = process.hrtime.bigint();
        for (const { query, parameters } of recorded) await client.query(query, parameters);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    } finally {
      await client.end();
    }
    times.sort((a, b) => a - b);
    return { statements: recorded.length, databaseMs: times[Math.floor(times.length / 2)] };
  } finally {
    await gateway.close();
    for (const r of running) await r.close();
    for (const db of dbs) await db.dataSource.destroy();
  }
}
