import type { PGlite } from '@electric-sql/pglite';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { bulkInsertColumns, columnTypes } from './bulk-insert-columns';
import { pgliteOf } from './pglite-pool';

/**
 * The bulk path of the demo loads: rows (keys = column names) into a table with `COPY … FROM`.
 *
 * On the embedded engine with its files on disk (`npm start`'s DATA_DIR, the test seeds' build)
 * the rows travel as one file per chunk in PostgreSQL's binary COPY format (`/dev/blob`), which
 * PGlite reads without parsing a value as text: two to three times faster than
 * `INSERT … SELECT FROM unnest(…)` of the same rows (which binds every column as a text array and
 * parses each element). In memory, that INSERT (see `onDisk`). A table with a column type the binary writer does not
 * know (or a value it cannot write exactly) goes in COPY's text format instead. COPY fires the
 * table's triggers and checks its constraints as INSERT does. On PostgreSQL (node-postgres has no
 * COPY without another package) it is `bulkInsertColumns` (multi-row VALUES for a table with an
 * array column), as fast there.
 *
 * Must run inside the caller's transaction (`manager` of `dataSource.transaction`): the COPY
 * runs on the connection that transaction holds.
 */
export async function copyRows(manager: EntityManager, table: string, rows: Record<string, unknown>[], onBatch?: (inserted: number) => void): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const { target, typeOf } = await columnTypes(manager, table, columns);
  const types = columns.map((c) => typeOf.get(c)!);
  const pglite = pgliteOf((manager.queryRunner as { databaseConnection?: unknown } | undefined)?.databaseConnection);
  if (!pglite || !onDisk(pglite) || !manager.queryRunner?.isTransactionActive) {
    // unnest() of an array column would flatten it: such tables go as multi-row VALUES
    if (types.some((t) => t.endsWith('[]'))) await bulkInsert(manager, table, rows);
    else await bulkInsertColumns(manager, table, rows);
    onBatch?.(rows.length);
    return;
  }
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_COPY) {
    const batch = rows.slice(start, start + ROWS_PER_COPY);
    const binary = binaryCopy(columns, types, batch);
    const sql = `COPY ${target} (${columnList}) FROM '/dev/blob'${binary ? ' WITH (FORMAT binary)' : ''}`;
    await pglite.query(sql, [], { blob: new Blob([binary ?? textCopy(columns, types, batch)]) });
    onBatch?.(batch.length);
  }
}

/**
 * Whether the instance keeps its files in a directory. In memory (Emscripten's MEMFS) a file that
 * COPY extends by many blocks at once is reallocated to its exact new size each time, so a COPY
 * into a large table costs time in proportion to the table (1 s more per 100,000 rows already
 * there); row-by-row extension, as INSERT does it, grows files geometrically.
 */
function onDisk(pglite: PGlite): boolean {
  return !!pglite.dataDir && !pglite.dataDir.startsWith('memory://');
}

/** Rows per COPY: the file is held in memory twice (here and in the engine's file system). */
const ROWS_PER_COPY = 50_000;

/**
 * A growing buffer of big-endian fields. The writers put a field's length and value straight in
 * the buffer (no closure or intermediate buffer per value): at hundreds of thousands of rows a
 * table, encoding is most of a COPY's cost.
 */
class Writer {
  buffer = Buffer.allocUnsafe(1 << 20);
  length = 0;

  /** The buffer, with room for `n` more bytes at `length`. */
  reserve(n: number): Buffer {
    if (this.length + n > this.buffer.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
      this.buffer.copy(next, 0, 0, this.length);
      this.buffer = next;
    }
    return this.buffer;
  }

  int16(v: number) { this.reserve(2).writeInt16BE(v, this.length); this.length += 2; }
  int32(v: number) { this.reserve(4).writeInt32BE(v, this.length); this.length += 4; }
  bytes(b: Buffer) { b.copy(this.reserve(b.length), this.length); this.length += b.length; }

