import { SignJWT } from 'jose';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { platformVersion } from '../platform/version';
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

  /** Claims signed with the gateway's real key, as the gateway would sign them, but shaped as the case says. */
  function signedByGateway(claims: Record<string, unknown>, times: { iat?: number; exp?: number }): Promise<string> {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: env.keys.gatewayKid })
      .setSubject('forged')
      .setIssuer('resettlement-gateway')
      .setAudience('resettlement-subgraphs');
    if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
    if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
    return jwt.sign(env.keys.gatewayPrivate!);
  }
  const now = () => Math.floor(Date.now() / 1000);
  const prefectureClaims = { role: 'PREFECTURE_OFFICER', jur: ['530600'] };
  const client = { cid: '00000000-0000-4000-8000-000000000001', cnm: '巧家县民政局' };
  const DAY = 24 * 3600;
  const shapes: [string, Record<string, unknown>, () => { iat?: number; exp?: number }][] = [
    ['no exp', prefectureClaims, () => ({ iat: now() })],
    ['no iat', prefectureClaims, () => ({ exp: now() + 30 })],
    ['a 10-year exp', prefectureClaims, () => ({ iat: now(), exp: now() + 3650 * DAY })],
    ['an iat 30 days old', prefectureClaims, () => ({ iat: now() - 30 * DAY, exp: now() + 30 })],
    ['an iat in the future', prefectureClaims, () => ({ iat: now() + DAY, exp: now() + DAY + 30 })],
    ['a PARTNER with no client', { role: 'PARTNER', jur: ['530622'], pur: ['civil-affairs'] }, () => ({ iat: now(), exp: now() + 30 })],
    ['a PARTNER with no purposes', { role: 'PARTNER', jur: ['530622'], pur: [], ...client }, () => ({ iat: now(), exp: now() + 30 })],
    ['a PARTNER with neither', { role: 'PARTNER', jur: ['530622'] }, () => ({ iat: now(), exp: now() + 30 })],
    ['an unknown role', { role: 'ADMIN', jur: ['530600'] }, () => ({ iat: now(), exp: now() + 30 })],
    ['a role named after an object property', { role: 'toString', jur: ['530600'] }, () => ({ iat: now(), exp: now() + 30 })],
  ];
  const shapeCases = names.flatMap(([name]) => shapes.map(([label, claims, times]) => [name, label, claims, times] as const));

  it.each(shapeCases)('%s refuses a gateway-signed identity with %s', async (name, _label, claims, times) => {
    const before = env.statements(name);
    const res = await env.querySubgraph(name, { [IDENTITY_HEADER]: await signedByGateway(claims, times()) }, SERVICE);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(env.statements(name)).toBe(before);
  });

  it.each(names)('%s accepts the same hand-signed identity when its shape and lifetime are right', async (name) => {
    const partner = { role: 'PARTNER', jur: ['530622'], pur: ['civil-affairs'], ...client };
    for (const claims of [prefectureClaims, partner]) {
      const res = await env.querySubgraph(name, { [IDENTITY_HEADER]: await signedByGateway(claims, { iat: now() - 50, exp: now() + 10 }) }, SERVICE);
      expect(res.errors).toBeUndefined();
    }
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
    expect(await res.json()).toEqual({ status: 'ok', version: platformVersion(), subgraphs: Object.fromEntries(SUBGRAPH_MODULES.map((m) => [m.name, 'ok'])) });
  });

  it('masks internal failures: no SQL, stack or subgraph URL reaches the client', async () => {
    const households = env.subgraphs.households;
    await households.close();
    const res = await env.query(DEMO_IDENTITIES.prefecture, QUERY);
    const text = JSON.stringify(res);
    expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|households|stack|SELECT/i);
    const health = await fetch(env.gateway.url.replace(/graphql$/, 'health'));
    expect(health.status).toBe(503);
  });
});
