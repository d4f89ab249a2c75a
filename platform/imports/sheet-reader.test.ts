import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { bufferSource, readSheet, SheetFileError, type SheetRow } from './sheet-reader';
import { choiceCode, dateValue, flagValue, sheetFormat, type SheetFormat } from './sheet-format';
import { parseCells } from './sheet-cells';
import { writeSheet } from './sheet-writer';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../config';
import { blankRowsWorkbook, sharedStringsBomb, sheetRows, workbook, zipWithoutWorkbook } from '../../bench/hostile-files';

const FORMAT: SheetFormat = {
  name: 'people',
  title: '人员',
  columns: [
    { key: 'idNumber', header: '身份证号', aliases: ['公民身份号码'], kind: 'text', required: true, note: '' },
    { key: 'name', header: '姓名', kind: 'text', required: true, note: '' },
    { key: 'mode', header: '安置方式', kind: 'choice', choices: { URBANISATION: '城镇化安置', SCATTERED: '分散安置' }, note: '' },
    { key: 'disabled', header: '残疾人', kind: 'flag', note: '' },
  ],
};

async function rows(fileName: string, content: Buffer): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of readSheet(FORMAT, bufferSource(fileName, content))) out.push(row);
  return out;
}

const CSV = '身份证号,姓名,安置方式,残疾人\r\n530622198001011234,张三,城镇化安置,是\r\n\r\n53062219800101123X,"李, 四",SCATTERED,\r\n';
const EXPECTED = [
  { row: 2, cells: { idNumber: '530622198001011234', name: '张三', mode: '城镇化安置', disabled: '是' } },
  { row: 4, cells: { idNumber: '53062219800101123X', name: '李, 四', mode: 'SCATTERED', disabled: '' } },
];

describe('reading registry sheets', () => {
  it('reads UTF-8 CSV with and without a BOM, and GB18030 (Chinese Excel’s “CSV”), to the same rows', async () => {
    expect(await rows('a.csv', Buffer.from(CSV))).toEqual(EXPECTED);
    expect(await rows('a.csv', Buffer.from('\ufeff' + CSV))).toEqual(EXPECTED);
    expect(await rows('a.csv', iconv.encode(CSV, 'gb18030'))).toEqual(EXPECTED);
  });

  it('decodes a GB18030 character split across two chunks of the stream', async () => {
    const bytes = iconv.encode(CSV, 'gb18030');
    const cut = bytes.indexOf(iconv.encode('张', 'gb18030')) + 1;
    const source = { fileName: 'a.csv', open: () => Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]) };
    const out: SheetRow[] = [];
    for await (const row of readSheet(FORMAT, source)) out.push(row);
    expect(out).toEqual(EXPECTED);
  });

  it('accepts English keys and aliases as headers, and names missing, repeated and unknown columns', async () => {
    expect(await rows('a.csv', Buffer.from('idNumber,NAME,mode\r\n1,王五,分散安置\r\n'))).toEqual([{ row: 2, cells: { idNumber: '1', name: '王五', mode: '分散安置' } }]);
    expect(await rows('a.csv', Buffer.from('公民身份号码 ,* 姓名\r\n1,王五\r\n'))).toEqual([{ row: 2, cells: { idNumber: '1', name: '王五' } }]);
    await expect(rows('a.csv', Buffer.from('姓名\r\n王五\r\n'))).rejects.toMatchObject({ zh: expect.stringMatching(/缺少必填列：身份证号/), column: '身份证号' });
    await expect(rows('a.csv', Buffer.from('身份证号,姓名,姓名\r\n'))).rejects.toMatchObject({ zh: expect.stringMatching(/“姓名”出现了两次/) });
    await expect(rows('a.csv', Buffer.from('身份证号,姓名,住址\r\n'))).rejects.toMatchObject({ zh: expect.stringMatching(/无法识别的列：住址/) });
    await expect(rows('a.xls', Buffer.from('x'))).rejects.toBeInstanceOf(SheetFileError);
  });

  it('reads XLSX: text cells as they are, an ID number stored as a number as Excel shows it (5.30622E+17)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['身份证号', '姓名', '安置方式']);
    sheet.addRow(['53062219800101123X', { richText: [{ text: '张' }, { text: '三' }] }, '城镇化安置']);
    sheet.addRow([530622198001011234, '李四', null]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await rows('a.xlsx', content)).toEqual([
      { row: 2, cells: { idNumber: '53062219800101123X', name: '张三', mode: '城镇化安置' } },
      { row: 3, cells: { idNumber: '5.30622E+17', name: '李四', mode: '' } },
    ]);
  });

  it('reads back what the writer writes, in both kinds', async () => {
    for (const kind of ['csv', 'xlsx'] as const) {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await writeSheet(FORMAT, kind, out, [{ idNumber: '53062219800101123X', name: '张 "三"', mode: 'URBANISATION', disabled: true }]);
      expect(await rows(`a.${kind}`, Buffer.concat(chunks))).toEqual([{ row: 2, cells: { idNumber: '53062219800101123X', name: '张 "三"', mode: '城镇化安置', disabled: '是' } }]);
    }
  });

  it('reads choices, flags and dates as clerks write them', () => {
    const mode = FORMAT.columns[2];
    expect([choiceCode(mode, '城镇化安置'), choiceCode(mode, 'scattered'), choiceCode(mode, '进城')]).toEqual(['URBANISATION', 'SCATTERED', undefined]);
    expect(['是', 'Y', '否', '', '也许'].map(flagValue)).toEqual([true, true, false, false, undefined]);
    expect(['2021-06-15', '2021/6/5', '2021.06.15', '20210615', '2021年6月5日', '15/06/2021'].map(dateValue))
      .toEqual(['2021-06-15', '2021-06-05', '2021-06-15', '2021-06-15', '2021-06-05', '15/06/2021']);
  });
});

