import { loadExcelJS } from '../../platform/imports/exceljs';
import { neutraliseFormula } from '../../platform/imports/formula-text';
import { cellValue, type Table } from './export-table';

const BOM = '\uFEFF';

/** A CSV field: quoted where needed; text that Excel would run as a formula prefixed with `'` (numbers stay numbers). */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV, UTF-8 with a byte-order mark (so Excel reads the Chinese headers correctly), CRLF lines. */
export function toCsv(table: Table): Buffer {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((row) => table.columns.map((c) => csvField(cellValue(row, c))))];
  return Buffer.from(BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** One worksheet: the Chinese headers in bold, then the rows (numbers stay numbers; text is written as text, never as a formula). */
export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || '导出');
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => cellValue(row, c)));
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(40, Math.max(10, table.columns[i].header.length * 2 + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
