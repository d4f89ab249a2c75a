import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * The entries of a zip (an XLSX is one) read from its central directory, and each entry inflated
 * as a stream under a byte budget counted while inflating: the sizes a zip declares are not
 * trusted, and a small file that inflates to gigabytes is stopped at the budget, holding no more
 * than a chunk at a time.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the zip declares it (not trusted). */
  declaredSize: number;
  headerOffset: number;
  encrypted: boolean;
}

/** Bytes left to inflate; `exceeded` raises the error that names the limit. */
export interface InflateBudget {
  remaining: number;
  exceeded(): Error;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries by name; undefined when the bytes are not a zip this reader handles (zip64 included). */
export function zipEntries(zip: Buffer): Map<string, ZipEntry> | undefined {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (at === 0xffffffff || count === 0xffff) return undefined;
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      headerOffset: zip.readUInt32LE(at + 42),
      encrypted: (zip.readUInt16LE(at + 8) & 1) === 1,
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const CHUNK = 64 * 1024;

/** An entry's bytes as they inflate, a chunk at a time, each counted against `budget`. */
export async function* inflateEntry(zip: Buffer, entry: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
  const at = entry.headerOffset;
  if (entry.encrypted || at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL || (entry.method !== 0 && entry.method !== 8)) {
    throw new Error(`zip entry ${entry.name} cannot be read`);
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, Math.min(zip.length, start + entry.compressedSize));
  const count = (chunk: Buffer) => {
    budget.remaining -= chunk.length;
    if (budget.remaining < 0) throw budget.exceeded();
    return chunk;
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) yield count(data.subarray(i, i + CHUNK));
    return;
  }
  const inflate = createInflateRaw({ chunkSize: CHUNK });
  const input = Readable.from([data]);
  input.pipe(inflate);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) yield count(chunk);
  } finally {
    input.unpipe(inflate);
    inflate.destroy();
  }
}
