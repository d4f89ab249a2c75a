import { decodeJwt } from 'jose';
import type { Identity } from './identity';

/** Tokens a cache holds at most (then it starts afresh). */
const MAX_TOKENS = 10_000;

/**
 * Signed tokens already verified, each known until it expires: the same token, byte for byte,
 * carries the same identity and expiry, and nothing revokes it earlier, so its signature is
 * checked once however many requests bring it (the gateway for bearer tokens, each subgraph for
 * the identity the gateway forwards and sends again for a while). A token not yet known, or
 * expired, goes through `verify` again; one that fails is never kept.
 */
export class VerifiedTokens {
  private readonly known = new Map<string, { identity: Identity; expiresAtMs: number }>();

  async verify(token: string, verify: (token: string) => Promise<Identity>): Promise<Identity> {
    const entry = this.known.get(token);
    if (entry && entry.expiresAtMs > Date.now()) return entry.identity;
    const identity = await verify(token);
    const { exp } = decodeJwt(token);
    if (this.known.size >= MAX_TOKENS) this.known.clear();
    this.known.set(token, { identity, expiresAtMs: (exp ?? 0) * 1000 });
    return identity;
  }
}
