/**
 * How large a demo can be: a fraction of the prefecture (the tests' 0.005–0.02) up to ten times
 * it (1.6 million persons, for the scale curve in docs/benchmarks.md). Above 1 the same counties,
 * communities and resident groups hold that many times the households and persons, and every
 * count of the published figures is multiplied alike.
 */
export const MAX_DEMO_SCALE = 10;

export function isDemoScale(scale: number): boolean {
  return Number.isFinite(scale) && scale > 0 && scale <= MAX_DEMO_SCALE;
}

export function assertScale(scale: number): void {
  if (!isDemoScale(scale)) throw new RangeError(`scale must be in (0, ${MAX_DEMO_SCALE}], got ${scale}`);
}
