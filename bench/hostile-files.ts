import { constants, deflateRawSync } from 'node:zlib';

/**
 * Hostile files, generated as the tests need them (nothing committed): zips that inflate to
 * gigabytes, sheets of millions of blank rows, headers of thousands of columns. The zips are
 * written by hand, so that a bomb costs a megabyte to make.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry: its bytes, or `times` repetitions of `chunk` (deflated once, the copies joined: a bomb in a few kilobytes per gigabyte). */
export type ZipPart = { name: string; data: Buffer } | { name: string; chunk: Buffer; times: number; head?: Buffer; tail?: Buffer };

/** Deflated bytes of `chunk` that can follow one another (each block independent and byte-aligned). */
const flushed = (chunk: Buffer) => deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH });

export function zipFile(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    let compressed: Buffer;
    let size: number;
    let crc = 0; // bombs carry none: the reader does not trust a zip's figures anyway
    if ('data' in part) {
      compressed = deflateRawSync(part.data);
      size = part.data.length;
      crc = crc32(part.data);
    } else {
      const block = flushed(part.chunk);
      compressed = Buffer.concat([flushed(part.head ?? Buffer.alloc(0)), ...Array.from({ length: part.times }, () => block), deflateRawSync(part.tail ?? Buffer.alloc(0))]);
      size = (part.head?.length ?? 0) + part.chunk.length * part.times + (part.tail?.length ?? 0);
    }
    const name = Buffer.from(part.name, 'utf8');
    // the local header and the directory entry share their fields, the entry's 2 bytes further on
    const fields = (buffer: Buffer, at: number) => {
      buffer.writeUInt16LE(20, at);
      buffer.writeUInt16LE(0x0800, at + 2);
      buffer.writeUInt16LE(8, at + 4);
      buffer.writeUInt32LE(crc, at + 10);
      buffer.writeUInt32LE(compressed.length, at + 14);
      buffer.writeUInt32LE(Math.min(size, 0xfffffffe), at + 18);
      buffer.writeUInt16LE(name.length, at + 22);
      return buffer;
    };
    const header = fields(Buffer.alloc(30), 4);
    header.writeUInt32LE(0x04034b50, 0);
    locals.push(header, name, compressed);
    const entry = fields(Buffer.alloc(46), 6);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, 'utf8');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell of inline text. */
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`;

const letter = (i: number): string => (i >= 26 ? letter(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** Rows of text as a worksheet's `<row>` elements, from row `first`. */
export function sheetRows(rows: string[][], first = 1): string {
  return rows.map((cells, r) => `<row r="${first + r}">${cells.map((text, c) => (text ? inline(`${letter(c)}${first + r}`, text) : '')).join('')}</row>`).join('');
}

/** A workbook of one sheet: the sheet's XML (`<row>`s, or a part to repeat), and a shared-string table when given. */
export function workbook(sheet: string | Omit<Extract<ZipPart, { chunk: Buffer }>, 'name'>, sharedStrings?: Omit<Extract<ZipPart, { chunk: Buffer }>, 'name'>): Buffer {
  const sheetPart: ZipPart = typeof sheet === 'string'
    ? { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet xmlns="${MAIN}"><sheetData>${sheet}</sheetData></worksheet>`) }
    : { name: 'xl/worksheets/sheet1.xml', ...sheet };
  return zipFile([
    { name: '[Content_Types].xml', data: xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`) },
    { name: '_rels/.rels', data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: xml(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`) },
    sheetPart,
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', ...sharedStrings }] : []),
  ]);
}

/** A workbook whose shared-string table inflates to about `megabytes` MB (1 MB of file per GB), its sheet a header and a row using it. */
export function sharedStringsBomb(headers: string[], megabytes: number): Buffer {
  const item = Buffer.from(`<si><t>${'炸'.repeat(340)}</t></si>`.repeat(1024), 'utf8'); // about 1 MB
  return workbook(
    `<row r="1">${headers.map((h, i) => inline(`${letter(i)}1`, h)).join('')}</row><row r="2"><c r="A2" t="s"><v>0</v></c></row>`,
    { head: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">`), chunk: item, times: Math.round(megabytes * 1024 * 1024 / item.length), tail: Buffer.from('</sst>') },
  );
}

/** A workbook of a header, `rows` data rows, `blank` blank rows (`<row r="…"/>`: as a sheet whose formatting reaches row a million), then `after` rows. */
export function blankRowsWorkbook(headers: string[], rows: string[][], blank: number, after: string[][] = []): Buffer {
  const first = 2 + rows.length;
  const blanks = Array.from({ length: blank }, (_, i) => `<row r="${first + i}" s="1" customFormat="1"/>`).join('');
  return workbook(sheetRows([headers, ...rows]) + blanks + sheetRows(after, first + blank));
}

/** A workbook of a header, then `millions` million blank rows (`<row/>`, numbered by their place), about 0.2 MB of file per million. */
export function blankRowsBomb(headers: string[], millions: number): Buffer {
  const chunk = Buffer.from('<row s="1" customFormat="1"/>'.repeat(10_000));
  return workbook({ head: Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${sheetRows([headers])}`), chunk, times: millions * 100, tail: Buffer.from('</sheetData></worksheet>') });
}

/** A zip of `gigabytes` GB of zeros and no workbook. */
export function zipWithoutWorkbook(gigabytes: number): Buffer {
  return zipFile([{ name: 'data.bin', chunk: Buffer.alloc(1024 * 1024), times: Math.round(gigabytes * 1024) }]);
}