describe('files that cannot be read', () => {
  it('say what is wrong with them', async () => {
    await expect(rows('a.csv', Buffer.from('身份证号,姓名\r\n1,"王五\r\n'))).rejects.toMatchObject({ zh: expect.stringMatching(/CSV 格式有误/) });
    await expect(rows('a.csv', Buffer.from(''))).rejects.toMatchObject({ zh: '文件是空的' });
    await expect(rows('a.xlsx', Buffer.from('not a zip'))).rejects.toMatchObject({ zh: expect.stringMatching(/无法读取该 Excel 文件/) });
  });
});

describe('encoding detection', () => {
  it('waits for the first non-ASCII byte, however far into the file', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `53062219800101${String(i).padStart(4, '0')},A${i}`).join('\r\n');
    const text = `身份证号,姓名\r\n${ascii}\r\n53062219800101123X,王五\r\n`.replace('身份证号,姓名', 'idNumber,name');
    const bytes = iconv.encode(text, 'gb18030');
    const source = { fileName: 'a.csv', open: () => Readable.from([bytes.subarray(0, 1024), bytes.subarray(1024)]) };
    const out: SheetRow[] = [];
    for await (const row of readSheet(FORMAT, source)) out.push(row);
    expect(out).toHaveLength(3001);
    expect(out[3000].cells.name).toBe('王五');
  });
});

describe('large workbooks', () => {
  it('keep Chinese text whole where the XML is cut into chunks (inline strings and a shared-string table)', async () => {
    const names = Array.from({ length: 4000 }, (_, i) => `张${'三李四王五'[i % 5]}${'华英明'[i % 3]}${i}`);
    const inline = new PassThrough();
    const chunks: Buffer[] = [];
    inline.on('data', (c: Buffer) => chunks.push(c));
    await writeSheet(FORMAT, 'xlsx', inline, names.map((name, i) => ({ idNumber: String(i), name, mode: 'URBANISATION' })));
    const workbook = new ExcelJS.Workbook(); // Excel's own way: a shared-string table
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['身份证号', '姓名', '安置方式']);
    names.forEach((name, i) => sheet.addRow([String(i), name, '城镇化安置']));
    for (const content of [Buffer.concat(chunks), Buffer.from(await workbook.xlsx.writeBuffer())]) {
      const read = await rows('a.xlsx', content);
      expect(read.map((r) => r.cells.name)).toEqual(names);
      expect(read.every((r) => r.cells.mode === '城镇化安置')).toBe(true);
    }
  });
});

