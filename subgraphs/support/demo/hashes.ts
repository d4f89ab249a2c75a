import { createHash, hash } from 'node:crypto';

/** The hashes the services' SQL derives ids and spreads from, computed in Node for the demo's rows. */

export const md5 = (text: string) => (typeof hash === 'function' ? hash('md5', text, 'hex') : createHash('md5').update(text).digest('hex'));

/** `md5(text)::uuid`, as the services' SQL derives ids. */
export const md5Uuid = (text: string) => { const h = md5(text); return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`; };

/** The first 8 hex digits of the md5 as an integer, modulo `n` (a deterministic, even spread; SQL: `('x' || substr(md5(text), 1, 8))::bit(32)::bigint % n`). */
export const bucket = (text: string, n: number) => parseInt(md5(text).slice(0, 8), 16) % n;
