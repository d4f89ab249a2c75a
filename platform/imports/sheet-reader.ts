import { Readable, Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import { loadConfig, type ImportLimits } from '../config';
import { unneutraliseFormula } from './formula-text';
import { mapHeaders, type SheetFormat } from './sheet-format';
import { cutValue, figure, megabytes, SheetFileError, SheetLimitError } from './sheet-errors';
import { readXlsxRows, type RawRow } from './xlsx-reader';

/** A cell the reader refuses (a formula, text over the length limit): reported instead of the row's checks. */
export interface CellRefusal {
  /** The column's header. */
  column: string;
  value: string;
  zh: string;
  en: string;
}

/** One data row: its row number in the sheet (the header is row 1) and its cells by column key, as text. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
  /** Cells the reader refused; the row is not checked further. */
  refused?: CellRefusal[];
}

/** A file that can be read more than once (validated first, then written). */
export interface SheetSource {
  fileName: string;
  open(): Readable;
}

export const bufferSource = (fileName: string, content: Buffer): SheetSource => ({ fileName, open: () => Readable.from([content]) });

export { SheetFileError, SheetLimitError } from './sheet-errors';

export type SheetKind = 'csv' | 'xlsx';

export function sheetKind(fileName: string): SheetKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  throw new SheetFileError(null, fileName, '文件须为 .csv 或 .xlsx（旧版 .xls 请在 Excel 中另存为 .xlsx）', 'The file must be .csv or .xlsx (save an old .xls as .xlsx in Excel)');
}

/**
 * Decodes a CSV byte stream to text: UTF-8 (with or without BOM) when the first block holding a
 * non-ASCII byte is valid UTF-8, GB18030 (a superset of GBK, as Chinese Excel saves "CSV") otherwise.
 */
export class CsvDecoder extends Transform {
  private decoder: TextDecoder | undefined;
  encoding: 'utf-8' | 'gb18030' | undefined;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true });
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      if (!this.decoder) {
        // plain ASCII reads the same in both: decide at the first byte that is not
        if (!chunk.some((b) => b >= 0x80)) return done(null, chunk.toString('latin1'));
        this.encoding = looksUtf8(chunk) ? 'utf-8' : 'gb18030';
        this.decoder = new TextDecoder(this.encoding, { fatal: this.encoding === 'utf-8', ignoreBOM: false });
      }
      done(null, this.decoder.decode(chunk, { stream: true }));
    } catch {
      done(new SheetFileError(null, null, '文件编码无法识别：请另存为“CSV UTF-8”', 'The file’s encoding is not recognised: save it as “CSV UTF-8”'));
    }
  }

  _flush(done: TransformCallback): void {
    done(null, this.decoder?.decode() ?? '');
  }
}