  /** A field: its length, then what `write` puts at `at` (exactly `size` bytes). */
  field(size: number, write: (buffer: Buffer, at: number) => void) {
    const buffer = this.reserve(4 + size);
    buffer.writeInt32BE(size, this.length);
    write(buffer, this.length + 4);
    this.length += 4 + size;
  }

  /**
   * A fixed-size field's length, returning where its value goes (the caller writes `size` bytes
   * there, into `buffer` as it is after this call: the call may replace it).
   */
  fixed(size: number): number {
    this.reserve(4 + size).writeInt32BE(size, this.length);
    const at = this.length + 4;
    this.length = at + size;
    return at;
  }

  text(s: string) {
    // a UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, 4 bytes)
    const buffer = this.reserve(4 + 3 * s.length);
    const at = this.length + 4;
    // ASCII (codes, ids, names of schemes and officers) byte by byte: cheaper than a call into
    // the encoder for a short string; anything else from the first non-ASCII unit on by the encoder
    let i = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) break;
      buffer[at + i] = c;
    }
    const size = i === s.length ? i : i + buffer.write(s.slice(i), at + i, 'utf8');
    buffer.writeInt32BE(size, this.length);
    this.length += 4 + size;
  }

  result(): Uint8Array<ArrayBuffer> { return new Uint8Array(this.buffer.buffer as ArrayBuffer, this.buffer.byteOffset, this.length); }
}

/** A value the binary writer cannot write exactly: the chunk goes in text format. */
class NotBinary extends Error {}

/** Hex digit values by character code (16 for a character that is not one). */
const HEX = new Int32Array(128).fill(16);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}
const DASH = 45;
/** Where each byte's two hex digits start in a uuid's text. */
const UUID_DIGITS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A timestamp JavaScript's Date holds exactly (milliseconds at most) with its offset. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const DAY_MS = 86_400_000;
const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
const NUMERIC = /^(-)?(\d+)(?:\.(\d+))?$/;

function integer(v: unknown, bits: 16 | 32): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || Math.abs(n) >= 2 ** (bits - 1)) throw new NotBinary();
  return n;
}

function bigint(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  throw new NotBinary();
}

/** PostgreSQL's binary numeric: base-10000 digits, weight, sign, display scale. */
function numeric(w: Writer, v: unknown) {
  const text = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v : '';
  const m = NUMERIC.exec(text);
  if (!m) throw new NotBinary();
  const [, minus, whole, fraction = ''] = m;
  const intPart = whole.replace(/^0+/, '');
  const padded = intPart.padStart(Math.ceil(intPart.length / 4) * 4, '0') + fraction.padEnd(Math.ceil(fraction.length / 4) * 4, '0');
  let digits: number[] = [];
  for (let i = 0; i < padded.length; i += 4) digits.push(Number(padded.slice(i, i + 4)));
  let weight = Math.ceil(intPart.length / 4) - 1;
  while (digits.length && digits[0] === 0) { digits.shift(); weight--; }
  while (digits.length && digits[digits.length - 1] === 0) digits.pop();
  if (!digits.length) weight = 0;
  digits = digits.length ? digits : [];
  w.field(8 + 2 * digits.length, (b, at) => {
    b.writeInt16BE(digits.length, at);
    b.writeInt16BE(weight, at + 2);
    b.writeUInt16BE(minus && digits.length ? 0x4000 : 0, at + 4);
    b.writeInt16BE(fraction.length, at + 6);
    digits.forEach((d, i) => b.writeInt16BE(d, at + 8 + 2 * i));
  });
}

type BinaryWriter = (w: Writer, v: unknown) => void;

const TEXT: BinaryWriter = (w, v) => w.text(typeof v === 'string' ? v : String(v));

