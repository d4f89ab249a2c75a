import { signForwardedIdentity, verifyUserToken, type Identity } from '../platform/security/identity';
import { VerifiedTokens } from '../platform/security/verified-tokens';
import type { GatewayKeys } from './context';
import { callerKey } from './in-flight';

/** Identities signed that are kept at most (then it starts afresh). */
const MAX_ENTRIES = 10_000;

/**
 * The gateway's two signatures per request, done once per caller rather than once per request:
 * a bearer token verified once is known until it expires (`VerifiedTokens`), and the identity
 * forwarded to the subgraphs is signed once and sent again for a while (a sixth of its lifetime,
 * at most 10 s), so that it always reaches a subgraph with most of its lifetime left.
 */
export class IdentityTokens {
  private readonly verified = new VerifiedTokens();
  private readonly signed = new Map<string, { token: string; reuseUntilMs: number }>();
  private readonly reuseMs: number;

  constructor(
    private readonly keys: GatewayKeys,
    private readonly ttlSeconds: number,
  ) {
    this.reuseMs = Math.min(10_000, (ttlSeconds * 1000) / 6);
  }

  /** The identity of a user's bearer token; throws when the token is not genuine or has expired. */
  verify(token: string): Promise<Identity> {
    return this.verified.verify(token, (t) => verifyUserToken(t, this.keys.tokenPublic));
  }

  /** The identity signed for the subgraphs (`signForwardedIdentity`). */
  async forward(identity: Identity): Promise<string> {
    const now = Date.now();
    const key = callerKey(identity);
    const known = this.signed.get(key);
    if (known && known.reuseUntilMs > now) return known.token;
    const token = await signForwardedIdentity(identity, this.keys.gatewayPrivate, this.ttlSeconds, this.keys.gatewayKid);
    if (this.signed.size >= MAX_ENTRIES) this.signed.clear();
    this.signed.set(key, { token, reuseUntilMs: now + this.reuseMs });
    return token;
  }
}
