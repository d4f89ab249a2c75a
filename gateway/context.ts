import type { CryptoKey } from 'jose';
import { unauthenticated } from '../platform/graphql/errors';
import { Role, type Identity } from '../platform/security/identity';
import { ReadAudit } from '../platform/security/read-audit';
import type { IdentityTokens } from './identity-tokens';

export interface GatewayContext {
  identity: Identity;
  /** The identity, signed by the gateway, sent to every subgraph this request reaches. */
  forwardedIdentity: string;
  /** Full reads of sensitive fields the subgraphs reported for this request (written before the response leaves). */
  fullReads: ReadAudit;
  /** The caller's address (X-Forwarded-For only when TRUST_PROXY says so). */
  clientAddress?: string;
}

export interface GatewayKeys {
  tokenPublic: CryptoKey;
  gatewayPrivate: CryptoKey;
  /** Key id of `gatewayPrivate`, so that subgraphs holding several keys pick the right one. */
  gatewayKid?: string;
}

/**
 * Authenticates the caller once per request — a partner already admitted by the partner gate, or
 * a person's bearer token — and signs what subgraphs will verify (`identity-tokens.ts`: each
 * token verified, and each identity signed, once for many requests).
 */
export async function createGatewayContext(authorization: string | undefined, tokens: IdentityTokens, partner?: Identity, clientAddress?: string): Promise<GatewayContext> {
  const context = async (identity: Identity): Promise<GatewayContext> => ({
    identity,
    forwardedIdentity: await tokens.forward(identity),
    fullReads: new ReadAudit(),
    clientAddress,
  });
  if (partner) return context(partner);
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw unauthenticated('缺少登录凭证：请在请求头 Authorization 中提供 Bearer 令牌', 'Missing credentials: send an Authorization: Bearer token');
  let identity: Identity;
  try {
    identity = await tokens.verify(match[1]);
  } catch {
    throw unauthenticated('登录凭证无效或已过期，请重新登录', 'Invalid or expired token: sign in again');
  }
  // partner systems come in with an API key, through the partner gate (registered operations, purposes)
  if (identity.role === Role.PARTNER) throw unauthenticated('合作方系统须使用 API 密钥', 'Partner systems authenticate with an API key');
  return context(identity);
}
