import type { Identity } from '../platform/security/identity';

/**
 * Identical subgraph reads in flight at the same time, sent once. A read joins one already on
 * its way when it goes to the same subgraph with the same body (operation, variables) for the
 * same caller: the same subject, role, jurisdiction, purposes and client. Callers who differ in
 * any of these never share an answer, since subgraphs mask and scope by the identity.
 *
 * Every joiner receives its own copy of the answer (made as it arrives, before anyone uses it):
 * the gateway merges later fetches into the objects of an answer, and each request takes its
 * own full reads out of it for its read audit.
 */
export class InFlightReads<T> {
  private readonly pending = new Map<string, { resolve(value: T): void; reject(error: unknown): void }[]>();

  constructor(
    private readonly copy: (value: T) => T = structuredClone,
    /** Called for each read that joined one in flight instead of being sent. */
    private readonly joined: () => void = () => {},
  ) {}

  async share(key: string, send: () => Promise<T>): Promise<T> {
    const waiting = this.pending.get(key);
    if (waiting) {
      this.joined();
      return new Promise<T>((resolve, reject) => waiting.push({ resolve, reject }));
    }
    const joiners: { resolve(value: T): void; reject(error: unknown): void }[] = [];
    this.pending.set(key, joiners);
    try {
      const value = await send();
      this.pending.delete(key);
      for (const joiner of joiners) joiner.resolve(this.copy(value));
      return value;
    } catch (error) {
      this.pending.delete(key);
      for (const joiner of joiners) joiner.reject(error);
      throw error;
    }
  }
}

/** Who a subgraph answers for: everything of the identity (all that decides what it sees). */
export function callerKey(identity: Identity): string {
  return JSON.stringify([identity.subject, identity.role, identity.jurisdiction, identity.purposes ?? null, identity.client?.id ?? null, identity.client?.name ?? null]);
}

/** A subgraph operation that only reads (never a mutation: each one must run). */
export function isRead(query: string): boolean {
  return /^\s*(query\b|\{)/.test(query);
}
