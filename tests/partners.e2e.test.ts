import { allowOperations, apiSchemaOf, issueClient, revokeClient, sha256 } from '../gateway/clients/client-store';
import { loadSupergraph } from '../gateway/supergraph';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { loadConfig } from '../platform/config';
import type { GraphQLResponse, TestEnvironment } from './environment';
import { startPlatform } from './platform';

const REGISTERED = `query CountyPersons($county: String!) { persons(first: 5, filter: { areaCode: $county }) { totalCount nodes { name idNumber phone countyCode } } }`;

describe('partner clients: API keys, registered operations, rate limits', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    ({ env } = await startPlatform('pglite', 0.005));
  });
  afterAll(() => env?.close());

  async function asPartner(key: string, body: Record<string, unknown>): Promise<GraphQLResponse & { headers: Headers }> {
    const res = await fetch(env.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) });
    const json = (await res.json()) as GraphQLResponse;
    return { ...json, status: res.status, headers: res.headers };
  }

  async function partner(options: { rate?: number; expiresAt?: Date } = {}) {
    const client = await issueClient(env.clients, { name: '巧家县民政局', jurisdiction: [DEMO_AREAS.qiaojia], purposes: ['civil-affairs'], ratePerMinute: options.rate, expiresAt: options.expiresAt });
    await allowOperations(env.clients, client.id, [{ name: 'county-persons.graphql', text: REGISTERED }], apiSchemaOf(loadSupergraph(loadConfig()).sdl));
    return client;
  }

  it('runs a registered operation, by its text or by its documentId, inside the client’s jurisdiction, phones masked', async () => {
    const { key } = await partner();
    const byText = await asPartner(key, { query: REGISTERED, variables: { county: DEMO_AREAS.qiaojia } });
    expect(byText.errors).toBeUndefined();
    expect(byText.data.persons.totalCount).toBeGreaterThan(0);
    // civil affairs needs ID numbers in full, not phones
    const nodes: { countyCode: string; idNumber: string; phone: string | null }[] = byText.data.persons.nodes;
    expect(nodes.every((p) => p.countyCode === DEMO_AREAS.qiaojia && /^\d{17}[\dX]$/.test(p.idNumber) && (p.phone === null || p.phone.includes('****')))).toBe(true);
    const byId = await asPartner(key, { documentId: `sha256:${sha256(REGISTERED)}`, variables: { county: DEMO_AREAS.qiaojia } });
    expect(byId.data).toEqual(byText.data);
    const outside = await asPartner(key, { query: REGISTERED, variables: { county: DEMO_AREAS.suijiang } });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses any other operation, introspection included, before it runs', async () => {
    const { key } = await partner();
    const before = env.statements('households');
    for (const query of ['{ households { totalCount } }', '{ __schema { types { name } } }', REGISTERED + ' ']) {
      const res = await asPartner(key, { query });
      expect({ query, status: res.status, code: res.errors?.[0].extensions?.code }).toEqual({ query, status: 403, code: 'FORBIDDEN' });
    }
    expect(env.statements('households')).toBe(before);
  });

  it('refuses unknown, revoked and expired keys', async () => {
    const { id, key } = await partner();
    const forged = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await asPartner(forged, { query: REGISTERED })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await revokeClient(env.clients, id);
    expect((await asPartner(key, { query: REGISTERED })).status).toBe(401);
    const expired = await partner({ expiresAt: new Date(Date.now() - 1000) });
    expect((await asPartner(expired.key, { query: REGISTERED })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses registering an operation that does not validate or that introspects', async () => {
    const { id } = await partner();
    const schema = apiSchemaOf(loadSupergraph(loadConfig()).sdl);
    await expect(allowOperations(env.clients, id, [{ name: 'bad.graphql', text: '{ nope }' }], schema)).rejects.toThrow(/nope/);
    await expect(allowOperations(env.clients, id, [{ name: 'intro.graphql', text: '{ __schema { queryType { name } } }' }], schema)).rejects.toThrow(/introspect/);
  });

  it('answers RATE_LIMITED with Retry-After once a client exceeds its rate', async () => {
    const { key } = await partner({ rate: 3 });
    const body = { query: REGISTERED, variables: { county: DEMO_AREAS.qiaojia } };
    for (let i = 0; i < 3; i++) expect((await asPartner(key, body)).status).toBe(200);
    const limited = await asPartner(key, body);
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
