import type { FieldProblem } from '../graphql/errors';
import type { RowProblem } from './import-engine';
import { choiceCode, dateValue, flagValue, type SheetFormat } from './sheet-format';
import type { SheetRow } from './sheet-reader';

export type CellValue = string | boolean | null;

/**
 * A row's cells as values: text trimmed (empty → null), choices as their codes, dates as
 * `YYYY-MM-DD`, flags as booleans. A required cell left empty, a choice or flag that is none
 * of its values, is a problem naming the column and the value.
 */
export function parseCells(format: SheetFormat, row: SheetRow): { values: Record<string, CellValue>; problems: RowProblem[] } {
  const values: Record<string, CellValue> = {};
  const problems: RowProblem[] = [];
  const problem = (column: string, value: string, zh: string, en: string) => problems.push({ row: row.row, column, value, zh, en });
  for (const c of format.columns) {
    if (c.exportOnly) continue;
    const raw = (row.cells[c.key] ?? '').trim();
    if (!raw) {
      values[c.key] = c.kind === 'flag' ? false : null;
      if (c.required) problem(c.header, raw, `${c.header}不能为空`, `${c.header} (${c.key}) is required`);
      continue;
    }
    if (c.kind === 'choice') {
      const code = choiceCode(c, raw);
      if (code === undefined) {
        const labels = Object.values(c.choices ?? {});
        problem(c.header, raw, `${c.header}须为以下之一：${labels.join('、')}`, `${c.key} must be one of: ${labels.join(', ')} (or ${Object.keys(c.choices ?? {}).join(', ')})`);
      }
      values[c.key] = code ?? null;
    } else if (c.kind === 'flag') {
      const flag = flagValue(raw);
      if (flag === undefined) problem(c.header, raw, `${c.header}须填“是”或“否”`, `${c.key} must be 是 (yes) or 否 (no)`);
      values[c.key] = flag ?? false;
    } else if (c.kind === 'date') {
      values[c.key] = dateValue(raw);
    } else {
      values[c.key] = raw;
    }
  }
  return { values, problems };
}

/**
 * Field problems from the validation registration uses (fields `row.idNumber` …) as row
 * problems: the column named by its header, the value as it was in the file.
 */
export function rowProblems(format: SheetFormat, row: SheetRow, problems: readonly FieldProblem[], path = 'row'): RowProblem[] {
  return problems.map((p) => {
    const key = p.field.startsWith(`${path}.`) ? p.field.slice(path.length + 1) : null;
    const column = format.columns.find((c) => c.key === key);
    return { row: row.row, column: column?.header ?? null, value: column ? (row.cells[column.key] ?? '') : null, zh: p.zh, en: p.en };
  });
}
