import type { CryptoKey } from 'jose';
import { unauthenticated } from '../subgraphs/shared/errors';
import { signForwardedIdentity, verifyUserToken, type Identity } from '../subgraphs/shared/identity';

export interface GatewayContext {
  identity: Identity;
  /** The identity, signed by the gateway, sent to every subgraph this request reaches. */
  forwardedIdentity: string;
}

export interface GatewayKeys {
  tokenPublic: CryptoKey;
  gatewayPrivate: CryptoKey;
  /** Key id of `gatewayPrivate`, so that subgraphs holding several keys pick the right one. */
  gatewayKid?: string;
}

/**
 * Authenticates the caller once per request — a partner already admitted by the partner gate, or
 * a person's bearer token — and signs what subgraphs will verify.
 */
export async function createGatewayContext(authorization: string | undefined, keys: GatewayKeys, ttlSeconds: number, partner?: Identity): Promise<GatewayContext> {
  if (partner) return { identity: partner, forwardedIdentity: await signForwardedIdentity(partner, keys.gatewayPrivate, ttlSeconds, keys.gatewayKid) };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw unauthenticated('缺少登录凭证：请在请求头 Authorization 中提供 Bearer 令牌', 'Missing credentials: send an Authorization: Bearer token');
  let identity: Identity;
  try {
    identity = await verifyUserToken(match[1], keys.tokenPublic);
  } catch {
    throw unauthenticated('登录凭证无效或已过期，请重新登录', 'Invalid or expired token: sign in again');
  }
  return { identity, forwardedIdentity: await signForwardedIdentity(identity, keys.gatewayPrivate, ttlSeconds, keys.gatewayKid) };
}