describe('formulas', () => {
  const written = async (kind: 'csv' | 'xlsx', rows: Record<string, unknown>[]) => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeSheet(FORMAT, kind, out, rows);
    return Buffer.concat(chunks);
  };

  it('the writer neutralises text that begins like a formula (CSV: a leading quote; XLSX: a text cell), and the reader reads it back as it was', async () => {
    const names = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example","x")', '@SUM(A1)', '+1+2', '-3+4', '\t=1'];
    const csv = (await written('csv', names.map((name, i) => ({ idNumber: String(i), name })))).toString('utf8');
    for (const name of names) expect(csv).toContain(name.includes('"') ? `"'${name.replace(/"/g, '""')}"` : `'${name}`);
    const xlsx = await written('xlsx', names.map((name, i) => ({ idNumber: String(i), name })));
    const zip = await JSZip.loadAsync(xlsx);
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toMatch(/<f[ >]/);
    for (const [kind, content] of [['csv', Buffer.from(csv)], ['xlsx', xlsx]] as const) {
      expect((await rows(`a.${kind}`, content)).map((r) => r.cells.name)).toEqual(names.map((n) => n.trim()));
    }
  });

  it('refuses a formula cell, with a stored result or without, telling the clerk to paste values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['身份证号', '姓名']);
    sheet.addRow(['1', { formula: 'CONCAT("张","三")', result: '张三' }]);
    sheet.addRow(['2', { formula: 'A1&"x"' }]);
    sheet.addRow(['3', '李四']);
    const read = await rows('a.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read.map((r) => r.refused ?? [])).toEqual([
      [expect.objectContaining({ column: '姓名', value: '=CONCAT("张","三")', zh: expect.stringMatching(/是公式.*粘贴 → 数值/), en: expect.stringMatching(/paste it as values/) })],
      [expect.objectContaining({ column: '姓名', value: '=A1&"x"' })],
      [],
    ]);
    expect(read[2].cells.name).toBe('李四');
  });
});

