import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { createTestEnvironment, engines, type TestEnvironment } from './environment';
import { registryCommand } from '../scripts/registry-files';
import { householdsImport } from '../subgraphs/households/imports/households.sheet';
import { personsImport } from '../subgraphs/households/imports/persons.sheet';
import { runSheetImport, type SheetImport } from '../platform/imports/import-engine';
import { Scope } from '../platform/security/scope';
import { bufferSource } from '../platform/imports/sheet-reader';
import {
  csvText, expectOnlyProblem, freshId, householdRow, HOUSEHOLDS_SHEET, idEndingInX, memberRows, PERSONS_SHEET, xlsxFile, type SheetRowText,
} from './import-files';
import { sharedStringsBomb, zipWithoutWorkbook } from '../bench/hostile-files';

const { qiaojia, prefecture, analyst, wenbi } = DEMO_IDENTITIES;
const SCALE = 0.005;

const IMPORT = `mutation ($input: ImportFileInput!) { importRegistryFile(input: $input) {
  id status commit rowsRead rowsValidated rowsWritten inserted updated unchanged rejected problemCount reportPath(kind: CSV) } }`;
const PROBLEMS = `query ($id: ID!, $after: String) { importProblems(importId: $id, first: 200, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { row column value messageZh messageEn } } }`;

type Identity = (typeof DEMO_IDENTITIES)[string];

