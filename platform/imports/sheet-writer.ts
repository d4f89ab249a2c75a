import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './exceljs';
import { cellText, FLAG_FALSE, FLAG_TRUE, type SheetColumn, type SheetFormat } from './sheet-format';
import { columnLetter, type SheetKind } from './sheet-reader';
import { neutraliseFormula } from './formula-text';

/** Rows the data validation lists of a template (and an export) cover. */
const VALIDATED_ROWS = 200_000;

export const CONTENT_TYPES: Record<SheetKind, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A CSV cell: quoted where needed; text that Excel would run as a formula prefixed with `'`. */
function csvCell(text: string, value: unknown = text): string {
  if (typeof value !== 'number') text = neutraliseFormula(text);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}


function listOf(column: SheetColumn): string[] | undefined {
  if (column.kind === 'choice') return Object.values(column.choices ?? {});
  if (column.kind === 'flag') return [FLAG_TRUE, FLAG_FALSE];
  return undefined;
}

async function writeXlsx(format: SheetFormat, out: Writable, rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>): Promise<number> {
  const workbook = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(format.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = format.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, c.header.length * 2 + 4, c.kind === 'code' || c.kind === 'text' ? 20 : 0),
    // text columns stay text: Excel must not turn an 18-digit ID number into 5.30622E+17
    style: c.kind === 'text' || c.kind === 'code' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  format.columns.forEach((c, i) => {
    const list = listOf(c);
    const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
    const letter = columnLetter(i);
    if (list) {
      validations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从列表中选择 · Choose from the list`,
      });
    }
  });
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    // every cell a string (or a number in a number column): never a formula, whatever it begins with
    const cells = format.columns.map((c) => (c.kind === 'number' && typeof row[c.key] === 'number' ? row[c.key] as number : cellText(c, row[c.key])));
    sheet.addRow(cells).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

async function writeCsv(format: SheetFormat, out: Writable, rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>): Promise<number> {
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  // a BOM, so that Excel opens the UTF-8 file with its Chinese intact
  await write('\ufeff' + format.columns.map((c) => csvCell(c.header)).join(',') + '\r\n');
  let count = 0;
  for await (const row of rows) {
    await write(format.columns.map((c) => csvCell(cellText(c, row[c.key]), row[c.key])).join(',') + '\r\n');
    count++;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return count;
}

/**
 * Writes a sheet (header row, then `rows` by column key, enum codes as their Chinese labels) as
 * CSV (UTF-8 with BOM) or XLSX (text columns formatted as text, enum columns with drop-down
 * lists), streaming. With no rows it is the sheet's template. Ends `out`; returns the row count.
 */
export function writeSheet(format: SheetFormat, kind: SheetKind, out: Writable, rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>> = []): Promise<number> {
  return kind === 'csv' ? writeCsv(format, out, rows) : writeXlsx(format, out, rows);
}
