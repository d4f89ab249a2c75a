import { signUserToken, verifyForwardedIdentity } from '../platform/security/identity';
import { generateKeyMaterial, importKeys } from '../platform/security/keys';
import { DEMO_IDENTITIES } from './demo-identities';
import { IdentityTokens } from './identity-tokens';

const { qiaojia, analyst } = DEMO_IDENTITIES;

describe('IdentityTokens', () => {
  let keys: Awaited<ReturnType<typeof importKeys>>;
  let tokens: IdentityTokens;
  beforeAll(async () => {
    keys = await importKeys(await generateKeyMaterial());
  });
  beforeEach(() => {
    tokens = new IdentityTokens({ tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid }, 60);
  });
  afterEach(() => jest.useRealTimers());
  /** Moves the clock (Date only: timers and promises run as ever) `ms` ahead. */
  const later = (ms: number) => {
    const now = Date.now();
    jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    jest.setSystemTime(now + ms);
  };

  it('knows a verified token until it expires, and refuses it then', async () => {
    const token = await signUserToken(qiaojia, keys.tokenPrivate!, 30);
    await expect(tokens.verify(token)).resolves.toEqual(qiaojia);
    await expect(tokens.verify(token)).resolves.toEqual(qiaojia);
    later(31_000);
    await expect(tokens.verify(token)).rejects.toThrow(/exp/);
  });

  it('refuses a token signed with another key, and one altered after a genuine one was verified', async () => {
    const other = await importKeys(await generateKeyMaterial());
    await expect(tokens.verify(await signUserToken(qiaojia, other.tokenPrivate!, 30))).rejects.toThrow();
    const genuine = await signUserToken(qiaojia, keys.tokenPrivate!, 30);
    await tokens.verify(genuine);
    const [header, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const altered = [header, Buffer.from(JSON.stringify({ ...claims, role: 'PREFECTURE_OFFICER', jur: ['530600'] })).toString('base64url'), signature].join('.');
    await expect(tokens.verify(altered)).rejects.toThrow();
  });

  it('signs each identity once for a while, one token per caller, each accepted by the subgraphs', async () => {
    const first = await tokens.forward(qiaojia);
    expect(await tokens.forward({ ...qiaojia })).toBe(first);
    const other = await tokens.forward(analyst);
    expect(other).not.toBe(first);
    await expect(verifyForwardedIdentity(first, keys.gatewayPublic, 60)).resolves.toEqual(qiaojia);
    await expect(verifyForwardedIdentity(other, keys.gatewayPublic, 60)).resolves.toEqual(analyst);
    // after a sixth of the lifetime (10 s) a new one is signed
    later(11_000);
    expect(await tokens.forward(qiaojia)).not.toBe(first);
  });
});
