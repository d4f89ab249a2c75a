import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ImportLimits } from '../config';
import { megabytes, SheetFileError, SheetLimitError } from './sheet-errors';
import { inflateEntry, zipEntries, type InflateBudget, type ZipEntry } from './zip-entries';

/**
 * Reads the first worksheet of an XLSX workbook row by row, straight from its XML: the zip's
 * entries are inflated under the unzipped-size limit as they are parsed (a zip bomb stops at the
 * limit), the shared-string table under its own (it is held in memory while the sheet is read),
 * the sheet itself streamed. Cells come as Excel shows their text; a formula cell comes with its
 * formula, for the caller to refuse.
 */

/** One row of a sheet as read: its number, its cells' text by column index, and which hold formulas. */
export interface RawRow {
  row: number;
  values: string[];
  /** Column index → formula (without `=`) of cells holding one. */
  formulas?: Map<number, string>;
  /** Column index → length, of cells longer than the text kept of them. */
  lengths?: Map<number, number>;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses XML arriving in chunks, yielding what the handlers emit after each chunk. */
async function* parseXml<T>(chunks: AsyncIterable<Buffer>, setup: (parser: SaxesParser, emit: (item: T) => void) => void): AsyncGenerator<T> {
  const parser = new SaxesParser();
  const queue: T[] = [];
  let failure: Error | undefined;
  parser.on('error', (error) => (failure ??= error));
  setup(parser, (item) => queue.push(item));
  const decoder = new TextDecoder('utf-8');
  const drain = function* () {
    if (failure) throw failure;
    yield* queue.splice(0, queue.length);
  };
  for await (const chunk of chunks) {
    parser.write(decoder.decode(chunk, { stream: true }));
    yield* drain();
  }
  parser.write(decoder.decode());
  parser.close();
  yield* drain();
}

/** The attributes of every element named `name` in an entry (small entries: the workbook, its relationships). */
async function elements(chunks: AsyncIterable<Buffer>, name: string): Promise<Record<string, string>[]> {
  const found: Record<string, string>[] = [];
  for await (const attributes of parseXml<Record<string, string>>(chunks, (parser, emit) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      if (local(tag.name) === name) emit(tag.attributes as Record<string, string>);
    });
  })) found.push(attributes);
  return found;
}

/** Excel's built-in date formats (14–22, 45–47, and the East Asian ones). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format shows a date when it has day, month or year codes outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Style index → whether cells of that style hold dates. */
async function dateStyles(chunks: AsyncIterable<Buffer>): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  for await (const _ of parseXml<never>(chunks, (parser) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      const a = tag.attributes as Record<string, string>;
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        styles.push(BUILT_IN_DATES.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)));
      }
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      if (local(tag.name) === 'cellXfs') inCellXfs = false;
    });
  })) void _;
  return styles;
}

/** A copy of a short piece of a long string, so that the long one can be freed. */
const detached = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/** The shared-string table: each string (rich text runs joined, phonetic guides left out), long ones cut. */
async function sharedStrings(chunks: AsyncIterable<Buffer>, keep: number): Promise<{ strings: string[]; lengths: Map<number, number> }> {
  const strings: string[] = [];
  const lengths = new Map<number, number>();
  let text = '';
  let inT = false;
  let inPhonetic = false;
  for await (const _ of parseXml<never>(chunks, (parser) => {
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'si') text = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') inPhonetic = true;
    });
    parser.on('text', (t: string) => {
      if (inT && !inPhonetic) text += t;
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if (text.length > keep) {
          lengths.set(strings.length, text.length);
          strings.push(detached(text.slice(0, keep)));
        } else strings.push(text);
        text = '';
      }
    });
  })) void _;
  return { strings, lengths };
}

