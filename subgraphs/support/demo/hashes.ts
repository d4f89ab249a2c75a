import { createHash, hash } from 'node:crypto';

/** The hashes the services' SQL derives ids and spreads from, computed in Node for the demo's rows. */

export const md5 = (text: string) => (typeof hash === 'function' ? hash('md5', text, 'hex') : createHash('md5').update(text).digest('hex'));

const UUID = Buffer.from('00000000-0000-0000-0000-000000000000', 'latin1');
/** Where each of a uuid's 32 hex digits goes in its text. */
const DIGITS = Array.from({ length: 32 }, (_, i) => i + (i >= 8 ? 1 : 0) + (i >= 12 ? 1 : 0) + (i >= 16 ? 1 : 0) + (i >= 20 ? 1 : 0));

/**
 * `md5(text)::uuid`, as the services' SQL derives ids. Made in one buffer and read out as one flat
 * string (a string joined from slices is a rope, which the COPY writer would first have to flatten).
 */
export function md5Uuid(text: string): string {
  const h = md5(text);
  for (let i = 0; i < 32; i++) UUID[DIGITS[i]] = h.charCodeAt(i);
  return UUID.toString('latin1', 0, 36);
}

/** The first 8 hex digits of the md5 as an integer, modulo `n` (a deterministic, even spread; SQL: `('x' || substr(md5(text), 1, 8))::bit(32)::bigint % n`). */
export const bucket = (text: string, n: number) => parseInt(md5(text).slice(0, 8), 16) % n;
