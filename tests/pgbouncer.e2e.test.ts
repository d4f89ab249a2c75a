import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import type { Listening } from '../platform/server/http';
import type { RunningSubgraph } from '../platform/server/subgraph-server';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import { signUserToken, type Identity } from '../platform/security/identity';
import { generateKeyMaterial, importKeys, type Keys } from '../platform/security/keys';
import { APP_ROLE } from '../platform/security/row-level-security';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { householdsModule } from '../subgraphs/households/module';
import { engines, TEST_DATABASE_URL } from './environment';
import { startPgBouncer } from './support/pgbouncer';

const { qiaojia, suijiang } = DEMO_IDENTITIES;
const QUERY = '{ households(first: 50) { totalCount nodes { registryNo countyCode } } }';

/**
 * Behind PgBouncer in transaction pooling, consecutive transactions of one client connection
 * run on whichever server connection is free, and one server connection serves every client in
 * turn: a jurisdiction set for the session would carry into another caller's statements. Every
 * per-request setting is transaction-local, so requests of two counties interleaved through a
 * pool of ONE server connection each see exactly their county.
 */
describe('behind PgBouncer in transaction pooling', () => {
  if (!engines('PgBouncer pools PostgreSQL connections').includes('postgres')) {
    it('runs where PostgreSQL is reachable (not here: TEST_POSTGRES=0)', () => expect(process.env.TEST_POSTGRES).toBe('0'));
    return;
  }
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
  let db: OpenDatabase;
  let households: RunningSubgraph;
  let gateway: Listening;
  let keys: Keys;
  const schema = `t_${randomBytes(4).toString('hex')}_households`;
  const data = generateDemoData({ scale: 0.005 });

  beforeAll(async () => {
    bouncer = await startPgBouncer(TEST_DATABASE_URL, ['postgres', APP_ROLE], 1);
    keys = await importKeys(await generateKeyMaterial());
    // migrations and the demo as the owner, straight to PostgreSQL; requests as the serving role, through the bouncer
    db = await householdsModule.openDatabase({ kind: 'postgres', url: TEST_DATABASE_URL, appUrl: bouncer.url(APP_ROLE) }, { schema });
    await householdsModule.demo.load(db.dataSource, data, { scale: 0.005 });
    households = await householdsModule.serve(db, { gatewayPublicKey: keys.gatewayPublic });
    gateway = await startGateway({
      supergraphSdl: loadSupergraph(loadConfig()).sdl,
      subgraphUrls: { households: households.url },
      keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await households?.close();
    await db?.dataSource.destroy();
    await bouncer?.stop();
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  async function ask(identity: Identity) {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signUserToken(identity, keys.tokenPrivate!, 600)}` },
      body: JSON.stringify({ query: QUERY }),
    });
    return ((await res.json()) as { data: { households: { totalCount: number; nodes: { countyCode: string }[] } }; errors?: unknown[] }).data?.households;
  }

  it('serves two counties’ requests interleaved over one server connection, each its own county only', async () => {
    const expected = (county: string) => data.households.filter((h) => h.county_code === county).length;
    const counties = [
      { identity: qiaojia, code: DEMO_AREAS.qiaojia },
      { identity: suijiang, code: DEMO_AREAS.suijiang },
    ];
    expect(expected(DEMO_AREAS.qiaojia)).toBeGreaterThan(0);
    expect(expected(DEMO_AREAS.suijiang)).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => counties[i % 2]).map(async (c) => ({ c, answer: await ask(c.identity) })));
      for (const { c, answer } of answers) {
        const foreign = answer?.nodes.filter((n) => n.countyCode !== c.code).length ?? -1;
        if (answer?.totalCount !== expected(c.code) || foreign !== 0 || answer.nodes.length !== Math.min(50, expected(c.code))) {
          wrong.push(`${c.code}: totalCount ${answer?.totalCount} (expected ${expected(c.code)}), ${answer?.nodes.length} rows, ${foreign} foreign`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves no setting on the server connection once a request is done', async () => {
    await ask(qiaojia);
    const client = new pg.Client({ connectionString: bouncer.url(APP_ROLE) });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT coalesce(current_setting('zrg.scope', true), '') AS scope, coalesce(current_setting('zrg.subject', true), '') AS subject, current_setting('application_name') AS app`);
      expect(rows[0]).toMatchObject({ scope: '', subject: '' });
    } finally {
      await client.end();
    }
  });
});
