import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { identityFromHeaders } from '../graphql/request-context';
import { IDENTITY_HEADER, signForwardedIdentity } from './identity';
import { importKeys, newKeyPair } from './keys';

const identity = DEMO_IDENTITIES.qiaojia;

describe('forwarded identities verified once per token', () => {
  it('accepts a token again without its key only while that key is trusted: a key retired in a rotation refuses it at once', async () => {
    const [oldPair, newPair, tokenPair] = await Promise.all([newKeyPair(), newKeyPair(), newKeyPair()]);
    const during = await importKeys({ tokenPublicKey: tokenPair.publicKey, gatewayPublicKey: { keys: [newPair.publicKey, oldPair.publicKey] } });
    const after = await importKeys({ tokenPublicKey: tokenPair.publicKey, gatewayPublicKey: { keys: [newPair.publicKey] } });
    const oldGateway = await importKeys({ tokenPublicKey: tokenPair.publicKey, gatewayPublicKey: oldPair.publicKey, gatewayPrivateKey: oldPair.privateKey });
    const byOld = { [IDENTITY_HEADER]: await signForwardedIdentity(identity, oldGateway.gatewayPrivate!, 60, oldGateway.gatewayKid) };
    await expect(identityFromHeaders(byOld, during.gatewayPublic, 60)).resolves.toEqual(identity);
    await expect(identityFromHeaders(byOld, during.gatewayPublic, 60)).resolves.toEqual(identity);
    await expect(identityFromHeaders(byOld, after.gatewayPublic, 60)).rejects.toThrow(/Invalid or expired/);
    // a shorter lifetime than the token's is its own check, not answered from what a longer one accepted
    await expect(identityFromHeaders(byOld, during.gatewayPublic, 30)).rejects.toThrow(/Invalid or expired/);
  });

  it('never keeps a token that failed, nor answers a changed one from a genuine one', async () => {
    const pair = await newKeyPair();
    const keys = await importKeys({ tokenPublicKey: pair.publicKey, gatewayPublicKey: pair.publicKey, gatewayPrivateKey: pair.privateKey });
    const genuine = await signForwardedIdentity(identity, keys.gatewayPrivate!, 60, keys.gatewayKid);
    await identityFromHeaders({ [IDENTITY_HEADER]: genuine }, keys.gatewayPublic, 60);
    const [header, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const changed = [header, Buffer.from(JSON.stringify({ ...claims, jur: ['530600'], role: 'PREFECTURE_OFFICER' })).toString('base64url'), signature].join('.');
    await expect(identityFromHeaders({ [IDENTITY_HEADER]: changed }, keys.gatewayPublic, 60)).rejects.toThrow(/Invalid or expired/);
    const expired = await signForwardedIdentity(identity, keys.gatewayPrivate!, -5, keys.gatewayKid);
    await expect(identityFromHeaders({ [IDENTITY_HEADER]: expired }, keys.gatewayPublic, 60)).rejects.toThrow(/Invalid or expired/);
  });
});