describe('limits', () => {
  const LIMITS = { ...DEFAULT_IMPORT_LIMITS, maxRows: 50, maxColumns: 200, maxBlankRows: 1000 };
  const HEADERS = ['身份证号', '姓名'];
  const read = async (fileName: string, content: Buffer, limits: ImportLimits = LIMITS) => {
    const out: SheetRow[] = [];
    for await (const row of readSheet(FORMAT, bufferSource(fileName, content), limits)) out.push(row);
    return out;
  };
  const refusedFor = (limit: keyof ImportLimits, setting: string, figure: string | RegExp) => expect.objectContaining({
    limit, value: typeof figure === 'string' ? figure : expect.stringMatching(figure), zh: expect.stringContaining(setting), en: expect.stringContaining(setting),
  });

  it('a 1 MB shared-string table that inflates to 1 GB is stopped while inflating, and memory stays where it was', async () => {
    const bomb = sharedStringsBomb(HEADERS, 1024);
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      await expect(read('bomb.xlsx', bomb, DEFAULT_IMPORT_LIMITS)).rejects.toEqual(refusedFor('maxSharedStringsBytes', 'IMPORT_MAX_SHARED_STRINGS_MB', /^1,02\d MB$/));
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(300 * 1024 * 1024); // the table's limit (64 MB) and the parser's working set, not a gigabyte
  });

  it('a worksheet that inflates past the unzipped limit is stopped there, whatever the zip declares', async () => {
    const rows = Buffer.from('<row><c t="inlineStr"><is><t>1</t></is></c></row>'.repeat(20_000));
    const bomb = workbook({ head: Buffer.from(`<worksheet xmlns="x"><sheetData>${sheetRows([HEADERS])}`), chunk: rows, times: 200, tail: Buffer.from('</sheetData></worksheet>') });
    await expect(read('bomb.xlsx', bomb, { ...LIMITS, maxRows: 10_000_000, maxUnzippedBytes: 4 * 1024 * 1024 })).rejects.toEqual(refusedFor('maxUnzippedBytes', 'IMPORT_MAX_UNZIPPED_MB', /MB$/));
  });

  it('a zip without a workbook says so, not that the file is empty', async () => {
    await expect(read('a.xlsx', zipWithoutWorkbook(2))).rejects.toMatchObject({ zh: expect.stringMatching(/没有 Excel 工作簿/), en: expect.stringMatching(/no Excel workbook/) });
  });

  it('a header of 10,000 columns is refused in one short message naming the limit', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `列${i}`);
    for (const [name, content] of [['a.csv', Buffer.from(`${HEADERS.join(',')},${header.join(',')}\r\n1,2\r\n`)], ['a.xlsx', workbook(sheetRows([[...HEADERS, ...header], ['1', '2']]))]] as const) {
      const error = await read(name, content).catch((e: SheetFileError) => e);
      expect(error).toEqual(refusedFor('maxColumns', 'IMPORT_MAX_COLUMNS', '10,002'));
      expect((error as SheetFileError).zh.length + (error as SheetFileError).en.length).toBeLessThan(200);
    }
    // under the column limit, unknown columns are named five at most
    const unknown = await read('a.csv', Buffer.from(`${HEADERS.join(',')},${header.slice(0, 150).join(',')}\r\n`)).catch((e: SheetFileError) => e);
    expect((unknown as SheetFileError).en).toMatch(/列0, 列1, 列2, 列3, 列4, … \(150\)$/);
  });

  it('a file over the row limit is refused at the first row past it', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i},王${i}`);
    await expect(read('a.csv', Buffer.from(`${HEADERS.join(',')}\r\n${lines.join('\r\n')}\r\n`))).rejects.toEqual(refusedFor('maxRows', 'IMPORT_MAX_ROWS', '> 50'));
    expect(await read('a.csv', Buffer.from(`${HEADERS.join(',')}\r\n${lines.slice(0, 50).join('\r\n')}\r\n`))).toHaveLength(50);
  });

  it('a run of blank rows ends the sheet: in a workbook, and in a CSV', async () => {
    const rows = [['1', '张三'], ['2', '李四']];
    const xlsx = blankRowsWorkbook(HEADERS, rows, 5_000, [['3', '王五']]);
    expect((await read('a.xlsx', xlsx)).map((r) => r.cells.name)).toEqual(['张三', '李四']);
    expect((await read('a.xlsx', blankRowsWorkbook(HEADERS, rows, 999, [['3', '王五']]))).map((r) => r.cells.name)).toEqual(['张三', '李四', '王五']);
    const csv = `${HEADERS.join(',')}\r\n1,张三\r\n${',\r\n'.repeat(5_000)}3,王五\r\n`;
    expect((await read('a.csv', Buffer.from(csv))).map((r) => r.cells.name)).toEqual(['张三']);
  });

  it('a cell over the cell limit is refused on its row with its value cut; a 50 MB one is refused without being kept', async () => {
    const long = '长'.repeat(40_000);
    for (const [name, content] of [
      ['a.csv', Buffer.from(`${HEADERS.join(',')}\r\n1,${long}\r\n2,王五\r\n`)],
      ['a.xlsx', workbook(sheetRows([HEADERS, ['1', long], ['2', '王五']]))],
    ] as const) {
      const [first, second] = await read(name, content);
      expect(first.refused).toEqual([expect.objectContaining({ column: '姓名', zh: expect.stringMatching(/40,000 个字符，超过单元格上限 32,767/) })]);
      expect(first.refused![0].value.length).toBeLessThan(300);
      expect(second).toMatchObject({ cells: { name: '王五' } });
    }
    const huge = Buffer.from(`${HEADERS.join(',')}\r\n1,${'x'.repeat(50 * 1024 * 1024)}\r\n`);
    const error = await read('a.csv', huge).catch((e: SheetFileError) => e);
    expect(error).toEqual(refusedFor('maxCellChars', 'IMPORT_MAX_CELL_CHARS', /^> /));
    expect((error as SheetFileError).zh.length).toBeLessThan(200);
  });

  it('data in a column without a header is a problem of its row, not ignored', async () => {
    const [row] = await read('a.csv', Buffer.from(`${HEADERS.join(',')}\r\n1,张三,,多余\r\n`));
    expect(row.refused).toEqual([expect.objectContaining({ column: 'D 列', value: '多余', zh: expect.stringMatching(/没有表头/), en: expect.stringMatching(/Column D has no header/) })]);
  });
});

describe('typed rows', () => {
  it('a sheet declared with sheetFormat gives rows typed by its columns (checked by the compiler)', () => {
    const format = sheetFormat({
      name: 'typed', title: '类型',
      columns: [
        { key: 'code', header: '编号', kind: 'code', required: true, note: '' },
        { key: 'mode', header: '方式', kind: 'choice', choices: { URBANISATION: '城镇化安置', SCATTERED: '分散安置' }, note: '' },
        { key: 'flag', header: '标志', kind: 'flag', note: '' },
        { key: 'shown', header: '仅导出', kind: 'text', exportOnly: true, note: '' },
      ],
    });
    const { values, problems } = parseCells(format, { row: 2, cells: { code: 'A1', mode: '分散安置', flag: '是' } });
    const code: string = values.code;
    const mode: 'URBANISATION' | 'SCATTERED' | null = values.mode;
    const flag: boolean = values.flag;
    // @ts-expect-error export-only columns are not read
    void values.shown;
    // @ts-expect-error a column the sheet does not have
    void values.nothing;
    expect({ code, mode, flag, problems }).toEqual({ code: 'A1', mode: 'SCATTERED', flag: true, problems: [] });
  });
});
