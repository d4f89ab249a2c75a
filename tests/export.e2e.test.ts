import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { Identity } from '../platform/security/identity';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { analyst, qiaojia, suijiang } = DEMO_IDENTITIES;

const PERSONS = `query WenbiPersons($area: String) {
  persons(first: 30, filter: { areaCode: $area }) {
    totalCount
    nodes { name sex idNumber phone vulnerabilities household { registryNo } }
  } }`;

const STATISTICS = `query CountyEthnicities {
  personStatistics(groupBy: [COUNTY, ETHNICITY]) {
    rows { county { code name } ethnicity persons households suppressed }
  } }`;

describe.each(engines())('export as CSV and XLSX (%s)', (engine) => {
  let env: TestEnvironment;
  let exportUrl: string;

  async function download(as: Identity | null, format: string, body: Record<string, unknown>) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as) headers.authorization = `Bearer ${await env.token(as)}`;
    const res = await fetch(`${exportUrl}?format=${format}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
  }

  async function readXlsx(bytes: Buffer): Promise<unknown[][]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, 0.01));
    exportUrl = env.gateway.url.replace(/\/graphql$/, '/export');
  });
  afterAll(() => env?.close());

  it('writes a list as CSV with a BOM and Chinese headers, masked for an analyst', async () => {
    const file = await download(analyst, 'csv', { query: PERSONS, variables: { area: DEMO_AREAS.wenbi }, operationName: 'WenbiPersons' });
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^text\/csv/);
    expect(file.disposition).toContain('WenbiPersons.csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(file.bytes, { bom: true }) as string[][];
    expect(header).toEqual(['姓名', '性别', '身份证号', '手机号码', '重点关爱标识', '所属移民户/移民户登记编号']);
    const json = await env.query(analyst, PERSONS, { area: DEMO_AREAS.wenbi });
    expect(rows).toHaveLength(json.data.persons.nodes.length);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, i) => {
      const node = json.data.persons.nodes[i];
      expect(row[0]).toBe(node.name);
      expect(['男', '女']).toContain(row[1]);
      expect(row[2]).toMatch(/^\d{6}\*{12}$/);
      expect(row[5]).toBe(node.household.registryNo);
    });
    expect(rows.some((row) => /^1\d\d\*{4}\d{4}$/.test(row[3]))).toBe(true);
  });

  it('gives an officer the same list with ID numbers in full', async () => {
    const file = await download(qiaojia, 'csv', { query: PERSONS, variables: { area: DEMO_AREAS.wenbi } });
    const [, ...rows] = parse(file.bytes, { bom: true }) as string[][];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[2]).toMatch(/^\d{17}[\dX]$/);
  });

  it('writes a statistics table as XLSX, with suppressed cells left empty for an analyst', async () => {
    const file = await download(analyst, 'xlsx', { query: STATISTICS });
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const [header, ...rows] = await readXlsx(file.bytes);
    expect(header).toEqual(['县（区、市）/区划代码', '县（区、市）/名称', '民族', '人数', '户数', '小数保护：本格数值不公布']);
    const json = await env.query(analyst, STATISTICS);
    const cells = json.data.personStatistics.rows;
    expect(rows).toHaveLength(cells.length);
    rows.forEach((row, i) => {
      expect(row[0]).toBe(cells[i].county.code);
      expect(row[1]).toBe(cells[i].county.name);
      expect(row[2]).toBe(cells[i].ethnicity);
      expect(row[3] ?? null).toBe(cells[i].persons);
      expect(row[5]).toBe(cells[i].suppressed ? '是' : '否');
    });
    expect(cells.some((c: { suppressed: boolean }) => c.suppressed)).toBe(true);
    expect(rows.some((row) => row[5] === '是' && (row[3] === undefined || row[3] === null))).toBe(true);
  });

  it('exports only what the caller may see (jurisdiction applies)', async () => {
    const file = await download(suijiang, 'csv', { query: STATISTICS });
    const [, ...rows] = parse(file.bytes, { bom: true }) as string[][];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set([DEMO_AREAS.suijiang]));
  });

  it('answers bad requests with coded, bilingual errors', async () => {
    const cases: [Identity | null, string, Record<string, unknown>, number, string, string | undefined][] = [
      [analyst, 'pdf', { query: STATISTICS }, 400, 'BAD_USER_INPUT', 'format'],
      [analyst, 'csv', {}, 400, 'BAD_USER_INPUT', 'query'],
      [analyst, 'csv', { query: '{ area(code: "530622") { name } }' }, 400, 'BAD_USER_INPUT', 'query'],
      [analyst, 'csv', { query: '{ nothing }' }, 400, 'GRAPHQL_VALIDATION_FAILED', undefined],
      [null, 'csv', { query: STATISTICS }, 401, 'UNAUTHENTICATED', undefined],
      [qiaojia, 'xlsx', { query: PERSONS, variables: { area: DEMO_AREAS.suijiang } }, 403, 'FORBIDDEN', undefined],
    ];
    for (const [as, format, body, status, code, field] of cases) {
      const res = await download(as, format, body);
      const error = JSON.parse(res.bytes.toString('utf8')).errors[0];
      expect({ status: res.status, code: error.extensions.code, field: error.extensions.field }).toEqual({ status, code, field });
      // graphql-js words validation errors in English; every error of the export itself is bilingual
      if (code !== 'GRAPHQL_VALIDATION_FAILED') expect(error.message).toMatch(/[\u4e00-\u9fff].* · [A-Za-z]/);
    }
  });
});
