import { PassThrough } from 'node:stream';
import { HOUSEHOLDS_SHEET } from '../subgraphs/households/imports/households.sheet';
import { PERSONS_SHEET } from '../subgraphs/households/imports/persons.sheet';
import { makeIdNumber } from '../platform/domain/id-number';
import type { SheetFormat } from '../platform/imports/sheet-format';
import { writeSheet } from '../platform/imports/sheet-writer';

/** Registry files the import tests build: rows by Chinese header, as a clerk fills the template. */

export type SheetRowText = Record<string, string>;

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CSV text with the sheet's Chinese headers (or `headers`), one line per row. */
export function csvText(format: SheetFormat, rows: SheetRowText[], headers = format.columns.map((c) => c.header)): string {
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** An XLSX file of the rows (values by Chinese header), made with the writer the exports use. */
export async function xlsxFile(format: SheetFormat, rows: SheetRowText[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const byKey = rows.map((r) => Object.fromEntries(format.columns.map((c) => [c.key, r[c.header] ?? ''])));
  await writeSheet({ ...format, columns: format.columns.map((c) => ({ ...c, kind: 'text' as const })) }, 'xlsx', out, byKey);
  return Buffer.concat(chunks);
}

let sequence = 0;

/** A fresh valid ID number (area 532101, outside the demo's), of the sex asked. */
export function freshId(birthDate: string, male: boolean): string {
  sequence++;
  return makeIdNumber('532101', birthDate, sequence * 2 + (male ? 1 : 0));
}

/** An ID number whose check character is X (for the lost-X case). */
export function idEndingInX(): string {
  for (;;) {
    const id = freshId('1970-05-06', true);
    if (id.endsWith('X')) return id;
  }
}

export function householdRow(registryNo: string, areaCode: string, originalAreaCode: string, overrides: SheetRowText = {}): SheetRowText {
  return {
    登记编号: registryNo, 电站: '白鹤滩', 原居住地区划代码: originalAreaCode, 现居住地区划代码: areaCode,
    搬迁安置方式: '城镇化安置', 住房建设方式: '统建', 登记日期: '2020-03-01', 搬迁完成日期: '2021-06-15', ...overrides,
  };
}

/** A household's three members: a head, a spouse, a child. */
export function memberRows(registryNo: string): SheetRowText[] {
  return [
    { 登记编号: registryNo, 姓名: '张国华', 身份证号: freshId('1975-04-09', true), 民族: '彝族', 与户主关系: '户主', 联系电话: '13812345678', 生产安置方式: '逐年补偿' },
    { 登记编号: registryNo, 姓名: '李秀英', 身份证号: freshId('1978-11-20', false), 性别: '女', 出生日期: '1978-11-20', 民族: '汉族', 与户主关系: '配偶', 生产安置方式: '自谋职业' },
    { 登记编号: registryNo, 姓名: '张小明', 身份证号: freshId('2012-02-03', true), 民族: '彝族', 与户主关系: '子女', 生产安置方式: '其他', 留守儿童: '是' },
  ];
}

export { HOUSEHOLDS_SHEET, PERSONS_SHEET };

/** A reported problem as the API returns it. */
export interface ReportedProblem {
  row: number;
  column: string | null;
  value: string | null;
  messageZh: string;
  messageEn: string;
}

/**
 * The report of a file with one bad row holds exactly one problem: that row (when given), that
 * column, the value as it was in the file (text or pattern), the Chinese message, an English one.
 */
export function expectOnlyProblem(problems: ReportedProblem[], expected: { row?: number; column: string; value?: string | RegExp; message: RegExp }): void {
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  expect(problem).toMatchObject({ ...(expected.row === undefined ? {} : { row: expected.row }), column: expected.column });
  if (expected.value !== undefined) expect(problem.value).toEqual(typeof expected.value === 'string' ? expected.value : expect.stringMatching(expected.value));
  expect(problem.messageZh).toMatch(expected.message);
  expect(problem.messageEn).toMatch(/[a-z]/);
}
