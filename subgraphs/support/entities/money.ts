import { GraphQLScalarType } from 'graphql';
import { SafeIntResolver } from 'graphql-scalars';
import type { ValueTransformer } from 'typeorm';

/**
 * Money is integer fen, `bigint` in the database. PostgreSQL returns bigint as a string; the
 * entities hold numbers, exact up to 2^53 fen (90 trillion yuan), and GraphQL serves them as
 * `SafeInt`. Sums are taken in SQL.
 */
export const fen: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};

/** Fen as yuan with two decimals, exactly (`60000` → `"600.00"`), without floating point. */
export function yuan(amountFen: number): string {
  const sign = amountFen < 0 ? '-' : '';
  const abs = Math.abs(amountFen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `SafeInt` (graphql-scalars), described in both languages: whole numbers exact in JavaScript, as fen are served. */
export const SafeInt = new GraphQLScalarType({
  ...SafeIntResolver.toConfig(),
  description: 'Whole number exact in JavaScript (up to ±2^53 − 1), as amounts in fen are given · 安全整数（金额以分计）',
});
