import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config';

/**
 * Two Ed25519 key pairs:
 * - the token key signs people's sign-in tokens (verified by the gateway);
 * - the gateway key signs the identity the gateway forwards (verified by every subgraph).
 * Subgraphs accept a set of gateway public keys (`{"keys": [new, old]}`), so the gateway's key
 * can be rotated without downtime: add the new public key, switch the gateway, drop the old.
 */
export interface KeyMaterial {
  tokenPublicKey: JWK;
  tokenPrivateKey?: JWK;
  gatewayPublicKey: JWK | { keys: JWK[] };
  gatewayPrivateKey?: JWK;
}

/** What verifies a gateway-signed identity: one key, or a key set looked up by `kid`. */
export type IdentityVerifier = CryptoKey | JWTVerifyGetKey;

export interface Keys {
  tokenPublic: CryptoKey;
  tokenPrivate?: CryptoKey;
  gatewayPublic: IdentityVerifier;
  gatewayPrivate?: CryptoKey;
  /** Key id the gateway puts in the header of what it signs. */
  gatewayKid?: string;
}

const ALG = 'EdDSA';

/** A fresh Ed25519 pair as JWKs, both carrying the public key's thumbprint as `kid`. */
export async function newKeyPair(): Promise<{ publicKey: JWK; privateKey: JWK }> {
  const pair = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const publicKey = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicKey);
  return { publicKey: { ...publicKey, kid, alg: ALG }, privateKey: { ...(await exportJWK(pair.privateKey)), kid, alg: ALG } };
}

/** Fresh key material, for the embedded default's first run and for tests. */
export async function generateKeyMaterial(): Promise<Required<KeyMaterial>> {
  const token = await newKeyPair();
  const gateway = await newKeyPair();
  return {
    tokenPublicKey: token.publicKey,
    tokenPrivateKey: token.privateKey,
    gatewayPublicKey: gateway.publicKey,
    gatewayPrivateKey: gateway.privateKey,
  };
}

export async function importKeys(material: KeyMaterial): Promise<Keys> {
  const load = async (jwk: JWK | undefined) => (jwk ? ((await importJWK(jwk, ALG)) as CryptoKey) : undefined);
  const gatewayPublic = material.gatewayPublicKey;
  return {
    tokenPublic: (await load(material.tokenPublicKey))!,
    tokenPrivate: await load(material.tokenPrivateKey),
    gatewayPublic: gatewayPublic && 'keys' in gatewayPublic
      ? createLocalJWKSet({ keys: gatewayPublic.keys.map((k) => ({ alg: ALG, ...k })) })
      : (await load(gatewayPublic))!,
    gatewayPrivate: await load(material.gatewayPrivateKey),
    gatewayKid: material.gatewayPrivateKey?.kid,
  };
}

function parseJwk(name: string, value: string | undefined): JWK | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as JWK;
  } catch {
    throw new Error(`Configuration error: ${name} must be an Ed25519 key in JWK JSON form`);
  }
}

function parseJwkOrSet(name: string, value: string | undefined): JWK | { keys: JWK[] } | undefined {
  const parsed = parseJwk(name, value) as (JWK & { keys?: JWK[] }) | undefined;
  if (parsed?.keys && !Array.isArray(parsed.keys)) throw new Error(`Configuration error: ${name} key set needs a "keys" array`);
  return parsed?.keys ? { keys: parsed.keys } : parsed;
}

/**
 * Key material from the environment; outside production, whatever is missing comes from
 * `<dataDir>/keys.json`, generated on first run. In production nothing is generated: the
 * platform refuses to start and names what to set.
 */
export async function resolveKeyMaterial(config: Config, needs: (keyof KeyMaterial)[]): Promise<KeyMaterial> {
  const fromEnv: Partial<KeyMaterial> = {
    tokenPublicKey: parseJwk('TOKEN_PUBLIC_KEY', config.keys.tokenPublicKey),
    tokenPrivateKey: parseJwk('TOKEN_PRIVATE_KEY', config.keys.tokenPrivateKey),
    gatewayPublicKey: parseJwkOrSet('GATEWAY_PUBLIC_KEY', config.keys.gatewayPublicKey),
    gatewayPrivateKey: parseJwk('GATEWAY_PRIVATE_KEY', config.keys.gatewayPrivateKey),
  };
  const missing = needs.filter((k) => !fromEnv[k]);
  if (missing.length === 0) return fromEnv as KeyMaterial;
  if (config.production) {
    const names = missing.map((k) => k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase());
    throw new Error(
      `Refusing to start in production without keys: set ${names.join(', ')} (Ed25519 JWK JSON; ` +
        '`npm run token -- --new-keys` prints a fresh set).',
    );
  }
  const file = path.join(config.dataDir, 'keys.json');
  let stored: Required<KeyMaterial>;
  if (fs.existsSync(file)) {
    stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  } else {
    stored = await generateKeyMaterial();
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return { ...stored, ...Object.fromEntries(Object.entries(fromEnv).filter(([, v]) => v)) };
}
