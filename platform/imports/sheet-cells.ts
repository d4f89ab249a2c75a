import type { FieldProblem } from '../graphql/errors';
import type { RowProblem } from './import-engine';
import { isIsoDate } from '../graphql/validation';
import { choiceCode, dateValue, flagValue, type CellValue, type SheetFormat, type SheetValues } from './sheet-format';
import type { SheetRow } from './sheet-reader';

export type { CellValue } from './sheet-format';

const NOT_PLAIN_OR_CJK = /[^\x00-\x7f\u4e00-\u9fff]/;

/**
 * A cell with full-width and other compatibility forms of digits and Latin letters read as
 * plain ones (NFKC: `５３０６` → `5306`, `①` → `1`); Chinese text and punctuation stay as they are.
 */
export function plainDigits(value: string): string {
  // most cells are ASCII and Chinese characters (CJK Unified Ideographs, U+4E00–U+9FFF), none of
  // which NFKC turns into a digit or letter: those are returned as they are, without a look at each
  if (!NOT_PLAIN_OR_CJK.test(value)) return value;
  return value.replace(/[^\x00-\x7f]/gu, (ch) => {
    const plain = ch.normalize('NFKC');
    return /^[0-9A-Za-z]+$/.test(plain) ? plain : ch;
  });
}

/** What a problem adds when the cell was read with plain digits: the value as read. */
function normalisedNote(raw: string): { zh: string; en: string } {
  const plain = plainDigits(raw);
  return plain === raw ? { zh: '', en: '' } : { zh: `（全角或其他形式的数字、字母已按半角读取：${plain}）`, en: ` (full-width or other forms of digits and letters were read as ${plain})` };
}

/**
 * A row's cells as values: text trimmed (empty → null), choices as their codes, dates as
 * `YYYY-MM-DD`, flags as booleans. A required cell left empty, a choice or flag that is none
 * of its values, is a problem naming the column and the value.
 */
export function parseCells<Row extends SheetValues>(format: SheetFormat<Row>, row: SheetRow): { values: Row; problems: RowProblem[] } {
  const values: Record<string, CellValue> = {};
  const problems: RowProblem[] = [];
  const problem = (column: string, value: string, zh: string, en: string) => {
    const note = normalisedNote(value);
    problems.push({ row: row.row, column, value, zh: zh + note.zh, en: en + note.en });
  };
  for (const c of format.columns) {
    if (c.exportOnly) continue;
    const original = (row.cells[c.key] ?? '').trim();
    const raw = plainDigits(original);
    if (!raw) {
      values[c.key] = c.kind === 'flag' ? false : null;
      if (c.required) problem(c.header, original, `${c.header}不能为空`, `${c.header} is required`);
      continue;
    }
    if (c.kind === 'choice') {
      const code = choiceCode(c, raw);
      if (code === undefined) {
        const labels = Object.values(c.choices ?? {});
        problem(c.header, original, `${c.header}须为以下之一：${labels.join('、')}`, `${c.header} must be one of: ${labels.join(', ')} (or ${Object.keys(c.choices ?? {}).join(', ')})`);
      }
      values[c.key] = code ?? null;
    } else if (c.kind === 'flag') {
      const flag = flagValue(raw);
      if (flag === undefined) problem(c.header, original, `${c.header}须填“是”或“否”`, `${c.header} must be 是 (yes) or 否 (no)`);
      values[c.key] = flag ?? false;
    } else if (c.kind === 'date') {
      const date = dateValue(raw);
      // a date that does not exist is that, not a disagreement with whatever it is compared with next
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problem(c.header, original, `${c.header}须为日期，如 2021-06-15`, `${c.header} must be a date, e.g. 2021-06-15`);
      else if (!isIsoDate(date)) problem(c.header, original, `${c.header} ${date} 不存在：须为有效日期（该月没有这一天）`, `${c.header}: there is no such date as ${date}`);
      values[c.key] = date;
    } else {
      values[c.key] = raw;
    }
  }
  return { values: values as Row, problems }; // one value per column, of its kind: what the format's row type says
}

/**
 * Field problems from the validation registration uses (fields `row.idNumber` …) as row
 * problems: the column named by its header (in the English message too, instead of the field),
 * the value as it was in the file.
 */
export function rowProblems(format: SheetFormat, row: SheetRow, problems: readonly FieldProblem[], path = 'row'): RowProblem[] {
  return problems.map((p) => {
    const key = p.field.startsWith(`${path}.`) ? p.field.slice(path.length + 1) : null;
    const column = format.columns.find((c) => c.key === key);
    const value = column ? (row.cells[column.key] ?? '') : null;
    const note = normalisedNote(value ?? '');
    return { row: row.row, column: column?.header ?? null, value, zh: p.zh + note.zh, en: p.en + note.en };
  });
}

/**
 * Problems whose English messages name columns by their headers: a field (`row.registeredOn`)
 * anywhere, a column's key (`areaCode must be …`) where a message begins with it.
 */
export function namedColumns(format: SheetFormat, problems: RowProblem[]): RowProblem[] {
  const headerOf = (key: string) => format.columns.find((c) => c.key === key)?.header;
  return problems.map((p) => ({
    ...p,
    en: p.en
      .replace(/\brow\.(\w+)/g, (field, key: string) => headerOf(key) ?? field)
      .replace(/^(\w+)\b/, (word, key: string) => headerOf(key) ?? word),
  }));
}