describe.each(engines("the import writes in bulk on the owner's connection, through the change-history triggers"))('registry file import (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let group: string; // a Wenbi resident group
  let village: string; // a Qiaojia village, as an original area
  let schema: string;
  let base: string;
  let numbers = 0;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
  const registryNo = () => `530622-IMP-${String(++numbers).padStart(6, '0')}`;

  async function upload(as: Identity, sheet: 'HOUSEHOLDS' | 'PERSONS', fileName: string, content: string | Buffer, options: { commit?: boolean; wait?: boolean } = {}) {
    const contentBase64 = Buffer.from(content).toString('base64');
    const res = await env.query(as, IMPORT, { input: { sheet, fileName, contentBase64, commit: options.commit ?? false, wait: options.wait ?? true } });
    return { errors: res.errors, run: res.data?.importRegistryFile };
  }

  async function problemsOf(as: Identity, id: string) {
    const res = await env.query(as, PROBLEMS, { id });
    expect(res.errors).toBeUndefined();
    return res.data.importProblems.nodes as { row: number; column: string | null; value: string | null; messageZh: string; messageEn: string }[];
  }

  /** Every registry row, as text: equal before and after means nothing was written. */
  async function fingerprint(): Promise<string> {
    const [row] = await env.subgraphs.households.dataSource.query(
      `SELECT (SELECT md5(string_agg(h::text, '|' ORDER BY h.id)) FROM "${schema}".household h) AS households,
              (SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM "${schema}".person p) AS persons`);
    return `${row.households}/${row.persons}`;
  }

  async function download(as: Identity | null, route: string): Promise<{ status: number; body: Buffer; type: string | null }> {
    const headers: Record<string, string> = as ? { authorization: `Bearer ${await env.token(as)}` } : {};
    const res = await fetch(base + route, { headers });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') };
  }

  /** Registers a new household with its three members through the import. */
  async function newHousehold(): Promise<{ registryNo: string; members: SheetRowText[] }> {
    const no = registryNo();
    const h = await upload(qiaojia, 'HOUSEHOLDS', 'h.csv', csvText(HOUSEHOLDS_SHEET, [householdRow(no, group, village)]), { commit: true });
    expect(h.run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
    const members = memberRows(no);
    const p = await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, members), { commit: true });
    expect(p.run).toMatchObject({ status: 'COMMITTED', inserted: 3 });
    return { registryNo: no, members };
  }

  beforeAll(async () => {
    data = generateDemoData({ scale: SCALE });
    env = await createTestEnvironment({ engine, scale: SCALE, subgraphs: ['households'] });
    schema = (env.subgraphs.households.dataSource.driver.options as unknown as { schema: string }).schema;
    base = env.gateway.url.replace(/\/graphql$/, '');
    group = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.wenbi))!.code;
    village = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia)!.original_area_code;
  });
  afterAll(async () => {
    await env?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('serves templates: Chinese headers, the ID column as text, drop-down lists for enums', async () => {
    const res = await download(null, '/imports/templates/persons.xlsx');
    expect(res.status).toBe(200);
    // read the workbook's XML itself: what Excel will see
    const zip = await JSZip.loadAsync(res.body);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const headerRow = /<row r="1"[^>]*>(.*?)<\/row>/.exec(sheet)![1];
    expect([...headerRow.matchAll(/<(?:t|v)>([^<]*)<\/(?:t|v)>/g)].map((m) => m[1])).toEqual(PERSONS_SHEET.columns.map((c) => c.header));
    const idColumn = PERSONS_SHEET.columns.findIndex((c) => c.key === 'idNumber') + 1;
    const attribute = (tag: string, name: string) => new RegExp(`${name}="(\\d+)"`).exec(tag)?.[1];
    const col = sheet.match(/<col [^>]*>/g)!.find((tag) => Number(attribute(tag, 'min')) <= idColumn && idColumn <= Number(attribute(tag, 'max')))!;
    const formats = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)![1].match(/<xf [^>]*>/g)!;
    expect(formats[Number(attribute(col, 'style'))]).toContain('numFmtId="49"'); // 49 is Excel's built-in “@” (text)
    const relation = String.fromCharCode(64 + PERSONS_SHEET.columns.findIndex((c) => c.key === 'relation') + 1);
    expect(sheet).toMatch(new RegExp(`sqref="${relation}2:${relation}\\d+"><formula1>&quot;户主,配偶,子女`));
    expect((await download(null, '/imports/templates/nothing.xlsx')).status).toBe(400);
  });

  it('dry-runs by default, commits in one go, and a second import of the same file changes nothing', async () => {
    const no = registryNo();
    const households = csvText(HOUSEHOLDS_SHEET, [householdRow(no, group, village)]);
    const before = await fingerprint();
    const dry = await upload(qiaojia, 'HOUSEHOLDS', 'households.csv', households);
    expect(dry.errors).toBeUndefined();
    expect(dry.run).toMatchObject({ status: 'VALIDATED', commit: false, rowsRead: 1, inserted: 1, updated: 0, unchanged: 0, rejected: 0, rowsWritten: 0 });
    expect(await fingerprint()).toBe(before);
    expect((await upload(qiaojia, 'HOUSEHOLDS', 'households.csv', households, { commit: true })).run).toMatchObject({ status: 'COMMITTED', inserted: 1, rowsWritten: 1 });

    const persons = csvText(PERSONS_SHEET, memberRows(no));
    expect((await upload(qiaojia, 'PERSONS', 'persons.csv', persons, { commit: true })).run).toMatchObject({ status: 'COMMITTED', inserted: 3 });
    const after = await fingerprint();
    const again = await upload(qiaojia, 'PERSONS', 'persons.csv', persons, { commit: true });
    expect(again.run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 0, unchanged: 3, rowsWritten: 0 }); // nothing to write: nothing written
    expect((await upload(qiaojia, 'HOUSEHOLDS', 'households.csv', households, { commit: true })).run).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await fingerprint()).toBe(after);

    const res = await env.query(qiaojia, `{ persons(filter: { search: "张小明" }, first: 200) { nodes { household { registryNo head { name } } leftBehindChild } } }`);
    const child = res.data.persons.nodes.find((p: { household: { registryNo: string } }) => p.household.registryNo === no);
    expect(child).toEqual({ household: { registryNo: no, head: { name: '张国华' } }, leftBehindChild: true });
  });

  it('a commit of many chunks writes them in order, each row with its change; a problem in a later chunk undoes the earlier ones', async () => {
    const dataSource = env.subgraphs.households.dataSource;
    const scope = Scope.of(qiaojia);
    const commit = (sheet: () => SheetImport<unknown>, text: string, writeSource: string) => runSheetImport({
      dataSource, source: bufferSource('chunks.csv', Buffer.from(text)), sheet, commit: true, writeSource, chunkSize: 2,
      onProblems: async () => undefined, onProgress: async () => undefined,
    });
    const nos = [registryNo(), registryNo(), registryNo()];
    const households = await commit(() => householdsImport(scope), csvText(HOUSEHOLDS_SHEET, nos.map((no) => householdRow(no, group, village))), 'import chunks-1');
    expect(households).toMatchObject({ status: 'COMMITTED', inserted: 3, rowsWritten: 3 });
    const members = nos.flatMap((no) => memberRows(no)); // 9 rows: chunks of 2, 2, 2, 2, 1
    const before = await fingerprint();
    // a household that does not exist, found when the last chunk is planned; and a repeated ID number, found while reading
    for (const bad of [{ ...members[8], 登记编号: registryNo() }, { ...members[8], 身份证号: members[0].身份证号 }]) {
      const rejected = await commit(() => personsImport(scope), csvText(PERSONS_SHEET, [...members.slice(0, 8), bad]), 'import chunks-2');
      expect(rejected).toMatchObject({ status: 'REJECTED', rejected: 1, rowsWritten: 0 });
      expect(await fingerprint()).toBe(before);
    }
    expect(await commit(() => personsImport(scope), csvText(PERSONS_SHEET, members), 'import chunks-3')).toMatchObject({ status: 'COMMITTED', inserted: 9, rowsWritten: 9 });
    const logged: { operation: string; n: string }[] = await dataSource.query(
      `SELECT operation, count(*) AS n FROM "${schema}".change_log WHERE source = 'import chunks-3' AND table_name = 'person' GROUP BY operation`);
    expect(logged.map((l) => [l.operation, Number(l.n)])).toEqual([['INSERT', 9]]);
    const heads: { registry_no: string; name: string }[] = await dataSource.query(
      `SELECT h.registry_no, p.name FROM "${schema}".household h JOIN "${schema}".person p ON p.id = h.head_id WHERE h.registry_no = ANY($1) ORDER BY 1`, [nos]);
    expect(heads).toEqual(nos.map((no) => ({ registry_no: no, name: '张国华' })));
  });

  it('a corrected file updates exactly the rows that changed', async () => {
    const { registryNo: no, members } = await newHousehold();
    const corrected = members.map((m) => ({ ...m }));
    corrected[1].联系电话 = '13987654321';
    corrected[2].生产安置方式 = 'SELF_EMPLOYMENT'; // an English code is accepted too
    const run = (await upload(qiaojia, 'PERSONS', 'corrected.csv', csvText(PERSONS_SHEET, corrected), { commit: true })).run;
    expect(run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 2, unchanged: 1 });
    const rows = await env.subgraphs.households.dataSource.query(
      `SELECT p.id_number, p.phone, p.production_mode FROM "${schema}".person p JOIN "${schema}".household h ON h.id = p.household_id WHERE h.registry_no = $1`, [no]);
    const byId = new Map(rows.map((r: { id_number: string }) => [r.id_number, r]));
    expect(byId.get(members[0].身份证号)).toMatchObject({ phone: '13812345678', production_mode: 'ANNUAL_COMPENSATION' });
    expect(byId.get(members[1].身份证号)).toMatchObject({ phone: '13987654321', production_mode: 'SELF_EMPLOYMENT' });
    expect(byId.get(members[2].身份证号)).toMatchObject({ phone: null, production_mode: 'SELF_EMPLOYMENT' });
  });

  it('a flag that went out of date as a person aged stays accepted; setting it anew is refused', async () => {
    const { members } = await newHousehold();
    // ten years on, the left-behind child of the file is a grown-up: as if the registry had aged
    await env.subgraphs.households.dataSource.query(`UPDATE "${schema}".person SET birth_date = '1990-02-03' WHERE id_number = $1`, [members[2].身份证号]);
    const aged = { ...members[2], 身份证号: members[2].身份证号, 出生日期: '' };
    const grownUp = freshId('1990-02-03', true);
    await env.subgraphs.households.dataSource.query(`UPDATE "${schema}".person SET id_number = $1 WHERE id_number = $2`, [grownUp, members[2].身份证号]);
    const again = await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, [members[0], members[1], { ...aged, 身份证号: grownUp }]), { commit: true });
    expect(again.run).toMatchObject({ status: 'COMMITTED', unchanged: 3 });
    const other = memberRows(members[0].登记编号)[2];
    const fresh = { ...other, 身份证号: freshId('1990-02-03', true), 与户主关系: '子女' };
    const refused = await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, [fresh]), { commit: true });
    expect(refused.run).toMatchObject({ status: 'REJECTED' });
    expect(await problemsOf(qiaojia, refused.run.id)).toEqual([expect.objectContaining({ row: 2, column: '留守儿童', messageZh: expect.stringMatching(/留守儿童须未满 16 周岁/) })]);
  });

  describe('every kind of bad row is reported precisely and nothing is written', () => {
    let household: string;
    let head: SheetRowText;
    let spouse: SheetRowText;
    let otherCountyHousehold: string;
    let registeredElsewhere: { idNumber: string; registryNo: string };

    beforeAll(async () => {
      const created = await newHousehold();
      household = created.registryNo;
      [head, spouse] = created.members;
      otherCountyHousehold = data.households.find((h) => h.county_code === DEMO_AREAS.suijiang)!.registry_no;
      const person = data.persons.find((p) => p.county_code === DEMO_AREAS.qiaojia)!;
      registeredElsewhere = { idNumber: person.id_number, registryNo: data.households.find((h) => h.id === person.household_id)!.registry_no };
    });

    const female = (id: string) => Number(id[16]) % 2 === 0;
    const cases: [string, () => SheetRowText[], string, string | RegExp, RegExp][] = [
      ['a required cell left empty', () => [head, { ...spouse, 姓名: '' }], '姓名', '', /姓名不能为空/],
      ['a value not in the list', () => [head, { ...spouse, 生产安置方式: '种地' }], '生产安置方式', '种地', /生产安置方式须为以下之一：逐年补偿/],
      ['a flag that is not 是/否', () => [head, { ...spouse, 留守老人: '可能' }], '留守老人', '可能', /“是”或“否”/],
      ['a wrong ID check character', () => [head, { ...spouse, 身份证号: spouse.身份证号.slice(0, 17) + (spouse.身份证号[17] === '1' ? '2' : '1') }], '身份证号', /^532101/, /校验位不符/],
      ['an ID number Excel turned into a float', () => [head, { ...spouse, 身份证号: '5.30622E+17' }], '身份证号', '5.30622E+17', /科学计数法.*设为“文本”/],
      ['an ID number that lost its trailing X', () => {
        const id = idEndingInX();
        return [head, { ...spouse, 身份证号: id.slice(0, 17), 性别: '', 出生日期: '' }];
      }, '身份证号', /^\d{17}$/, /末位 X/],
      ['a sex that contradicts the ID number', () => [head, { ...spouse, 性别: female(spouse.身份证号) ? '男' : '女' }], '性别', /^[男女]$/, /性别与身份证号不符/],
      ['a birth date that contradicts the ID number', () => [head, { ...spouse, 出生日期: '1978-11-21' }], '出生日期', '1978-11-21', /出生日期与身份证号中的出生日期不符/],
      ['an unknown ethnic group', () => [head, { ...spouse, 民族: '火星族' }], '民族', '火星族', /民族须为 56 个民族之一/],
      ['a household that does not exist', () => [head, { ...spouse, 登记编号: '530622-NOPE-0001', 身份证号: freshId('1978-11-20', false) }], '登记编号', '530622-NOPE-0001', /不存在：请先导入移民户表/],
      ['a household of another county (jurisdiction)', () => [head, { ...spouse, 登记编号: otherCountyHousehold, 身份证号: freshId('1978-11-20', false) }], '登记编号', /^530626/, /530626-.*属于其他县（区、市），不在您的管辖范围内/],
      ['an ID number registered in another household', () => [head, { ...spouse, 身份证号: registeredElsewhere.idNumber, 性别: '', 出生日期: '' }], '身份证号', /^53\d{16}$/, /已登记在移民户 [^，]*，本表第 3 行又登记在/],
      ['an ID number registered in another county, out of sight', () => [head, { ...spouse, 身份证号: data.persons.find((p) => p.county_code === DEMO_AREAS.suijiang)!.id_number, 性别: '', 出生日期: '' }], '身份证号', /^53\d{16}$/, /已在绥江县登记（不在您的管辖范围内）/],
      ['the same ID number twice in the file', () => [head, { ...spouse, 身份证号: head.身份证号, 性别: '', 出生日期: '' }], '身份证号', /^532101/, /与第 2 行重复/],
      ['a second head', () => [head, { ...spouse, 与户主关系: '户主' }], '与户主关系', '户主', /第 2 行已有户主/],
      ['a name a spreadsheet would run as a formula', () => [head, { ...spouse, 姓名: "=cmd|' /C calc'!A0" }], '姓名', "=cmd|' /C calc'!A0", /姓名不能以 = \+ - @ 开头/],
      ['a name beginning with @', () => [head, { ...spouse, 姓名: '@SUM(1+1)' }], '姓名', '@SUM(1+1)', /姓名不能以 = \+ - @ 开头/],
      ['a name with a control character', () => [head, { ...spouse, 姓名: '李\u0007秀英' }], '姓名', '李\u0007秀英', /姓名含有控制字符/],
      ['a birth date that does not exist', () => [head, { ...spouse, 出生日期: '2023-02-30' }], '出生日期', '2023-02-30', /出生日期 2023-02-30 不存在/],
      ['an ID number in full-width digits with a wrong check character', () => {
        const wrong = spouse.身份证号.slice(0, 17) + (spouse.身份证号[17] === '1' ? '2' : '1');
        return [head, { ...spouse, 身份证号: wrong.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) }];
      }, '身份证号', /^５３２１０１/, /校验位不符.*已按半角读取：532101/],
      ['a left-behind child aged 47', () => [head, { ...spouse, 留守儿童: '是' }], '留守儿童', '是', /留守儿童须未满 16 周岁/],
    ];

    it.each(cases)('%s', async (_label, rows, column, value, message) => {
      const before = await fingerprint();
      const { run, errors } = await upload(qiaojia, 'PERSONS', 'bad.csv', csvText(PERSONS_SHEET, rows()), { commit: true });
      expect(errors).toBeUndefined();
      expect(run).toMatchObject({ status: 'REJECTED', rejected: 1, rowsWritten: 0 });
      const problems = await problemsOf(qiaojia, run.id);
      expectOnlyProblem(problems, { row: 3, column, value, message });
      expect(problems[0].messageEn).not.toMatch(/\brow\.\w/); // English messages name the column, not a field
      expect(await fingerprint()).toBe(before);
    });

    const householdCases: [string, (no: string) => SheetRowText, string, RegExp][] = [
      ['a date that is not in the calendar', (no) => householdRow(no, group, village, { 登记日期: '2020-02-30' }), '登记日期', /登记日期 2020-02-30 不存在/],
      ['an unknown resident group', (no) => householdRow(no, '530622999999999', village), '现居住地区划代码', /居民小组 530622999999999 不存在/],
      ['a resident group of another county (jurisdiction)', (no) => householdRow(no, data.areas.find((a) => a.level === 'GROUP' && a.county_code === DEMO_AREAS.suijiang)!.code, village), '现居住地区划代码', /不在您的管辖范围内/],
      ['an unknown station', (no) => householdRow(no, group, village, { 电站: '三峡' }), '电站', /电站须为以下之一：白鹤滩、溪洛渡、向家坝/],
      ['a relocation date that does not exist', (no) => householdRow(no, group, village, { 搬迁完成日期: '2021-02-30' }), '搬迁完成日期', /2021-02-30 不存在/],
      ['a registry number that is not one', (no) => householdRow(no, group, village, { 登记编号: 'a b' }), '登记编号', /登记编号须为 4–32 位/],
    ];

    it.each(householdCases)('households sheet: %s', async (_label, row, column, message) => {
      const before = await fingerprint();
      const good = householdRow(registryNo(), group, village);
      const { run } = await upload(qiaojia, 'HOUSEHOLDS', 'bad.csv', csvText(HOUSEHOLDS_SHEET, [good, row(registryNo())]), { commit: true });
      expect(run).toMatchObject({ status: 'REJECTED', rejected: 1, inserted: 1, rowsWritten: 0 });
      const problems = await problemsOf(qiaojia, run.id);
      expect(problems).toEqual([expect.objectContaining({ row: 3, column, messageZh: expect.stringMatching(message), messageEn: expect.stringContaining(column) })]);
      expect(problems[0].messageEn).not.toMatch(/\brow\.\w|registryNo|registeredOn|relocatedOn/);
      expect(await fingerprint()).toBe(before);
    });

    it('a file without a required column is refused at its header row', async () => {
      const headers = PERSONS_SHEET.columns.map((c) => c.header).filter((h) => h !== '身份证号');
      const { run } = await upload(qiaojia, 'PERSONS', 'bad.csv', csvText(PERSONS_SHEET, [head], headers), { commit: true });
      expect(run).toMatchObject({ status: 'REJECTED', rowsRead: 0 });
      expect(await problemsOf(qiaojia, run.id)).toEqual([expect.objectContaining({ row: 1, column: '身份证号', messageZh: expect.stringMatching(/缺少必填列：身份证号/) })]);
    });

    it('the error report pages through the API and downloads as CSV with row, column, value and both messages', async () => {
      const rows = [head, ...Array.from({ length: 5 }, () => ({ ...spouse, 身份证号: '5.30622E+17' }))];
      const { run } = await upload(qiaojia, 'PERSONS', 'many.csv', csvText(PERSONS_SHEET, rows));
      expect(run).toMatchObject({ status: 'REJECTED', rejected: 5, problemCount: 5 });
      const page = await env.query(qiaojia, `query ($id: ID!) { importProblems(importId: $id, first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { row } } }`, { id: run.id });
      expect(page.data.importProblems).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true }, nodes: [{ row: 3 }, { row: 4 }] });
      const next = await env.query(qiaojia, `query ($id: ID!, $after: String) { importProblems(importId: $id, first: 5, after: $after) { nodes { row } } }`, { id: run.id, after: page.data.importProblems.pageInfo.endCursor });
      expect(next.data.importProblems.nodes.map((n: { row: number }) => n.row)).toEqual([5, 6, 7]);

      const csv = await download(qiaojia, run.reportPath);
      expect(csv.status).toBe(200);
      const lines = csv.body.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
      expect(lines[0]).toBe('行号,列名,原值,错误说明,Message');
      expect(lines).toHaveLength(6);
      expect(lines[1]).toMatch(/^3,身份证号,5\.30622E\+17,身份证号被 Excel 转成了科学计数法.*,Excel turned the ID number into a float/);
      expect((await download(DEMO_IDENTITIES.suijiang, run.reportPath)).status).toBe(403);
      expect((await download(qiaojia, run.reportPath.replace('.csv', '.xlsx'))).type).toMatch(/spreadsheetml/);
    });
  });

  describe('the right reason', () => {
    it('reads full-width digits as plain ones, and stores them so', async () => {
      const no = registryNo();
      await upload(qiaojia, 'HOUSEHOLDS', 'h.csv', csvText(HOUSEHOLDS_SHEET, [householdRow(no, group, village)]), { commit: true });
      const members = memberRows(no);
      const wide = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      const { run } = await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, members.map((m) => ({ ...m, 身份证号: wide(m.身份证号) }))), { commit: true });
      expect(run).toMatchObject({ status: 'COMMITTED', inserted: 3 });
      const [row] = await env.subgraphs.households.dataSource.query(`SELECT id_number FROM "${schema}".person WHERE id_number = $1`, [members[0].身份证号]);
      expect(row).toEqual({ id_number: members[0].身份证号 });
    });

    it('the 15- and 18-character forms of one ID number are one person: in imports, registration and search', async () => {
      const no = registryNo();
      await upload(qiaojia, 'HOUSEHOLDS', 'h.csv', csvText(HOUSEHOLDS_SHEET, [householdRow(no, group, village)]), { commit: true });
      const members = memberRows(no);
      const id18 = members[0].身份证号;
      const id15 = id18.slice(0, 6) + id18.slice(8, 17);
      expect((await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, [{ ...members[0], 身份证号: id15 }, members[1]]), { commit: true })).run).toMatchObject({ status: 'COMMITTED', inserted: 2 });
      // the same person again under the new form: unchanged, not a second person
      expect((await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, [members[0]]), { commit: true })).run).toMatchObject({ status: 'COMMITTED', inserted: 0, unchanged: 1 });
      // in another household, refused as already registered; twice in one file, refused as a repeat
      const other = registryNo();
      await upload(qiaojia, 'HOUSEHOLDS', 'h.csv', csvText(HOUSEHOLDS_SHEET, [householdRow(other, group, village)]), { commit: true });
      const elsewhere = await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, [{ ...members[0], 登记编号: other }]), { commit: true });
      expectOnlyProblem(await problemsOf(qiaojia, elsewhere.run.id), { row: 2, column: '身份证号', value: id18, message: /已登记在移民户/ });
      const child18 = freshId('1990-01-02', true);
      const child15 = child18.slice(0, 6) + child18.slice(8, 17);
      const twice = await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, [{ ...members[2], 身份证号: child15, 留守儿童: '' }, { ...members[2], 身份证号: child18, 留守儿童: '' }]));
      expect((await problemsOf(qiaojia, twice.run.id)).map((p) => p.messageZh)).toEqual([expect.stringMatching(/与第 2 行重复/)]);
      const [{ id: householdId }] = await env.subgraphs.households.dataSource.query(`SELECT id FROM "${schema}".household WHERE registry_no = $1`, [other]);
      const added = await env.query(qiaojia, 'mutation ($input: AddMemberInput!) { addMember(input: $input) { name } }', {
        input: { householdId, member: { name: '张国华', idNumber: id18, ethnicity: '彝族', relation: 'CHILD', productionMode: 'OTHER' } },
      });
      expect(added.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.member.idNumber' });
      const found = await env.query(qiaojia, `query ($s: String!) { persons(filter: { search: $s }, first: 5) { nodes { idNumber } } }`, { s: id18 });
      expect(found.data.persons.nodes).toEqual([{ idNumber: id15 }]);
    });

    it('problems come by row, with numeric row numbers in problems.xlsx', async () => {
      const { members } = await newHousehold();
      // row 3's problem is found while reading, row 2's (no such household) only when its chunk is checked against the registry
      const rows = [{ ...members[0], 登记编号: '530622-NOPE-0002', 身份证号: freshId('1975-04-09', true) }, { ...members[1], 民族: '火星族' }, ...Array.from({ length: 9 }, () => ({ ...members[2], 身份证号: '5.30622E+17' }))];
      const { run } = await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, rows));
      expect((await problemsOf(qiaojia, run.id)).map((p) => p.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const xlsx = new ExcelJS.Workbook();
      await xlsx.xlsx.load((await download(qiaojia, run.reportPath.replace('.csv', '.xlsx'))).body as unknown as ArrayBuffer);
      const column = xlsx.worksheets[0].getColumn(1).values.slice(2);
      expect(column).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    });

    it('a households file sent as the persons sheet is named as the households sheet', async () => {
      const { run } = await upload(qiaojia, 'PERSONS', 'h.csv', csvText(HOUSEHOLDS_SHEET, [householdRow(registryNo(), group, village)]));
      expect(await problemsOf(qiaojia, run.id)).toEqual([expect.objectContaining({ row: 1, messageZh: expect.stringMatching(/这是移民户表（households），不是移民人口表/), messageEn: expect.stringMatching(/This is the households sheet/) })]);
    });
  });

  describe('formulas', () => {
    it('a formula cell is refused, with a stored result or without, telling the clerk to paste values; nothing is written', async () => {
      const { registryNo: no, members } = await newHousehold();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('移民人口表');
      const headers = PERSONS_SHEET.columns.map((c) => c.header);
      sheet.addRow(headers);
      const cells = (m: SheetRowText) => headers.map((h) => m[h] ?? null);
      const withResult = cells({ ...members[0], 联系电话: '13700000001' });
      withResult[headers.indexOf('姓名')] = { formula: 'CONCAT("张","国华")', result: '张国华' } as never;
      const noResult = cells(members[1]);
      noResult[headers.indexOf('姓名')] = { formula: 'A1&"x"' } as never;
      sheet.addRow(withResult);
      sheet.addRow(noResult);
      sheet.addRow(cells(members[2]));
      const before = await fingerprint();
      const { run } = await upload(qiaojia, 'PERSONS', 'formulas.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), { commit: true });
      expect(run).toMatchObject({ status: 'REJECTED', rejected: 2, problemCount: 2, rowsWritten: 0 });
      expect(await problemsOf(qiaojia, run.id)).toEqual([
        expect.objectContaining({ row: 2, column: '姓名', value: '=CONCAT("张","国华")', messageZh: expect.stringMatching(/是公式.*选择性粘贴 → 数值/) }),
        expect.objectContaining({ row: 3, column: '姓名', value: '=A1&"x"', messageEn: expect.stringMatching(/paste it as values/) }),
      ]);
      expect(await fingerprint()).toBe(before);
      void no;
    });

    it('exports and error reports prefix text that begins like a formula with a quote', async () => {
      const { members } = await newHousehold();
      const hostile = '=HYPERLINK("http://x.cn","点")';
      const households = env.subgraphs.households.dataSource;
      const [{ name }] = await households.query(`SELECT name FROM "${schema}".person WHERE id_number = $1`, [members[1].身份证号]);
      await households.query(`UPDATE "${schema}".person SET name = $1 WHERE id_number = $2`, [hostile, members[1].身份证号]); // as names came in before they were checked
      try {
        const csv = (await download(qiaojia, `/exports/persons.csv?area=${DEMO_AREAS.qiaojia}`)).body.toString('utf8');
        expect(csv).toContain(`"'${hostile.replace(/"/g, '""')}"`);
        expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
      } finally {
        await households.query(`UPDATE "${schema}".person SET name = $1 WHERE id_number = $2`, [name, members[1].身份证号]);
      }
      const { run } = await upload(qiaojia, 'PERSONS', 'bad.csv', csvText(PERSONS_SHEET, [{ ...members[1], 姓名: '+1+2' }, { ...members[2], 姓名: '-3+4' }]));
      const report = (await download(qiaojia, run.reportPath)).body.toString('utf8').split('\r\n');
      expect(report.slice(1, 3).map((line) => line.split(',')[2])).toEqual(["'+1+2", "'-3+4"]);
    });
  });

  describe('limits', () => {
    /** Runs `body` with import settings in the environment (the subgraphs run in this process and read them per import). */
    async function withSettings<T>(settings: Record<string, string>, body: () => Promise<T>): Promise<T> {
      const before = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
      Object.assign(process.env, settings);
      try {
        return await body();
      } finally {
        for (const [k, v] of Object.entries(before)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      }
    }

    it('a file over a limit is refused with a coded error naming the limit and the file’s figure, and nothing is written', async () => {
      const rows = Array.from({ length: 12 }, () => householdRow(registryNo(), group, village));
      const before = await fingerprint();
      const { errors } = await withSettings({ IMPORT_MAX_ROWS: '10' }, () => upload(qiaojia, 'HOUSEHOLDS', 'many.csv', csvText(HOUSEHOLDS_SHEET, rows), { commit: true }));
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contentBase64', messageEn: expect.stringMatching(/more than 10 data rows.*IMPORT_MAX_ROWS/) });
      expect(await fingerprint()).toBe(before);
      const bomb = sharedStringsBomb(HOUSEHOLDS_SHEET.columns.map((c) => c.header), 1024);
      const refused = await upload(qiaojia, 'HOUSEHOLDS', 'bomb.xlsx', bomb, { commit: true });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageZh: expect.stringMatching(/共享字符串表超过 64 MB.*IMPORT_MAX_SHARED_STRINGS_MB/) });
      const empty = await upload(qiaojia, 'HOUSEHOLDS', 'data.xlsx', zipWithoutWorkbook(2), { commit: true });
      expect(await problemsOf(qiaojia, empty.run.id)).toEqual([expect.objectContaining({ row: 1, messageZh: expect.stringMatching(/没有 Excel 工作簿/) })]);
      expect(await fingerprint()).toBe(before);
    });

    it('stores the first problems of a run and counts them all', async () => {
      const rows = Array.from({ length: 30 }, (_, i) => householdRow(registryNo(), group, village, { 登记日期: `2020-02-3${i % 2}` }));
      const { run } = await withSettings({ IMPORT_MAX_STORED_PROBLEMS: '10' }, () => upload(qiaojia, 'HOUSEHOLDS', 'bad.csv', csvText(HOUSEHOLDS_SHEET, rows)));
      expect(run).toMatchObject({ status: 'REJECTED', rejected: 30, problemCount: 30 });
      const page = await env.query(qiaojia, `query ($id: ID!) { importProblems(importId: $id, first: 100) { totalCount nodes { row } } }`, { id: run.id });
      expect(page.data.importProblems.totalCount).toBe(10);
      expect(page.data.importProblems.nodes.map((n: { row: number }) => n.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    });

    it('the command prints a long value cut, never whole, and stores it cut', async () => {
      const { members } = await newHousehold();
      const file = path.join(tmp, 'long.csv');
      fs.writeFileSync(file, csvText(PERSONS_SHEET, [{ ...members[0], 姓名: '长'.repeat(40_000) }, { ...members[1], 民族: '族'.repeat(5_000) }]));
      const printed: string[] = [];
      const code = await registryCommand('import', ['--sheet', 'persons', '--file', file, '--role', 'COUNTY_OFFICER', '--jurisdiction', DEMO_AREAS.qiaojia],
        { dataSource: () => env.subgraphs.households.dataSource, print: (line) => printed.push(line) });
      expect(code).toBe(1);
      expect(printed.join('\n')).toMatch(/row 2 姓名 “长+…（共 40,000 字 · 40,000 characters）”: 姓名有 40,000 个字符，超过单元格上限 32,767/);
      expect(Math.max(...printed.map((l) => l.length))).toBeLessThan(1000);
      const id = /^import ([^:]+):/.exec(printed[0])![1];
      expect((await problemsOf(qiaojia, id)).map((p) => p.value!.length).every((n) => n < 500)).toBe(true);
    });
  });

  it('reads a GB18030 CSV (as Chinese Excel saves it) and an XLSX workbook', async () => {
    const no = registryNo();
    const xlsx = await xlsxFile(HOUSEHOLDS_SHEET, [householdRow(no, group, village, { 搬迁完成日期: '' })]);
    expect((await upload(qiaojia, 'HOUSEHOLDS', 'households.xlsx', xlsx, { commit: true })).run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
    const members = memberRows(no);
    const gbk = iconv.encode(csvText(PERSONS_SHEET, members), 'gb18030');
    expect(gbk.includes(Buffer.from('张国华'))).toBe(false); // really not UTF-8
    expect((await upload(qiaojia, 'PERSONS', 'persons.csv', gbk, { commit: true })).run).toMatchObject({ status: 'COMMITTED', inserted: 3 });
    const rows = await env.subgraphs.households.dataSource.query(
      `SELECT p.name, p.ethnicity, h.status FROM "${schema}".person p JOIN "${schema}".household h ON h.id = p.household_id WHERE h.registry_no = $1 ORDER BY p.birth_date`, [no]);
    expect(rows).toEqual([
      { name: '张国华', ethnicity: '彝族', status: 'REGISTERED' },
      { name: '李秀英', ethnicity: '汉族', status: 'REGISTERED' },
      { name: '张小明', ethnicity: '彝族', status: 'REGISTERED' },
    ]);
  });

  it('maps Shuifu’s old code 530630 to 530681', async () => {
    const shuifuGroup = data.areas.find((a) => a.level === 'GROUP' && a.county_code === '530681')!.code;
    const no = registryNo();
    const old = '530630' + shuifuGroup.slice(6);
    const { run } = await upload(prefecture, 'HOUSEHOLDS', 'shuifu.csv', csvText(HOUSEHOLDS_SHEET, [householdRow(no, old, '530630' + shuifuGroup.slice(6, 12))]), { commit: true });
    expect(run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
    const [row] = await env.subgraphs.households.dataSource.query(`SELECT area_code, county_code FROM "${schema}".household WHERE registry_no = $1`, [no]);
    expect(row).toEqual({ area_code: shuifuGroup, county_code: '530681' });
  });

  it('export → import of a county is a no-op for an officer, field by field; other roles get masked files', async () => {
    for (const sheet of ['households', 'persons'] as const) {
      for (const kind of ['csv', 'xlsx'] as const) {
        const exported = await download(qiaojia, `/exports/${sheet}.${kind}?area=${DEMO_AREAS.qiaojia}`);
        expect(exported.status).toBe(200);
        const before = await fingerprint();
        const { run } = await upload(qiaojia, sheet.toUpperCase() as 'HOUSEHOLDS', `${sheet}.${kind}`, exported.body, { commit: true });
        expect(run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 0, rejected: 0 });
        expect(run.unchanged).toBe(run.rowsRead);
        expect(run.rowsRead).toBeGreaterThan(10);
        expect(await fingerprint()).toBe(before);
        const again = await download(qiaojia, `/exports/${sheet}.${kind}?area=${DEMO_AREAS.qiaojia}`);
        if (kind === 'csv') expect(again.body.toString('utf8')).toBe(exported.body.toString('utf8'));
      }
    }
    const masked = (await download(analyst, `/exports/persons.csv`)).body.toString('utf8').split('\r\n')[1].split(',');
    expect(masked[2]).toMatch(/^\d{6}\*{12}$/);
    // the ids other subgraphs' sheets name households and persons by
    const [header, first] = (await download(qiaojia, `/exports/persons.csv?area=${DEMO_AREAS.qiaojia}`)).body.toString('utf8').replace(/^\ufeff/, '').split('\r\n').map((l) => l.split(','));
    expect(header.slice(-2)).toEqual(['户标识', '人员标识']);
    const [ids] = await env.subgraphs.households.dataSource.query(`SELECT household_id, id FROM "${schema}".person WHERE id_number = $1`, [first[2]]);
    expect(first.slice(-2)).toEqual([ids.household_id, ids.id]);
    // a file with full ID numbers and phones is written to the read audit before it leaves; a masked one is not
    const audited = async () => (await env.clients.query(`SELECT role, record_type, record_id, area_code, fields FROM "${(env.clients.options as { schema?: string }).schema}".read_audit_record WHERE record_type LIKE 'export:%' ORDER BY id, ord`))
      .map((r: { fields: string[] | string }) => ({ ...r, fields: typeof r.fields === 'string' ? r.fields.replace(/[{}]/g, '').split(',') : r.fields }));
    const seen = (await audited()).length;
    expect((await download(qiaojia, `/exports/households.csv?area=${DEMO_AREAS.qiaojia}`)).status).toBe(200);
    expect((await download(analyst, `/exports/persons.csv`)).status).toBe(200);
    expect((await audited()).length).toBe(seen);
    expect((await download(qiaojia, `/exports/persons.xlsx`)).status).toBe(200);
    expect((await audited()).slice(seen)).toEqual([
      { role: 'COUNTY_OFFICER', record_type: 'export:persons', record_id: DEMO_AREAS.qiaojia, area_code: DEMO_AREAS.qiaojia, fields: ['idNumber', 'birthDate', 'phone'] },
    ]);
    const outside = await download(qiaojia, `/exports/persons.csv?area=${DEMO_AREAS.suijiang}`);
    expect(outside.status).toBe(403);
    expect((await download(null, '/exports/persons.csv')).status).toBe(401);
  });

  it('refuses roles that may not import', async () => {
    for (const who of [analyst, wenbi]) {
      const { errors } = await upload(who, 'HOUSEHOLDS', 'h.csv', csvText(HOUSEHOLDS_SHEET, [householdRow(registryNo(), group, village)]));
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const bad = await upload(qiaojia, 'HOUSEHOLDS', 'h.xls', 'x');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fileName' });
  });

  it('reports progress through the API while an import runs, and its outcome after', async () => {
    const no = registryNo();
    await upload(qiaojia, 'HOUSEHOLDS', 'h.csv', csvText(HOUSEHOLDS_SHEET, [householdRow(no, group, village)]), { commit: true });
    const { run } = await upload(qiaojia, 'PERSONS', 'p.csv', csvText(PERSONS_SHEET, memberRows(no)), { commit: true, wait: false });
    expect(run.status).toBe('VALIDATING');
    let state;
    do {
      state = (await env.query(qiaojia, `query ($id: ID!) { importRun(id: $id) { status rowsRead rowsValidated rowsWritten inserted sheet fileName startedAt finishedAt } }`, { id: run.id })).data.importRun;
    } while (!state.finishedAt);
    expect(state).toMatchObject({ status: 'COMMITTED', rowsRead: 3, rowsValidated: 3, rowsWritten: 3, inserted: 3, sheet: 'persons', fileName: 'p.csv' });
    const foreign = await env.query(DEMO_IDENTITIES.suijiang, `query ($id: ID!) { importRun(id: $id) { status } }`, { id: run.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the command and the mutation take the same path to the same answer', async () => {
    const { registryNo: no, members } = await newHousehold();
    const rows = [{ ...members[0], 联系电话: '13700000000' }, { ...members[1], 身份证号: '5.30622E+17' }, members[2]];
    const file = path.join(tmp, 'persons.csv');
    fs.writeFileSync(file, csvText(PERSONS_SHEET, rows));
    const viaMutation = (await upload(qiaojia, 'PERSONS', 'persons.csv', fs.readFileSync(file))).run;
    const printed: string[] = [];
    const code = await registryCommand('import', ['--sheet', 'persons', '--file', file, '--role', 'COUNTY_OFFICER', '--jurisdiction', DEMO_AREAS.qiaojia],
      { dataSource: () => env.subgraphs.households.dataSource, print: (line) => printed.push(line) });
    expect(code).toBe(1);
    const id = /^import (\S+): REJECTED/.exec(printed[0])![1];
    const viaCommand = (await env.query(qiaojia, `query ($id: ID!) { importRun(id: $id) { status rowsRead inserted updated unchanged rejected problemCount } }`, { id })).data.importRun;
    const { id: _id, commit: _c, reportPath: _r, rowsValidated: _v, rowsWritten: _w, ...mutationCounts } = viaMutation;
    expect(viaCommand).toEqual(mutationCounts);
    expect(viaCommand).toMatchObject({ status: 'REJECTED', updated: 1, unchanged: 1, rejected: 1 });
    const strip = (ps: { row: number; column: string | null; messageZh: string }[]) => ps.map(({ row, column, messageZh }) => ({ row, column, messageZh }));
    expect(strip(await problemsOf(qiaojia, id))).toEqual(strip(await problemsOf(qiaojia, viaMutation.id)));
    expect(printed.join('\n')).toMatch(/row 3 身份证号 “5\.30622E\+17”: 身份证号被 Excel 转成了科学计数法/);

    fs.writeFileSync(file, csvText(PERSONS_SHEET, [{ ...members[0], 联系电话: '13700000000' }]));
    expect(await registryCommand('import', ['--sheet', 'persons', '--file', file, '--commit', '--role', 'COUNTY_OFFICER', '--jurisdiction', DEMO_AREAS.qiaojia],
      { dataSource: () => env.subgraphs.households.dataSource, print: () => undefined })).toBe(0);
    const [phone] = await env.subgraphs.households.dataSource.query(`SELECT phone FROM "${schema}".person WHERE id_number = $1`, [members[0].身份证号]);
    expect(phone).toEqual({ phone: '13700000000' });
    void no;
  });
});

