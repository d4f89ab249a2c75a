import type { DataSource } from 'typeorm';
import { createChangeLoader } from '../history/change-history.loader';
import { IDENTITY_HEADER, verifyForwardedIdentity, type Identity } from '../security/identity';
import type { IdentityVerifier } from '../security/keys';
import { ReadAudit } from '../security/read-audit';
import { VerifiedTokens } from '../security/verified-tokens';
import { Scope } from '../security/scope';
import type { BaseContext } from './context';
import { unauthenticated } from './errors';

/** Forwarded identities verified, per key (or key set: a key retired in a rotation is a new set) and lifetime. */
const verified = new WeakMap<object, Map<number, VerifiedTokens>>();

function verifiedFor(key: IdentityVerifier, lifetimeSeconds: number): VerifiedTokens {
  let byLifetime = verified.get(key);
  if (!byLifetime) verified.set(key, (byLifetime = new Map()));
  let tokens = byLifetime.get(lifetimeSeconds);
  if (!tokens) byLifetime.set(lifetimeSeconds, (tokens = new VerifiedTokens()));
  return tokens;
}

/**
 * The identity the gateway forwarded, verified with the gateway's public key and against the
 * configured lifetime (once per token: the gateway sends one again for a while). A call without it, with one the gateway did not sign, or one that lives
 * too long or makes no identity, gets UNAUTHENTICATED and nothing else.
 */
export async function identityFromHeaders(
  headers: Record<string, string | string[] | undefined>,
  gatewayPublicKey: IdentityVerifier,
  lifetimeSeconds: number,
): Promise<Identity> {
  const header = headers[IDENTITY_HEADER];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) throw unauthenticated('缺少网关签发的身份', 'Missing gateway-signed identity');
  try {
    return await verifiedFor(gatewayPublicKey, lifetimeSeconds).verify(token, (t) => verifyForwardedIdentity(t, gatewayPublicKey, lifetimeSeconds));
  } catch {
    throw unauthenticated('网关签发的身份无效或已过期', 'Invalid or expired gateway-signed identity');
  }
}

export function baseContext(identity: Identity, dataSource: DataSource, reads: DataSource = dataSource): BaseContext {
  const base = { identity, scope: Scope.of(identity), dataSource, reads, audit: new ReadAudit() };
  return { ...base, changes: createChangeLoader(base) };
}
