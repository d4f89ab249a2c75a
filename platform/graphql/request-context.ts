import type { DataSource } from 'typeorm';
import { createChangeLoader } from '../history/change-history.loader';
import { IDENTITY_HEADER, verifyForwardedIdentity, type Identity } from '../security/identity';
import type { IdentityVerifier } from '../security/keys';
import { ReadAudit } from '../security/read-audit';
import { Scope } from '../security/scope';
import type { BaseContext } from './context';
import { unauthenticated } from './errors';

/**
 * The identity the gateway forwarded, verified with the gateway's public key and against the
 * configured lifetime. A call without it, with one the gateway did not sign, or one that lives
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
    return await verifyForwardedIdentity(token, gatewayPublicKey, lifetimeSeconds);
  } catch {
    throw unauthenticated('网关签发的身份无效或已过期', 'Invalid or expired gateway-signed identity');
  }
}

export function baseContext(identity: Identity, dataSource: DataSource, reads: DataSource = dataSource): BaseContext {
  const base = { identity, scope: Scope.of(identity), dataSource, reads, audit: new ReadAudit() };
  return { ...base, changes: createChangeLoader(base) };
}
