import { SignJWT } from 'jose';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import { IDENTITY_HEADER, signForwardedIdentity, signUserToken } from '../platform/security/identity';
import { generateKeyMaterial, importKeys } from '../platform/security/keys';
import type { TestEnvironment } from './environment';
import { startPlatform } from './platform';

const QUERY = '{ households(first: 1) { totalCount } }';

describe('identity: gateway tokens and the identity forwarded to subgraphs', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    ({ env } = await startPlatform('pglite', 0.005));
  });
  afterAll(() => env?.close());

  it('answers a valid token', async () => {
    const res = await env.query(DEMO_IDENTITIES.prefecture, QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data.households.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ['no token', {}],
    ['a malformed header', { authorization: 'Token abc' }],
    ['garbage', { authorization: 'Bearer not.a.token' }],
  ])('rejects %s with UNAUTHENTICATED', async (_label, headers) => {
    const res = await env.query(headers, QUERY);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/登录凭证/);
  });

  it('rejects an expired token', async () => {
    const expired = await signUserToken(DEMO_IDENTITIES.prefecture, env.keys.tokenPrivate!, -10);
    const res = await env.query({ authorization: `Bearer ${expired}` }, QUERY);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a token signed with another key', async () => {
    const other = await importKeys(await generateKeyMaterial());
    const forged = await signUserToken(DEMO_IDENTITIES.prefecture, other.tokenPrivate!);
    const res = await env.query({ authorization: `Bearer ${forged}` }, QUERY);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a token whose claims make no identity (a county officer of the whole prefecture)', async () => {
    const token = await new SignJWT({ role: 'COUNTY_OFFICER', jur: ['530600'] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('x')
      .setIssuer('zhaotong-resettlement')
      .setAudience('resettlement-graph')
      .setExpirationTime('1h')
      .sign(env.keys.tokenPrivate!);
    const res = await env.query({ authorization: `Bearer ${token}` }, QUERY);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  const SERVICE = '{ _service { sdl } }';
  const names = SUBGRAPH_MODULES.map((m) => [m.name]);

  it.each(names)('%s called directly with no identity answers nothing but an error', async (name) => {
    const res = await env.querySubgraph(name, {}, SERVICE);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(names)('%s refuses an identity the gateway did not sign', async (name) => {
    const other = await importKeys(await generateKeyMaterial());
    const forged = await signForwardedIdentity(DEMO_IDENTITIES.prefecture, other.gatewayPrivate!, 60);
    const res = await env.querySubgraph(name, { [IDENTITY_HEADER]: forged }, SERVICE);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(names)('%s refuses an expired identity', async (name) => {
    const expired = await signForwardedIdentity(DEMO_IDENTITIES.prefecture, env.keys.gatewayPrivate!, -5, env.keys.gatewayKid);
    const res = await env.querySubgraph(name, { [IDENTITY_HEADER]: expired }, SERVICE);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(names)('%s refuses a user token passed off as the gateway’s identity (wrong audience)', async (name) => {
    const userToken = await env.token(DEMO_IDENTITIES.prefecture);
    const res = await env.querySubgraph(name, { [IDENTITY_HEADER]: userToken }, SERVICE);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(names)('%s answers the gateway-signed identity', async (name) => {
    const res = await env.querySubgraphAs(name, DEMO_IDENTITIES.prefecture, SERVICE);
    expect(res.errors).toBeUndefined();
    expect(res.data._service.sdl).toContain('type Query');
  });

  it('answers a body that is not JSON with a coded error, not a stack trace', async () => {
    for (const url of [env.gateway.url, env.subgraphs.households.url]) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      const text = await res.text();
      expect(res.status).toBe(400);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(text).not.toMatch(/at |node_modules|SyntaxError/);
    }
  });

  it('reports health', async () => {
    const res = await fetch(env.gateway.url.replace(/graphql$/, 'health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', subgraphs: Object.fromEntries(SUBGRAPH_MODULES.map((m) => [m.name, 'ok'])) });
  });

  it('masks internal failures: no SQL, stack or subgraph URL reaches the client, only the failed service’s name', async () => {
    const households = env.subgraphs.households;
    await households.close();
    const res = await env.query(DEMO_IDENTITIES.prefecture, QUERY);
    const text = JSON.stringify(res);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'households' });
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|stack|SELECT/i);
    const health = await fetch(env.gateway.url.replace(/graphql$/, 'health'));
    expect(health.status).toBe(503);
  });
});