/** How each column type's value is written in the binary format (`format_type` names). */
const BINARY: Record<string, BinaryWriter> = {
  uuid: (w, v) => {
    if (typeof v !== 'string' || v.length !== 36 || v.charCodeAt(8) !== DASH || v.charCodeAt(13) !== DASH || v.charCodeAt(18) !== DASH || v.charCodeAt(23) !== DASH) throw new NotBinary();
    const at = w.fixed(16);
    const b = w.buffer;
    for (let i = 0; i < 16; i++) {
      const h = v.charCodeAt(UUID_DIGITS[i]);
      const l = v.charCodeAt(UUID_DIGITS[i] + 1);
      const high = h < 128 ? HEX[h] : 16;
      const low = l < 128 ? HEX[l] : 16;
      if ((high | low) > 15) throw new NotBinary();
      b[at + i] = (high << 4) | low;
    }
  },
  'character varying': TEXT,
  text: TEXT,
  character: TEXT,
  smallint: (w, v) => { const n = integer(v, 16); const at = w.fixed(2); w.buffer.writeInt16BE(n, at); },
  integer: (w, v) => { const n = integer(v, 32); const at = w.fixed(4); w.buffer.writeInt32BE(n, at); },
  bigint: (w, v) => { const n = bigint(v); const at = w.fixed(8); w.buffer.writeBigInt64BE(n, at); },
  boolean: (w, v) => {
    if (typeof v !== 'boolean') throw new NotBinary();
    const at = w.fixed(1);
    w.buffer[at] = v ? 1 : 0;
  },
  date: (w, v) => {
    const m = typeof v === 'string' ? DATE.exec(v) : null;
    if (!m) throw new NotBinary();
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    // no such day: the text format lets the engine say so
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : MONTH_DAYS[month - 1])) throw new NotBinary();
    const at = w.fixed(4);
    w.buffer.writeInt32BE((Date.UTC(year, month - 1, day) - EPOCH_2000_MS) / DAY_MS, at);
  },
  'timestamp with time zone': (w, v) => {
    const ms = v instanceof Date ? v.getTime() : typeof v === 'string' && TIMESTAMP.test(v) ? Date.parse(v) : NaN;
    if (!Number.isFinite(ms)) throw new NotBinary();
    const at = w.fixed(8);
    w.buffer.writeBigInt64BE(BigInt(ms - EPOCH_2000_MS) * 1000n, at);
  },
  jsonb: (w, v) => {
    const json = typeof v === 'string' ? v : JSON.stringify(v);
    const size = Buffer.byteLength(json);
    w.field(1 + size, (b, at) => { b.writeUInt8(1, at); b.write(json, at + 1, size, 'utf8'); });
  },
  numeric,
};

/** The chunk in the binary COPY format, or undefined when a column or value has no exact binary form. */
function binaryCopy(columns: string[], types: string[], rows: Record<string, unknown>[]): Uint8Array<ArrayBuffer> | undefined {
  const writers = types.map((t) => BINARY[t]);
  if (writers.some((w) => !w)) return undefined;
  const w = new Writer();
  w.bytes(Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'));
  w.int32(0); // flags
  w.int32(0); // header extension
  try {
    for (const row of rows) {
      w.int16(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const v = row[columns[i]];
        if (v === null || v === undefined) w.int32(-1);
        else writers[i](w, v);
      }
    }
  } catch (error) {
    if (error instanceof NotBinary) return undefined;
    throw error;
  }
  w.int16(-1);
  return w.result();
}

/** An array value as PostgreSQL's array literal. */
function arrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : Array.isArray(v) ? arrayLiteral(v) : `"${textOf(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

function textOf(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return arrayLiteral(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The chunk in COPY's text format: each value as its type's input function reads it. */
function textCopy(columns: string[], types: string[], rows: Record<string, unknown>[]): string {
  const jsonb = types.map((t) => t === 'jsonb' || t === 'json');
  return rows.map((row) => columns.map((c, i) => {
    const v = row[c];
    if (v === null || v === undefined) return '\\N';
    const text = jsonb[i] && typeof v !== 'string' ? JSON.stringify(v) : textOf(v);
    return text.replace(/[\\\n\r\t]/g, (ch) => ESCAPES[ch]);
  }).join('\t')).join('\n') + '\n';
}
