import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { identityFromClaims, IDENTITY_CLOCK_SKEW_SECONDS, lifetimeProblem, Role, signForwardedIdentity, signUserToken, verifyForwardedIdentity } from './identity';
import { importKeys, newKeyPair } from './keys';

const identity = DEMO_IDENTITIES.qiaojia;

describe('the identity the gateway forwards', () => {
  it('verifies with the key set during a rotation, old and new key alike, and not after it', async () => {
    const [oldPair, newPair, tokenPair] = await Promise.all([newKeyPair(), newKeyPair(), newKeyPair()]);
    const during = await importKeys({ tokenPublicKey: tokenPair.publicKey, gatewayPublicKey: { keys: [newPair.publicKey, oldPair.publicKey] } });
    const after = await importKeys({ tokenPublicKey: tokenPair.publicKey, gatewayPublicKey: { keys: [newPair.publicKey] } });
    const oldGateway = await importKeys({ tokenPublicKey: tokenPair.publicKey, gatewayPublicKey: oldPair.publicKey, gatewayPrivateKey: oldPair.privateKey });
    const newGateway = await importKeys({ tokenPublicKey: tokenPair.publicKey, gatewayPublicKey: newPair.publicKey, gatewayPrivateKey: newPair.privateKey });

    const byOld = await signForwardedIdentity(identity, oldGateway.gatewayPrivate!, 60, oldGateway.gatewayKid);
    const byNew = await signForwardedIdentity(identity, newGateway.gatewayPrivate!, 60, newGateway.gatewayKid);
    await expect(verifyForwardedIdentity(byOld, during.gatewayPublic, 60)).resolves.toEqual(identity);
    await expect(verifyForwardedIdentity(byNew, during.gatewayPublic, 60)).resolves.toEqual(identity);
    await expect(verifyForwardedIdentity(byNew, after.gatewayPublic, 60)).resolves.toEqual(identity);
    await expect(verifyForwardedIdentity(byOld, after.gatewayPublic, 60)).rejects.toThrow();
  });

  it('refuses an expired identity and a token meant for another audience', async () => {
    const pair = await newKeyPair();
    const keys = await importKeys({ tokenPublicKey: pair.publicKey, tokenPrivateKey: pair.privateKey, gatewayPublicKey: pair.publicKey, gatewayPrivateKey: pair.privateKey });
    const expired = await signForwardedIdentity(identity, keys.gatewayPrivate!, -5, keys.gatewayKid);
    await expect(verifyForwardedIdentity(expired, keys.gatewayPublic, 60)).rejects.toThrow(/exp/);
    // same key, but a sign-in token: its audience is the graph, not the subgraphs
    const userToken = await signUserToken(identity, keys.tokenPrivate!);
    await expect(verifyForwardedIdentity(userToken, keys.gatewayPublic, 60)).rejects.toThrow(/aud|iss/);
  });
});

describe('a partner’s purposes and client in the forwarded identity', () => {
  const partner = { subject: 'client:c', role: Role.PARTNER, jurisdiction: ['530622'], purposes: ['civil-affairs'], client: { id: '00000000-0000-4000-8000-000000000001', name: '巧家县民政局' } };

  it('travels signed and comes back whole', async () => {
    const pair = await newKeyPair();
    const keys = await importKeys({ tokenPublicKey: pair.publicKey, gatewayPublicKey: pair.publicKey, gatewayPrivateKey: pair.privateKey });
    const signed = await signForwardedIdentity(partner, keys.gatewayPrivate!, 60, keys.gatewayKid);
    await expect(verifyForwardedIdentity(signed, keys.gatewayPublic, 60)).resolves.toEqual(partner);
  });

  it.each([
    ['purposes on a person', { sub: 'a', role: 'ANALYST', jur: ['530600'], pur: ['public-security'], cid: partner.client.id, cnm: 'x' }, /only partner/],
    ['an unknown purpose', { sub: 'c', role: 'PARTNER', jur: ['530622'], pur: ['marketing'], cid: partner.client.id, cnm: 'x' }, /unknown purpose/],
    ['purposes without a client', { sub: 'c', role: 'PARTNER', jur: ['530622'], pur: ['audit'] }, /client id and name/],
    ['a partner with no purpose', { sub: 'c', role: 'PARTNER', jur: ['530622'], pur: [], cid: partner.client.id, cnm: 'x' }, /at least one purpose/],
    ['a partner with neither purposes nor client', { sub: 'c', role: 'PARTNER', jur: ['530622'] }, /at least one purpose/],
    ['an unknown role', { sub: 'c', role: 'ADMIN', jur: ['530622'] }, /unknown role/],
    ['a role named after an object property', { sub: 'c', role: 'constructor', jur: ['530622'] }, /unknown role/],
  ])('refuses %s', (_label, claims, reason) => {
    expect(identityFromClaims(claims)).toMatch(reason);
  });
});

describe('a forwarded identity’s lifetime', () => {
  const now = 1_800_000_000;
  it.each([
    ['no exp', { iat: now }, /required/],
    ['no iat', { exp: now + 60 }, /required/],
    ['issued longer ago than the lifetime and the skew', { iat: now - 60 - IDENTITY_CLOCK_SKEW_SECONDS - 1, exp: now + 1 }, /issued more than 60 s ago/],
    ['issued in the future beyond the skew', { iat: now + IDENTITY_CLOCK_SKEW_SECONDS + 1, exp: now + IDENTITY_CLOCK_SKEW_SECONDS + 30 }, /future/],
    ['valid longer than the lifetime', { iat: now, exp: now + 61 }, /valid for more than 60 s/],
  ])('refuses %s', (_label, payload, reason) => {
    expect(lifetimeProblem(payload, 60, now)).toMatch(reason);
  });

  it('accepts an identity as the gateway signs it, and one issued a little ahead of the subgraph’s clock', () => {
    expect(lifetimeProblem({ iat: now, exp: now + 60 }, 60, now)).toBeUndefined();
    expect(lifetimeProblem({ iat: now - 59, exp: now + 1 }, 60, now)).toBeUndefined();
    expect(lifetimeProblem({ iat: now + 5, exp: now + 65 }, 60, now)).toBeUndefined();
  });
});
