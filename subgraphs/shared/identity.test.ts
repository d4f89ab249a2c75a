import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { signForwardedIdentity, signUserToken, verifyForwardedIdentity } from './identity';
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
    await expect(verifyForwardedIdentity(byOld, during.gatewayPublic)).resolves.toEqual(identity);
    await expect(verifyForwardedIdentity(byNew, during.gatewayPublic)).resolves.toEqual(identity);
    await expect(verifyForwardedIdentity(byNew, after.gatewayPublic)).resolves.toEqual(identity);
    await expect(verifyForwardedIdentity(byOld, after.gatewayPublic)).rejects.toThrow();
  });

  it('refuses an expired identity and a token meant for another audience', async () => {
    const pair = await newKeyPair();
    const keys = await importKeys({ tokenPublicKey: pair.publicKey, tokenPrivateKey: pair.privateKey, gatewayPublicKey: pair.publicKey, gatewayPrivateKey: pair.privateKey });
    const expired = await signForwardedIdentity(identity, keys.gatewayPrivate!, -5, keys.gatewayKid);
    await expect(verifyForwardedIdentity(expired, keys.gatewayPublic)).rejects.toThrow(/exp/);
    // same key, but a sign-in token: its audience is the graph, not the subgraphs
    const userToken = await signUserToken(identity, keys.tokenPrivate!);
    await expect(verifyForwardedIdentity(userToken, keys.gatewayPublic)).rejects.toThrow(/aud|iss/);
  });
});