function looksUtf8(chunk: Buffer): boolean {
  if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Names at most five of a list, and how many there are: a 10,000-column header gives one short message. */
function some(names: string[], separator: string): string {
  const shown = names.slice(0, 5).map((n) => cutValue(n, 32)).join(separator);
  return names.length > 5 ? `${shown}${separator}… (${figure(names.length)})` : shown;
}

/** The sheet of `others` whose columns the headers are exactly, if any (a households file sent as persons). */
function sheetOfHeaders(others: SheetFormat[], format: SheetFormat, headers: string[]): SheetFormat | undefined {
  return others.find((other) => {
    if (other.name === format.name) return false;
    const { missing, unknown } = mapHeaders(other, headers);
    return !missing.length && !unknown.length;
  });
}

function checkHeader(format: SheetFormat, headers: string[], limits: ImportLimits, others: SheetFormat[]): (string | null)[] {
  let width = headers.length;
  while (width > 0 && !headers[width - 1].trim()) width--;
  if (width > limits.maxColumns) {
    throw new SheetLimitError('maxColumns', figure(width), `第 1 行有 ${figure(width)} 列，超过上限 ${figure(limits.maxColumns)} 列`, `Row 1 has ${figure(width)} columns, over the limit of ${figure(limits.maxColumns)}`);
  }
  const { keys, unknown, missing, repeated } = mapHeaders(format, headers.map((h) => h.slice(0, 200)));
  const other = (missing.length || unknown.length) && sheetOfHeaders(others, format, headers);
  if (other) {
    throw new SheetFileError(null, null, `这是${other.title}（${other.name}），不是${format.title}：请按${other.title}导入`, `This is the ${other.name} sheet (${other.title}), not the ${format.name} sheet: import it as ${other.name}`);
  }
  if (missing.length) {
    throw new SheetFileError(missing[0].header, null, `第 1 行缺少必填列：${some(missing.map((c) => c.header), '、')}（请使用模板的表头）`, `Row 1 lacks required columns: ${some(missing.map((c) => `${c.header} (${c.key})`), ', ')} (use the template's header row)`);
  }
  if (repeated.length) throw new SheetFileError(cutValue(repeated[0], 64), cutValue(repeated[0]), `第 1 行的列“${cutValue(repeated[0], 32)}”出现了两次`, `Row 1 has the column “${cutValue(repeated[0], 32)}” twice`);
  if (unknown.length) throw new SheetFileError(cutValue(unknown[0], 64), cutValue(unknown[0]), `第 1 行有无法识别的列：${some(unknown, '、')}`, `Row 1 has columns this sheet does not have: ${some(unknown, ', ')}`);
  return keys;
}

/** `A`, `B` … `AA` for a column index from 0. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The data rows of a sheet's rows as read (CSV records or XLSX rows), after its header row:
 * blank rows skipped, a run of blank rows ending the sheet, the row and column limits applied,
 * and the cells no row may hold refused (formulas, text over the cell limit, data under no header).
 */
async function* dataRows(format: SheetFormat, raws: AsyncIterable<RawRow>, limits: ImportLimits, others: SheetFormat[]): AsyncGenerator<SheetRow> {
  let keys: (string | null)[] | undefined;
  let lastContent = 0;
  let count = 0;
  const headerOf = (key: string) => format.columns.find((c) => c.key === key)!.header;
  for await (const raw of raws) {
    const blank = !raw.formulas?.size && raw.values.every((v) => !v.trim());
    // the sheet ends at a run of blank rows: rows after it are not read (a file of 20 million blank rows costs nothing)
    if (raw.row - lastContent > limits.maxBlankRows + (blank ? 0 : 1)) break;
    if (blank) continue;
    lastContent = raw.row;
    if (!keys) {
      keys = checkHeader(format, raw.values, limits, others);
      continue;
    }
    if (++count > limits.maxRows) {
      throw new SheetLimitError('maxRows', `> ${figure(limits.maxRows)}`, `文件超过 ${figure(limits.maxRows)} 行数据（第 ${figure(raw.row)} 行已超出）：请分成几个文件导入`, `The file has more than ${figure(limits.maxRows)} data rows (row ${figure(raw.row)} is past it): split it into several files`);
    }
    const cells: Record<string, string> = {};
    const refused: CellRefusal[] = [];
    raw.values.forEach((value, i) => {
      const key = keys![i];
      const formula = raw.formulas?.get(i);
      const length = raw.lengths?.get(i) ?? value.length;
      const column = key ? headerOf(key) : `${columnLetter(i)} 列`;
      if (formula !== undefined) {
        if (key) refused.push(formulaRefusal(column, formula));
      } else if (length > limits.maxCellChars) {
        refused.push({
          column, value: cutValue(value),
          zh: `${column}有 ${figure(length)} 个字符，超过单元格上限 ${figure(limits.maxCellChars)}（IMPORT_MAX_CELL_CHARS）`,
          en: `${column} holds ${figure(length)} characters, over the cell limit of ${figure(limits.maxCellChars)} (IMPORT_MAX_CELL_CHARS)`,
        });
      } else if (!key && value.trim()) {
        refused.push({
          column, value: cutValue(value),
          zh: `${column}没有表头，其中的值无法导入：请删除该列的数据或补上表头`,
          en: `Column ${columnLetter(i)} has no header, so its value cannot be imported: delete the column's data or give it a header`,
        });
      }
      if (key) cells[key] = unneutraliseFormula(value).trim();
    });
    for (const k of keys) if (k && !(k in cells)) cells[k] = '';
    yield { row: raw.row, cells, ...(refused.length ? { refused } : {}) };
  }
  if (!keys) throw new SheetFileError(null, null, '文件是空的', 'The file is empty');
}

async function* csvRows(input: Readable, limits: ImportLimits): AsyncGenerator<RawRow> {
  const maxRecord = limits.maxCellChars * 4 + 64 * 1024;
  const records = input.pipe(new CsvDecoder()).pipe(parse({ bom: true, relax_column_count: true, max_record_size: maxRecord }));
  let row = 0; // a record is a row, as Excel numbers them, even with a line break inside a cell
  try {
    for await (const record of records as AsyncIterable<string[]>) yield { row: ++row, values: record };
  } catch (error) {
    if (error instanceof SheetFileError) throw error;
    const line = (error as { lines?: number }).lines;
    if ((error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') {
      throw new SheetLimitError('maxCellChars', `> ${figure(maxRecord)}`, `第 ${line ?? '?'} 行超过 ${figure(maxRecord)} 个字符，单元格上限为 ${figure(limits.maxCellChars)}`, `Line ${line ?? '?'} is over ${figure(maxRecord)} characters; the cell limit is ${figure(limits.maxCellChars)}`);
    }
    throw new SheetFileError(null, null, `第 ${line ?? '?'} 行附近的 CSV 格式有误（如引号不成对）`, `The CSV is malformed near line ${line ?? '?'} (e.g. an unmatched quote)`);
  } finally {
    input.destroy();
  }
}

/** The bytes of a workbook (a zip is read from its end): at most the unzipped limit, which a zip never exceeds. */
async function fileBytes(input: Readable, limits: ImportLimits): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxUnzippedBytes) {
        throw new SheetLimitError('maxUnzippedBytes', `> ${megabytes(limits.maxUnzippedBytes)}`, `文件超过 ${megabytes(limits.maxUnzippedBytes)}`, `The file is over ${megabytes(limits.maxUnzippedBytes)}`);
      }
      chunks.push(chunk);
    }
  } finally {
    input.destroy();
  }
  return Buffer.concat(chunks);
}

