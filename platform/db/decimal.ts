import type { ValueTransformer } from 'typeorm';

/**
 * `numeric` columns come back from PostgreSQL as strings (exactly); entities hold numbers.
 * Amounts are kept to two decimals (mu, m², yuan), so a JS number represents them exactly
 * enough, and sums are taken in SQL.
 */
export const decimal: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};

/** Hundredths as an integer: adding and comparing areas without floating-point drift. */
export const cents = (value: number): number => Math.round(value * 100);

/** Rounds to two decimals. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;
