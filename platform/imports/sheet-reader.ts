import { Readable, Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { unneutraliseFormula } from './formula-text';
import { mapHeaders, type SheetFormat } from './sheet-format';

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

/** A problem with the file as a whole (encoding, kind, header row): nothing in it can be read. */
export class SheetFileError extends Error {
  constructor(readonly column: string | null, readonly value: string | null, readonly zh: string, readonly en: string) {
    super(en);
  }
}

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

/** Cells of one record by column key; empty cells are ''. */
function cellsOf(keys: (string | null)[], values: string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  keys.forEach((k, i) => {
    if (k) cells[k] = unneutraliseFormula(values[i] ?? '').trim();
  });
  return cells;
}

function checkHeader(format: SheetFormat, headers: string[]): (string | null)[] {
  const { keys, unknown, missing, repeated } = mapHeaders(format, headers);
  if (missing.length) {
    const names = missing.map((c) => c.header).join('、');
    throw new SheetFileError(missing[0].header, null, `第 1 行缺少必填列：${names}（请使用模板的表头）`, `Row 1 lacks required columns: ${missing.map((c) => `${c.header} (${c.key})`).join(', ')} (use the template's header row)`);
  }
  if (repeated.length) throw new SheetFileError(repeated[0], repeated[0], `第 1 行的列“${repeated[0]}”出现了两次`, `Row 1 has the column “${repeated[0]}” twice`);
  if (unknown.length) throw new SheetFileError(unknown[0], unknown[0], `第 1 行有无法识别的列：${unknown.join('、')}`, `Row 1 has columns this sheet does not have: ${unknown.join(', ')}`);
  return keys;
}

async function* readCsv(format: SheetFormat, input: Readable): AsyncGenerator<SheetRow> {
  const records = input.pipe(new CsvDecoder()).pipe(parse({ bom: true, relax_column_count: true }));
  let keys: (string | null)[] | undefined;
  let row = 0; // a record is a row, as Excel numbers them, even with a line break inside a cell
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      row++;
      if (record.every((cell) => !cell.trim())) continue;
      if (!keys) keys = checkHeader(format, record);
      else yield { row, cells: cellsOf(keys, record) };
    }
  } catch (error) {
    if (error instanceof SheetFileError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new SheetFileError(null, null, `第 ${line ?? '?'} 行附近的 CSV 格式有误（如引号不成对）`, `The CSV is malformed near line ${line ?? '?'} (e.g. an unmatched quote)`);
  }
  if (!keys) throw new SheetFileError(null, null, '文件是空的', 'The file is empty');
}

/** The refusal of a formula cell: the file must hold values. */
export function formulaRefusal(column: string, formula: string): CellRefusal {
  return {
    column,
    value: `=${formula}`,
    zh: `${column}是公式，不是数值：请在 Excel 中复制该列，“选择性粘贴 → 数值”后再导入`,
    en: `${column} holds a formula, not a value: in Excel copy the column and paste it as values (Paste Special → Values), then import`,
  };
}

const formulaOf = (value: ExcelJS.CellValue): string | undefined =>
  value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)
    ? String((value as ExcelJS.CellFormulaValue).formula ?? (value as ExcelJS.CellSharedFormulaValue).sharedFormula ?? '')
    : undefined;

/** A cell as text. Numbers in text columns that Excel rounded (ID numbers) come back as Excel shows them: `5.30622E+17`. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Math.abs(value) >= 1e15 ? value.toExponential(5).toUpperCase() : String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Decodes UTF-8 chunks into whole characters, however the chunks cut them. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

type StreamingReader = new (input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) => AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader> & Record<string, Function>;

/**
 * exceljs 4.4's streaming reader decodes each chunk of a workbook's XML on its own, so a Chinese
 * character that straddles two chunks comes out as “�” (any sheet or shared-string table larger
 * than a chunk). These two overrides hand its XML parser whole characters.
 */
const Utf8WorkbookReader = class extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as StreamingReader) {
  _parseSharedStrings(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8Text(chunks), sheetNo);
  }
};

async function* readXlsx(format: SheetFormat, input: Readable): AsyncGenerator<SheetRow> {
  const workbook = new Utf8WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit' });
  let keys: (string | null)[] | undefined;
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const raw = (row.values as ExcelJS.CellValue[]).slice(1);
        const values = raw.map(cellText);
        if (!values.some((v) => v.trim()) && !raw.some(formulaOf)) continue;
        if (!keys) keys = checkHeader(format, values);
        else {
          const refused = raw.flatMap((v, i) => {
            const formula = formulaOf(v);
            const key = keys![i];
            return formula === undefined || !key ? [] : [formulaRefusal(format.columns.find((c) => c.key === key)!.header, formula)];
          });
          yield { row: row.number, cells: cellsOf(keys, values), ...(refused.length ? { refused } : {}) };
        }
      }
      break; // the first worksheet is the sheet
    }
  } catch (error) {
    if (error instanceof SheetFileError) throw error;
    throw new SheetFileError(null, null, '无法读取该 Excel 文件：请确认是 .xlsx 格式且未损坏', 'The Excel file cannot be read: check that it is an undamaged .xlsx');
  }
  if (!keys) throw new SheetFileError(null, null, '文件是空的', 'The file is empty');
}

/** Streams a sheet's data rows (CSV or XLSX by the file name), after checking its header row. */
export function readSheet(format: SheetFormat, source: SheetSource): AsyncGenerator<SheetRow> {
  const kind = sheetKind(source.fileName);
  return kind === 'csv' ? readCsv(format, source.open()) : readXlsx(format, source.open());
}