async function* xlsxRows(input: Readable, limits: ImportLimits): AsyncGenerator<RawRow> {
  const zip = await fileBytes(input, limits);
  try {
    yield* readXlsxRows(zip, limits);
  } catch (error) {
    if (error instanceof SheetFileError) throw error;
    throw new SheetFileError(null, null, '无法读取该 Excel 文件：请确认是 .xlsx 格式且未损坏', 'The Excel file cannot be read: check that it is an undamaged .xlsx');
  }
}

/**
 * Streams a sheet's data rows (CSV or XLSX by the file name), after checking its header row,
 * within the import limits (the configured ones unless given); a file of one of `others` is named as such.
 */
export function readSheet(format: SheetFormat, source: SheetSource, limits: ImportLimits = loadConfig().importLimits, others: SheetFormat[] = []): AsyncGenerator<SheetRow> {
  const kind = sheetKind(source.fileName);
  return dataRows(format, kind === 'csv' ? csvRows(source.open(), limits) : xlsxRows(source.open(), limits), limits, others);
}

/** The refusal of a formula cell: the file must hold values. */
export function formulaRefusal(column: string, formula: string): CellRefusal {
  return {
    column,
    value: cutValue(`=${formula}`),
    zh: `${column}是公式，不是数值：请在 Excel 中复制该列，“选择性粘贴 → 数值”后再导入`,
    en: `${column} holds a formula, not a value: in Excel copy the column and paste it as values (Paste Special → Values), then import`,
  };
}