/** `AB12` → 27 (column indexes from 0). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n - 1;
}

/** Excel's day number as `YYYY-MM-DD` (1900 or 1904 date system). */
function serialDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial) + (date1904 ? 24107 : 0) - 25569;
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** A number as Excel shows it; an ID number stored as one (rounded by Excel) as `5.30622E+17`. */
const numberText = (value: number) => (Math.abs(value) >= 1e15 ? value.toExponential(5).toUpperCase() : String(value));

interface Cell {
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
  formula: string | undefined;
  length: number;
}

/** The rows of a worksheet's XML, as they are parsed. */
function worksheetRows(chunks: AsyncIterable<Buffer>, shared: { strings: string[]; lengths: Map<number, number> }, dates: boolean[], date1904: boolean, keep: number): AsyncGenerator<RawRow> {
  return parseXml<RawRow>(chunks, (parser, emit) => {
    let row: RawRow | undefined;
    let last = 0;
    let next = 0;
    let cell: Cell | undefined;
    let into: 'value' | 'inline' | 'formula' | undefined;
    let inPhonetic = false;
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      const a = tag.attributes as Record<string, string>;
      if (name === 'row') {
        row = { row: a.r ? Number(a.r) : last + 1, values: [] };
        next = 0;
      } else if (name === 'c' && row) {
        cell = { column: a.r ? columnIndex(a.r) : next, type: a.t ?? 'n', style: Number(a.s ?? 0), value: '', inline: '', formula: undefined, length: 0 };
      } else if (cell) {
        if (name === 'v') into = 'value';
        else if (name === 'f') {
          into = 'formula';
          cell.formula = '';
        } else if (name === 't') into = 'inline';
        else if (name === 'rPh') inPhonetic = true;
      }
    });
    parser.on('text', (t: string) => {
      if (!cell || !into || inPhonetic) return;
      if (into === 'formula') cell.formula = (cell.formula! + t).slice(0, keep);
      else {
        cell.length += t.length;
        if (into === 'value') cell.value = (cell.value + t).slice(0, keep);
        else cell.inline = (cell.inline + t).slice(0, keep);
      }
    });
    parser.on('closetag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'v' || name === 'f' || name === 't') into = undefined;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c' && cell && row) {
        let text: string;
        let length = cell.length;
        if (cell.type === 's') {
          const index = Number(cell.value);
          text = shared.strings[index] ?? '';
          length = shared.lengths.get(index) ?? text.length;
        } else if (cell.type === 'inlineStr') text = cell.inline;
        else if (cell.type === 'str') text = cell.value;
        else if (cell.type === 'b') text = cell.value === '1' ? 'true' : 'false';
        else if (cell.type === 'e') text = '';
        else if (cell.type === 'd') text = cell.value.slice(0, 10);
        else if (cell.value === '') text = '';
        else {
          const value = Number(cell.value);
          text = !Number.isFinite(value) ? cell.value : dates[cell.style] ? serialDate(value, date1904) : numberText(value);
        }
        row.values[cell.column] = text;
        if (cell.formula !== undefined) (row.formulas ??= new Map()).set(cell.column, cell.formula);
        if (length > text.length) (row.lengths ??= new Map()).set(cell.column, length);
        next = cell.column + 1;
        cell = undefined;
      } else if (name === 'row' && row) {
        for (let i = 0; i < row.values.length; i++) row.values[i] ??= '';
        emit(row);
        last = row.row;
        row = undefined;
      }
    });
  });
}

