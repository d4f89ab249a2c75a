import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import { schemaName } from '../platform/db/data-source';
import type { Listening } from '../platform/server/http';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import type { RunningSubgraph } from '../platform/server/subgraph-server';
import type { Identity } from '../platform/security/identity';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { householdsModule } from '../subgraphs/households/module';
import { newHouseholdInput, REGISTER_HOUSEHOLD } from './support/registration';
import { createTestEnvironment, engines, type TestEnvironment } from './environment';

const { prefecture, qiaojia } = DEMO_IDENTITIES;
const TABLE = '{ householdStatistics(groupBy: [COUNTY]) { total { households persons } } }';

/**
 * Stateless replicas: two gateway + households sets over ONE PostgreSQL database, as two
 * machines would run them. Each keeps statistics in its own memory under the data version that
 * lives in the database, so a write through one replica is in the other's very next answer.
 */
describe('two replicas over one database', () => {
  if (!engines('replicas share one PostgreSQL database').includes('postgres')) {
    it('runs where PostgreSQL is reachable (not here: TEST_POSTGRES=0)', () => expect(process.env.TEST_POSTGRES).toBe('0'));
    return;
  }
  let a: TestEnvironment;
  let bDatabase: OpenDatabase;
  let bHouseholds: RunningSubgraph;
  let bGateway: Listening;
  const data = generateDemoData({ scale: 0.005 });

  beforeAll(async () => {
    a = await createTestEnvironment({ engine: 'postgres', scale: 0.005, subgraphs: ['households'] });
    // replica B: its own processes' worth of pools, caches and servers, on A's schema
    bDatabase = await householdsModule.openDatabase({ kind: 'postgres', url: a.databaseUrl! }, { schema: schemaName(a.subgraphs.households.dataSource) });
    bHouseholds = await householdsModule.serve(bDatabase, { gatewayPublicKey: a.keys.gatewayPublic });
    bGateway = await startGateway({
      supergraphSdl: loadSupergraph(loadConfig()).sdl,
      subgraphUrls: { households: bHouseholds.url },
      keys: { tokenPublic: a.keys.tokenPublic, gatewayPrivate: a.keys.gatewayPrivate!, gatewayKid: a.keys.gatewayKid },
    });
  });
  afterAll(async () => {
    await bGateway?.close();
    await bHouseholds?.close();
    await bDatabase?.dataSource.destroy();
    await a?.close();
  });

  async function viaB(identity: Identity, query: string, variables?: Record<string, unknown>) {
    const res = await fetch(bGateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await a.token(identity)}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  }
  const totalViaA = async () => (await a.query(prefecture, TABLE)).data.householdStatistics.total;

  it('counts a household registered through replica B in replica A’s kept statistics', async () => {
    const start = a.statements('households');
    const before = await totalViaA();
    const computed = a.statements('households') - start;
    expect(await totalViaA()).toEqual(before);
    // served from what A kept: fewer statements than computing it
    expect(a.statements('households') - start - computed).toBeLessThan(computed);

    const registered = await viaB(qiaojia, REGISTER_HOUSEHOLD, { input: newHouseholdInput(data, 'RP-0001', 911, ['复制甲', '复制乙']) });
    expect(registered.errors).toBeUndefined();

    expect(await totalViaA()).toEqual({ households: before.households + 1, persons: before.persons + 2 });
    expect((await viaB(prefecture, TABLE)).data.householdStatistics.total).toEqual({ households: before.households + 1, persons: before.persons + 2 });
  });
});
