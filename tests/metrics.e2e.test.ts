import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { registerEventLag } from '../platform/server/metrics';
import { startMetricsServer, type MetricsEndpoint } from '../platform/server/metrics-server';
import { createTestEnvironment, type TestEnvironment } from './environment';

const { qiaojia, prefecture } = DEMO_IDENTITIES;
/** Operation names admitted per service in this suite (METRICS_MAX_OPERATIONS), to see the cap work. */
const CAP = 8;

/** The value of one sample of `/metrics`: `name` with every label given (others may be there too). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/** Distinct values a label takes among the samples of `name` (e.g. the operations a histogram holds). */
function labelValues(text: string, name: string, label: string, where: Record<string, string> = {}): Set<string> {
  const values = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const have = Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(where).every(([k, v]) => have[k] === v) && have[label] !== undefined) values.add(have[label]);
  }
  return values;
}

/**
 * What an operator graphs, read from the metrics port of a real gateway and real subgraphs
 * (employment is not running: the gateway's fetches from it fail): request durations by
 * operation and outcome at the gateway and on each subgraph, subgraph fetches by service,
 * errors by code, SQL statements, registry-event lag; `/metrics` is not on the API's port, and
 * a client sending ever new operation names cannot grow the series past the cap.
 */
describe('metrics', () => {
  let env: TestEnvironment;
  let metrics: MetricsEndpoint;
  const before = process.env.METRICS_MAX_OPERATIONS;
  const scrape = async () => {
    const res = await fetch(metrics.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  beforeAll(async () => {
    process.env.METRICS_MAX_OPERATIONS = String(CAP);
    env = await createTestEnvironment({ engine: 'pglite', scale: 0.005, subgraphs: ['households', 'land-housing'] });
    metrics = await startMetricsServer(0);
  });
  afterAll(async () => {
    await metrics?.close();
    await env?.close();
    if (before === undefined) delete process.env.METRICS_MAX_OPERATIONS;
    else process.env.METRICS_MAX_OPERATIONS = before;
  });

  it('is served on the metrics port only: the API answers 404 for /metrics, the metrics port nothing else', async () => {
    for (const url of [env.gateway.url, env.subgraphs.households.url]) {
      expect((await fetch(url.replace(/graphql$/, 'metrics'))).status).toBe(404);
    }
    expect((await fetch(metrics.url.replace(/metrics$/, 'graphql'))).status).toBe(404);
    expect(new URL(metrics.url).hostname).toBe('127.0.0.1');
    expect(sample(await scrape(), 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('times requests by operation and outcome, subgraph fetches by service, and counts errors by code', async () => {
    const ok = await env.query(qiaojia, 'query CountHouseholds { households(first: 2) { totalCount } }');
    expect(ok.errors).toBeUndefined();
    // a client's mistake with a code of its own
    const bad = await env.query(qiaojia, 'query BadPage { households(first: 2, after: "no-such-cursor") { totalCount } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // employment is down: its fields are missing, the households' are delivered
    const partial = await env.query(qiaojia, 'query WithLabour { households(first: 2) { nodes { registryNo members { labourStatus { status } } } } }');
    expect(partial.data?.households.nodes).toHaveLength(2);
    expect(partial.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    // refused before GraphQL runs (not JSON)
    expect((await fetch(env.gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);

    const statementsBefore = env.statements('households');
    const text = await scrape();
    const count = (labels: Record<string, string>) => sample(text, 'resettlement_request_duration_seconds_count', labels);
    expect(count({ service: 'gateway', operation: 'CountHouseholds', outcome: 'ok' })).toBe(1);
    expect(count({ service: 'gateway', operation: 'BadPage', outcome: 'rejected' })).toBe(1);
    expect(count({ service: 'gateway', operation: 'WithLabour', outcome: 'partial' })).toBe(1);
    expect(count({ service: 'gateway', operation: 'unresolved', outcome: 'rejected' })).toBe(1);
    // the histogram's buckets hold what its count says
    expect(sample(text, 'resettlement_request_duration_seconds_bucket', { service: 'gateway', operation: 'CountHouseholds', outcome: 'ok', le: '+Inf' })).toBe(1);
    expect(sample(text, 'resettlement_request_duration_seconds_sum', { service: 'gateway', operation: 'CountHouseholds', outcome: 'ok' })).toBeGreaterThan(0);
    // each subgraph's own requests: the gateway's operations as the query planner names them
    const subgraphOps = labelValues(text, 'resettlement_request_duration_seconds_count', 'operation', { service: 'households' });
    expect([...subgraphOps].some((op) => op.startsWith('CountHouseholds__households__'))).toBe(true);

    const fetches = (labels: Record<string, string>) => sample(text, 'resettlement_subgraph_fetch_duration_seconds_count', labels);
    expect(fetches({ subgraph: 'households', outcome: 'ok' })).toBe(2);
    expect(fetches({ subgraph: 'households', outcome: 'errors' })).toBe(1);
    expect(fetches({ subgraph: 'employment', outcome: 'unavailable' })).toBe(1);

    const errors = (code: string, service = 'gateway') => sample(text, 'resettlement_errors_total', { service, code });
    expect(errors('BAD_USER_INPUT')).toBe(1);
    expect(errors('BAD_USER_INPUT', 'households')).toBe(1);
    expect(errors('SUBGRAPH_UNAVAILABLE')).toBe(1);
    expect(errors('BAD_REQUEST')).toBe(1);

    // what the subgraph counted when scraped (the scrape itself reads the consumers' lag from the outbox)
    const statements = sample(text, 'resettlement_sql_statements_total', { service: 'households' })!;
    expect(statements).toBeGreaterThanOrEqual(statementsBefore);
    expect(statements).toBeLessThanOrEqual(env.statements('households'));
    expect(statementsBefore).toBeGreaterThan(0);
  });

  it('keeps the operation label bounded however many names a client invents', async () => {
    for (let i = 0; i < 3 * CAP; i++) expect((await env.query(prefecture, `query Invented${i} { __typename }`)).errors).toBeUndefined();
    await env.query(prefecture, '{ __typename }');
    const text = await scrape();
    const operations = labelValues(text, 'resettlement_request_duration_seconds_count', 'operation', { service: 'gateway' });
    // every name admitted (the earlier test's three and the first invented ones) plus the labels of their own
    const named = [...operations].filter((op) => !['other', 'anonymous', 'unresolved', 'invalid'].includes(op));
    expect(named.length).toBe(CAP);
    expect(operations.has('other')).toBe(true);
    expect(operations.has('anonymous')).toBe(true);
    const invented = (op: string) => sample(text, 'resettlement_request_duration_seconds_count', { service: 'gateway', operation: op, outcome: 'ok' }) ?? 0;
    expect(invented('other')).toBe(3 * CAP - (CAP - 3));
  });

  it('reports each registry-event consumer’s lag behind the outbox', async () => {
    await env.events.settled();
    let text = await scrape();
    expect(sample(text, 'resettlement_event_lag', { consumer: 'land-housing' })).toBe(0);
    // any delivery feeds the same gauge
    const unregister = registerEventLag('nats:employment', () => 7);
    text = await scrape();
    expect(sample(text, 'resettlement_event_lag', { consumer: 'nats:employment' })).toBe(7);
    unregister();
    expect(sample(await scrape(), 'resettlement_event_lag', { consumer: 'nats:employment' })).toBeUndefined();
  });
});
