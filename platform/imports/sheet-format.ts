/**
 * Registry sheets as county clerks keep them: one header row (Chinese, as the clerks write it;
 * English keys and other aliases accepted), one record per row, enum values written in Chinese
 * (English codes accepted). Every subgraph describes its sheets with these types; the reader,
 * the writer, the templates and the import engine work from the description alone.
 */

import type { SensitiveValue } from '../security/sensitive';

/** `number`: written as a number (reports' row numbers), read as text. */
export type ColumnKind = 'text' | 'code' | 'date' | 'choice' | 'flag' | 'number';

export interface SheetColumn {
  /** English key: the field name the row's value lands in, and an accepted header. */
  key: string;
  /** Header as county clerks write it. */
  header: string;
  /** Other headers clerks use for the same column. */
  aliases?: readonly string[];
  kind: ColumnKind;
  required?: boolean;
  /** For `choice`: code → Chinese label (the sheet shows labels; codes are accepted too). */
  choices?: Readonly<Record<string, string>>;
  /** One line for the documentation and the template's header comment (Chinese · English). */
  note: string;
  /** Written by exports (ids other sheets refer to); an import accepts the column and does not read it. */
  exportOnly?: boolean;
  /** The kind of sensitive value the column holds: exports and problem reports show it by the disclosure policy, and a full one is audited. */
  sensitive?: SensitiveValue;
}

export interface SheetFormat<Row extends SheetValues = SheetValues> {
  /** `households`, `persons`, … (file and route names). */
  name: string;
  /** Worksheet title. */
  title: string;
  columns: SheetColumn[];
  /** The type of a row's values, as `parseCells` gives them (never set: `sheetFormat` infers it from the columns). */
  readonly rowType?: Row;
}

/** A cell's value once read: text (empty → null), a choice's code, a date `YYYY-MM-DD`, a flag. */
export type CellValue = string | boolean | null;

export type SheetValues = Record<string, CellValue>;

/** The value a column gives: a flag a boolean, a choice one of its codes, anything else text; null when empty unless required. */
type ValueOf<C extends SheetColumn> = C extends { kind: 'flag' }
  ? boolean
  : (C extends { kind: 'choice'; choices: infer Choices } ? keyof Choices & string : string) | (C extends { required: true } ? never : null);

/** A row's values by column key, typed by the columns (export-only ones are not read). */
export type RowOf<Columns extends readonly SheetColumn[]> = {
  [C in Columns[number] as C extends { exportOnly: true } ? never : C['key']]: ValueOf<C>;
};

/**
 * A sheet described by its columns, whose keys, kinds, choices and `required` type its rows:
 * `parseCells` on it gives `{ registryNo: string; relocatedOn: string | null; relocationMode: RelocationMode … }`.
 */
export function sheetFormat<const Columns extends readonly SheetColumn[]>(format: { name: string; title: string; columns: Columns }): SheetFormat<RowOf<Columns>> {
  return { name: format.name, title: format.title, columns: [...format.columns] };
}

/** `是`/`否` for flags (also accepted: 1/0, Y/N, true/false, √). */
export const FLAG_TRUE = '是';
export const FLAG_FALSE = '否';
const TRUE_WORDS = new Set(['是', '1', 'Y', 'YES', 'TRUE', '√']);
const FALSE_WORDS = new Set(['否', '0', 'N', 'NO', 'FALSE', '']);

/** A header as read: trimmed, without full-width or inner spaces, `*` (required marks) and brackets' notes. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[（(].*[)）]$/, '')
    .toLowerCase();
}

/** Maps each header cell to a column key; unknown headers are reported, missing required columns too. */
export function mapHeaders(format: SheetFormat, headers: string[]): { keys: (string | null)[]; unknown: string[]; missing: SheetColumn[]; repeated: string[] } {
  const byName = new Map<string, string>();
  for (const c of format.columns) for (const name of [c.key, c.header, ...(c.aliases ?? [])]) byName.set(normalizeHeader(name), c.key);
  const keys = headers.map((h) => byName.get(normalizeHeader(h)) ?? null);
  const unknown = headers.filter((h, i) => h.trim() && keys[i] === null);
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const [i, k] of keys.entries()) {
    if (k && seen.has(k)) repeated.push(headers[i]);
    if (k) seen.add(k);
  }
  const missing = format.columns.filter((c) => c.required && !seen.has(c.key));
  return { keys, unknown, missing, repeated };
}

/** Reads a choice cell: a Chinese label or an English code → the code; undefined when neither. */
export function choiceCode(column: SheetColumn, value: string): string | undefined {
  let codes = CHOICE_CODES.get(column);
  if (!codes) {
    codes = new Map(Object.entries(column.choices ?? {}).flatMap(([code, label]) => [[label, code], [code, code]]));
    CHOICE_CODES.set(column, codes);
  }
  const v = value.trim();
  return codes.get(v) ?? codes.get(v.toUpperCase());
}

/** Per column: label or code → code. */
const CHOICE_CODES = new WeakMap<SheetColumn, Map<string, string>>();

/** Reads a flag cell: true, false, or undefined when it is neither. */
export function flagValue(value: string): boolean | undefined {
  const v = value.trim().toUpperCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return undefined;
}

/**
 * Reads a date cell: `YYYY-MM-DD`, also `YYYY/M/D`, `YYYY.M.D` and `YYYYMMDD` as Chinese Excel
 * writes them; returns `YYYY-MM-DD` (not checked against the calendar here).
 */
export function dateValue(value: string): string {
  const v = value.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : v;
}

/** How a stored value is written into a sheet cell (the inverse of reading it). */
export function cellText(column: SheetColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'flag') return value ? FLAG_TRUE : FLAG_FALSE;
  if (column.kind === 'choice') return column.choices?.[String(value)] ?? String(value);
  return String(value);
}

/** The header a sheet gives a column, by key: problems name the column as the clerk sees it. */
export function headerOf(format: { columns: readonly SheetColumn[] }, key: string): string {
  return format.columns.find((c) => c.key === key)!.header;
}