/** A part's path from a relationship's target, relative to `xl/` unless absolute. */
const partPath = (target: string, base = 'xl/') => (target.startsWith('/') ? target.slice(1) : base + target).replace(/[^/]+\/\.\.\//g, '');

/** The rows of the workbook's first worksheet; `SheetFileError` when it is no workbook, `SheetLimitError` past a limit. */
export async function* readXlsxRows(zip: Buffer, limits: ImportLimits): AsyncGenerator<RawRow> {
  const entries = zipEntries(zip);
  if (!entries) throw new SheetFileError(null, null, '无法读取该 Excel 文件：请确认是 .xlsx 格式且未损坏', 'The Excel file cannot be read: check that it is an undamaged .xlsx');
  const declared = [...entries.values()].reduce((sum, e) => sum + e.declaredSize, 0);
  const unzipped: InflateBudget = {
    remaining: limits.maxUnzippedBytes,
    exceeded: () => new SheetLimitError('maxUnzippedBytes', megabytes(Math.max(declared, limits.maxUnzippedBytes + 1)),
      `该 Excel 文件解压后超过 ${megabytes(limits.maxUnzippedBytes)}（文件声明 ${megabytes(declared)}），不予读取`,
      `Unzipped, the workbook is over ${megabytes(limits.maxUnzippedBytes)} (it declares ${megabytes(declared)}): it is not read`),
  };
  const entry = (name: string): ZipEntry | undefined => entries.get(name) ?? [...entries.values()].find((e) => e.name.toLowerCase() === name.toLowerCase());
  const read = (e: ZipEntry, budget: InflateBudget = unzipped) => inflateEntry(zip, e, budget);

  const workbook = entry('xl/workbook.xml');
  if (!workbook) {
    throw new SheetFileError(null, null, '该压缩文件中没有 Excel 工作簿（xl/workbook.xml）：请上传 .xlsx 文件', 'The zip holds no Excel workbook (xl/workbook.xml): upload an .xlsx file');
  }
  const rels = entry('xl/_rels/workbook.xml.rels');
  const relationships = rels ? await elements(read(rels), 'Relationship') : [];
  const target = (type: string) => relationships.find((r) => (r.Type ?? '').endsWith(`/${type}`));
  const book = await (async () => {
    let date1904 = false;
    let first: Record<string, string> | undefined;
    for await (const tag of parseXml<{ name: string; a: Record<string, string> }>(read(workbook), (parser, emit) => {
      parser.on('opentag', (t: SaxesTagPlain) => emit({ name: local(t.name), a: t.attributes as Record<string, string> }));
    })) {
      if (tag.name === 'workbookPr') date1904 = tag.a.date1904 === '1' || tag.a.date1904 === 'true';
      if (tag.name === 'sheet') first ??= tag.a;
    }
    return { date1904, first };
  })();
  const sheetRel = book.first && relationships.find((r) => r.Id === (book.first!['r:id'] ?? book.first!.id));
  const sheet = entry(sheetRel ? partPath(sheetRel.Target) : 'xl/worksheets/sheet1.xml');
  if (!sheet) throw new SheetFileError(null, null, '该 Excel 文件中没有工作表', 'The workbook holds no worksheet');

  const keep = limits.maxCellChars + 1;
  const stylesPart = entry(partPath(target('styles')?.Target ?? 'styles.xml'));
  const dates = stylesPart ? await dateStyles(read(stylesPart)) : [];
  const stringsPart = entry(partPath(target('sharedStrings')?.Target ?? 'sharedStrings.xml'));
  const tableBudget: InflateBudget = {
    remaining: Math.min(limits.maxSharedStringsBytes, unzipped.remaining),
    exceeded: () => (unzipped.remaining <= limits.maxSharedStringsBytes ? unzipped.exceeded() : new SheetLimitError('maxSharedStringsBytes', megabytes(stringsPart!.declaredSize),
      `该 Excel 文件的共享字符串表超过 ${megabytes(limits.maxSharedStringsBytes)}（文件声明 ${megabytes(stringsPart!.declaredSize)}），不予读取`,
      `The workbook's shared-string table is over ${megabytes(limits.maxSharedStringsBytes)} (it declares ${megabytes(stringsPart!.declaredSize)}): it is not read`)),
  };
  let shared = { strings: [] as string[], lengths: new Map<number, number>() };
  if (stringsPart) {
    const before = tableBudget.remaining;
    shared = await sharedStrings(read(stringsPart, tableBudget), keep);
    unzipped.remaining -= before - tableBudget.remaining;
  }
  yield* worksheetRows(read(sheet), shared, dates, book.date1904, keep);
}
