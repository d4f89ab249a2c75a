import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import type { Listening } from '../platform/server/http';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import type { RunningSubgraph } from '../platform/server/subgraph-server';
import { signUserToken, type Identity } from '../platform/security/identity';
import { generateKeyMaterial, importKeys, type Keys } from '../platform/security/keys';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { householdsModule } from '../subgraphs/households/module';
import { canRunPostgres, startStreamingPair, type StreamingPair } from './support/streaming-replica';
import { newHouseholdInput, REGISTER_HOUSEHOLD } from './support/registration';

const { prefecture, qiaojia } = DEMO_IDENTITIES;
const SCALE = 0.005;
const LIST = '{ households(first: 1) { totalCount } }';
const TABLE = '{ householdStatistics(groupBy: [COUNTY]) { total { households } } }';

/**
 * DATABASE_REPLICA_URL on a real streaming replica (a primary and a replica of our own, started
 * with initdb and pg_basebackup on free ports): lists read from the replica, writes go to the
 * primary, statistics are computed on the replica only when it has replayed the primary's data
 * version — with replay paused, a list trails the write, a statistics table does not. Which
 * server ran what is read from each server's statement log, by the request id that every
 * connection carries in its application_name.
 */
describe('reads from a streaming replica', () => {
  if (!canRunPostgres) {
    it('runs where the PostgreSQL server binaries are installed (not here)', () => expect(canRunPostgres).toBe(false));
    return;
  }
  let pair: StreamingPair;
  let keys: Keys;
  let db: OpenDatabase;
  let households: RunningSubgraph;
  let gateway: Listening;
  const data = generateDemoData({ scale: SCALE });

  beforeAll(async () => {
    pair = await startStreamingPair();
    keys = await importKeys(await generateKeyMaterial());
    db = await householdsModule.openDatabase({ kind: 'postgres', url: pair.primaryUrl, replicaUrl: pair.replicaUrl });
    await householdsModule.demo.load(db.dataSource, data, { scale: SCALE });
    households = await householdsModule.serve(db, { gatewayPublicKey: keys.gatewayPublic });
    gateway = await startGateway({
      supergraphSdl: loadSupergraph(loadConfig()).sdl,
      subgraphUrls: { households: households.url },
      keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
    });
    await pair.caughtUp();
  });
  afterAll(async () => {
    await gateway?.close();
    await households?.close();
    await db?.dataSource.destroy();
    pair?.stop();
  });

  async function ask(requestId: string, identity: Identity, query: string, variables?: Record<string, unknown>) {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, authorization: `Bearer ${await signUserToken(identity, keys.tokenPrivate!, 600)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }
  /** The statements `server` logged for one request (its id is in the connection's application_name). */
  const statementsOf = (server: 'primary' | 'replica', requestId: string) =>
    // an entry starts with its prefix; the lines of a long statement follow it
    pair.log(server).split(/\n(?=\[)/).filter((entry) => entry.startsWith('[zrg-households') && entry.includes(` ${requestId}] `) && /statement: |execute /.test(entry));
  const aggregate = /GROUPING SETS/;

  it('reads lists and statistics from the replica, writes on the primary; statistics never older than the primary’s data version', async () => {
    const households = data.households.filter((h) => h.county_code === qiaojia.jurisdiction[0]).length;
    expect((await ask('list-1', qiaojia, LIST)).households.totalCount).toBe(households);
    expect(statementsOf('replica', 'list-1').length).toBeGreaterThan(0);
    expect(statementsOf('primary', 'list-1')).toEqual([]);

    const total = (await ask('table-1', prefecture, TABLE)).householdStatistics.total.households;
    expect(total).toBe(data.households.length);
    // the data version on the primary, the table on the replica (which shows that version)
    expect(statementsOf('primary', 'table-1').some((l) => /data_version/.test(l))).toBe(true);
    expect(statementsOf('primary', 'table-1').some((l) => aggregate.test(l))).toBe(false);
    expect(statementsOf('replica', 'table-1').some((l) => aggregate.test(l))).toBe(true);

    // the replica stops replaying: a write reaches only the primary
    await pair.pauseReplay();
    await ask('write-1', qiaojia, REGISTER_HOUSEHOLD, { input: newHouseholdInput(data, 'RR-0001', 921, ['副本甲', '副本乙']) });
    expect(statementsOf('primary', 'write-1').some((l) => /INSERT INTO/.test(l))).toBe(true);
    expect(statementsOf('replica', 'write-1')).toEqual([]);

    // a list trails by the replication lag; the statistics table does not (computed on the primary)
    expect((await ask('list-2', qiaojia, LIST)).households.totalCount).toBe(households);
    expect((await ask('table-2', prefecture, TABLE)).householdStatistics.total.households).toBe(total + 1);
    expect(statementsOf('primary', 'table-2').some((l) => aggregate.test(l))).toBe(true);
    expect(statementsOf('replica', 'table-2').some((l) => aggregate.test(l))).toBe(false);

    await pair.resumeReplay();
    await pair.caughtUp();
    expect((await ask('list-3', qiaojia, LIST)).households.totalCount).toBe(households + 1);
    expect(statementsOf('replica', 'list-3').length).toBeGreaterThan(0);
  });
});
