import { MoreThan } from 'typeorm';
import { ReadAuditRow } from '../gateway/audit/read-audit.entity';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import { maskIdNumber } from '../platform/domain/id-number';
import type { Identity } from '../platform/security/identity';
import type { Listening } from '../platform/server/http';
import { metricsRegistry } from '../platform/server/metrics';
import { engines, subgraphUrls, type TestEnvironment } from './environment';
import { startPlatform } from './platform';
import { startGateProxy } from './support/gate-proxy';

const { prefecture, analyst, qiaojia } = DEMO_IDENTITIES;

/** Read by every caller below, each within its own scope: ID numbers and phones in full for officers, masked for the analyst. */
const PERSONS = 'query Persons { persons(first: 5) { nodes { id name idNumber phone } } }';

async function sharedReads(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('resettlement_subgraph_reads_shared_total')!.get();
  return metric.values.filter((v) => v.labels.subgraph === 'households').reduce((sum, v) => sum + v.value, 0);
}

/**
 * Identical subgraph reads in flight together are sent once for the same caller, and never
 * shared between callers: a real gateway over the real households subgraph, with a proxy in
 * between that holds the gateway's requests until every client request has reached it.
 */
describe.each(engines())('identical reads in flight (%s)', (engine) => {
  let env: TestEnvironment;
  let gate: Awaited<ReturnType<typeof startGateProxy>>;
  let gateway: Listening;

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, 0.01, ['households']));
    gate = await startGateProxy(env.subgraphs.households.url);
    gateway = await startGateway({
      clients: env.clients,
      supergraphSdl: loadSupergraph(loadConfig()).sdl,
      subgraphUrls: { ...subgraphUrls(env.subgraphs), households: gate.url },
      keys: { tokenPublic: env.keys.tokenPublic, gatewayPrivate: env.keys.gatewayPrivate!, gatewayKid: env.keys.gatewayKid },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await gate?.stop();
    await env?.close();
  });

  const ask = async (identity: Identity) => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await env.token(identity)}` },
      body: JSON.stringify({ query: PERSONS }),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: unknown[] } };
  };
  const auditRowsSince = async (mark: string) => env.clients.getRepository(ReadAuditRow).find({ where: { id: MoreThan(mark) }, order: { id: 'ASC' } });
  const lastAuditId = async () => String((await env.clients.getRepository(ReadAuditRow).createQueryBuilder('r').select('MAX(r.id)', 'max').getRawOne())?.max ?? '0');

  it('sends one read for two identical requests of one caller, and its own read to each other caller, each answered in its own scope and audited', async () => {
    // what each caller sees when asking alone
    const alone = { prefecture: await ask(prefecture), analyst: await ask(analyst), qiaojia: await ask(qiaojia) };
    const ids = (answer: typeof alone.prefecture) => answer.body.data.persons.nodes.map((p: { idNumber: string }) => p.idNumber);
    expect(alone.prefecture.body.errors).toBeUndefined();
    expect(ids(alone.analyst)).toEqual(ids(alone.prefecture).map(maskIdNumber));
    expect(alone.qiaojia.body.data).not.toEqual(alone.prefecture.body.data);

    const mark = await lastAuditId();
    const receivedBefore = gate.received;
    const sharedBefore = await sharedReads();
    gate.close();
    const answers = Promise.all([ask(prefecture), ask(prefecture), ask(analyst), ask(qiaojia)]);
    // every one of the four has either reached the subgraph's proxy or joined a read in flight
    while (gate.received - receivedBefore + (await sharedReads()) - sharedBefore < 4) await new Promise((r) => setTimeout(r, 5));
    gate.open();
    const [first, second, masked, county] = await answers;

    expect(gate.received - receivedBefore).toBe(3);
    expect((await sharedReads()) - sharedBefore).toBe(1);
    expect(first).toEqual(alone.prefecture);
    expect(second).toEqual(alone.prefecture);
    expect(masked).toEqual(alone.analyst);
    expect(county).toEqual(alone.qiaojia);
    // each request that received ID numbers in full wrote its own audit row; the analyst's masked answer none
    const rows = await auditRowsSince(mark);
    expect(rows.map((r) => r.subject).sort()).toEqual([prefecture.subject, prefecture.subject, qiaojia.subject].sort());
  });
});
