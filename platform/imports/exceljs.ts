import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded when a workbook is first written: loading it costs about 0.4 s of CPU, and
 * most processes (and every test suite that writes no workbook) never need it.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
