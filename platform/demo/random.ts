import { createHash, hash } from 'node:crypto';

/**
 * A small seeded PRNG (mulberry32) for the demo-data generator: the same seed always gives the
 * same sequence, so the same command always produces the same data set.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks one of `items` with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let r = this.next() * total;
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** A child generator with its own sequence, so one part of the data does not shift another. */
  fork(label: string): Random {
    const digest = createHash('sha1').update(`${this.state}\u001f${label}`).digest();
    return new Random(digest.readUInt32BE(0));
  }
}

/** A fixed namespace for the project's name-based UUIDs. */
const NAMESPACE = '6f1c2a4e-9b7d-4c1a-8e3f-5a6b7c8d9e0f';

/**
 * A deterministic RFC 4122 UUID, version 5 style: SHA-1 over a fixed namespace and the parts.
 * `stableUuid('household', registryNo)` is the same on every run.
 */
export function stableUuid(...parts: string[]): string {
  const input = `${NAMESPACE}\u001f${parts.join('\u001f')}`;
  // crypto.hash (Node ≥ 20.12) is several times faster than createHash for short inputs.
  const bytes = typeof hash === 'function' ? hash('sha1', input, 'buffer') : createHash('sha1').update(input).digest();
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
