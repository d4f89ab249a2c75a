import pg from 'pg';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import { captureLogs } from '../platform/server/log';
import { createTestEnvironment, engines, type TestEnvironment } from './environment';

const { qiaojia } = DEMO_IDENTITIES;
const QUERY = 'query FirstHouseholds { households(first: 2) { nodes { registryNo head { name idNumber } members { labourStatus { status } } } } }';

/**
 * Every process logs one JSON line per request (id, operation, duration, status, subject, role),
 * the gateway's request id travels to every subgraph it calls and back in every error, failures
 * are logged with their stack on the server only, and PostgreSQL names each connection's owner.
 */
describe.each(engines('the request id reaches the database session'))('request logs and request ids (%s)', (engine) => {
  let env: TestEnvironment;
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    env = await createTestEnvironment({
      engine,
      scale: 0.005,
      subgraphs: ['households', 'employment'],
    });
  });
  beforeEach(() => (logs = captureLogs()));
  afterEach(() => logs.stop());
  afterAll(() => env?.close());

  async function post(body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(env.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await env.token(qiaojia)}`, ...headers },
      body: JSON.stringify(body),
    });
    return { res, body: (await res.json()) as any };
  }
  const linesOf = (requestId: string) => logs.lines.filter((l) => l.requestId === requestId && l.msg === 'request');

  it('logs one line per request in the gateway and in each subgraph it reached, under the caller’s request id', async () => {
    const { res, body } = await post({ query: QUERY }, { 'x-request-id': 'trace-0001.a:b_c' });
    expect(body.errors).toBeUndefined();
    expect(res.headers.get('x-request-id')).toBe('trace-0001.a:b_c');
    const lines = linesOf('trace-0001.a:b_c');
    expect(lines.map((l) => l.service).sort()).toEqual(['employment', 'gateway', 'households']);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 'info', status: 200, method: 'POST', path: '/graphql', subject: qiaojia.subject, role: qiaojia.role });
      expect(typeof line.durationMs).toBe('number');
      expect(typeof line.time).toBe('string');
    }
    expect(lines.find((l) => l.service === 'gateway')!.operation).toBe('FirstHouseholds');
    // no personal values: what was answered never reaches the log
    const text = JSON.stringify(logs.lines);
    const head = body.data.households.nodes[0].head;
    expect(text).not.toContain(head.name);
    expect(text).not.toContain(body.data.households.nodes[0].registryNo);
  });

  it('makes a request id when none or an unsafe one is sent', async () => {
    for (const sent of [undefined, 'has spaces and <tags>', 'x'.repeat(65)]) {
      const { res } = await post({ query: '{ stations { id } }' }, sent ? { 'x-request-id': sent } : {});
      const id = res.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(linesOf(id).map((l) => l.service).sort()).toEqual(['gateway', 'households']);
    }
  });

  it('returns the request id in the extensions of every error: GraphQL errors and refusals alike', async () => {
    const invalid = await post({ query: '{ nope }' }, { 'x-request-id': 'bad-query-1' });
    expect(invalid.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'bad-query-1' });
    const anonymous = await fetch(env.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'anon-1' }, body: '{"query":"{ stations { id } }"}' });
    expect(((await anonymous.json()) as any).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'anon-1' });
    const malformed = await fetch(env.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'malformed-1' }, body: '{"query":' });
    expect(((await malformed.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', requestId: 'malformed-1' });
    const badKey = await fetch(env.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'zrg_nonsense', 'x-request-id': 'partner-1' }, body: '{"query":"{ stations { id } }"}' });
    expect(((await badKey.json()) as any).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'partner-1' });
    expect(linesOf('partner-1')[0]).toMatchObject({ service: 'gateway', status: 401 });
  });

  it('logs a failure of its own with the stack on the server, and tells the client only the code and the request id', async () => {
    const households = env.subgraphs.households.dataSource;
    const table = `"${schemaName(households)}".power_station`;
    await households.query(`ALTER TABLE ${table} RENAME TO power_station_gone`);
    try {
      const { body } = await post({ query: '{ stations { id } }' }, { 'x-request-id': 'broken-1' });
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'broken-1' });
      expect(JSON.stringify(body)).not.toMatch(/power_station|relation|at .*\.ts/);
      const failure = logs.lines.find((l) => l.service === 'households' && l.level === 'error' && l.requestId === 'broken-1');
      expect(failure?.msg).toBe('request failed');
      expect(failure?.error).toMatch(/power_station/);
      expect(failure?.stack).toMatch(/\n\s+at /);
    } finally {
      await households.query(`ALTER TABLE "${schemaName(households)}".power_station_gone RENAME TO power_station`);
    }
  });

  if (engine === 'postgres') {
    it('names every connection in pg_stat_activity after the process part that holds it', async () => {
      await post({ query: QUERY });
      // each environment has a database of its own (restored from the seed)
      const client = new pg.Client({ connectionString: env.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'zrg-%'`);
        expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['zrg-households', 'zrg-employment', 'zrg-gateway']));
      } finally {
        await client.end();
      }
    });
  }
});
