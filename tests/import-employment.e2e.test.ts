import { randomUUID } from 'node:crypto';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { generateEmploymentDemo, type EmploymentDemo } from '../subgraphs/employment/demo/generator';
import { LABOUR_STATUS_SHEET } from '../subgraphs/employment/imports/labour-status.sheet';
import { PLACEMENTS_SHEET } from '../subgraphs/employment/imports/placements.sheet';
import { TRAINING_SHEET } from '../subgraphs/employment/imports/training.sheet';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import type { SheetFormat } from '../platform/imports/sheet-format';
import { createTestEnvironment, engines, type TestEnvironment } from './environment';
import { csvText, expectOnlyProblem, xlsxFile, type SheetRowText } from './import-files';

const { qiaojia, prefecture, analyst, suijiang } = DEMO_IDENTITIES;
const SCALE = 0.005;

const IMPORT = `mutation ($input: ImportFileInput!) { importEmploymentFile(input: $input) {
  id status commit rowsRead rowsWritten inserted updated unchanged rejected problemCount } }`;
const PROBLEMS = `query ($id: ID!) { employmentImportProblems(importId: $id, first: 200) { nodes { row column value messageZh messageEn } } }`;

type Identity = (typeof DEMO_IDENTITIES)[string];
type Sheet = 'LABOUR_STATUS' | 'PLACEMENTS' | 'TRAINING';
const FORMATS: Record<Sheet, SheetFormat> = { LABOUR_STATUS: LABOUR_STATUS_SHEET, PLACEMENTS: PLACEMENTS_SHEET, TRAINING: TRAINING_SHEET };

describe.each(engines("the import writes in bulk on the owner's connection, through the change-history triggers"))('employment sheets import (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let demo: EmploymentDemo;
  let schema: string;
  let base: string;
  let workshop: string; // a Qiaojia workshop's name
  let committee: string; // a Qiaojia community committee's name (a public body)
  let session: { code: string; course: string; startsOn: string; endsOn: string };
  let otherCountyPerson: string;
  let young: DemoData['persons'][number]; // a Qiaojia child without a labour-status record

  async function upload(as: Identity, sheet: Sheet, fileName: string, content: string | Buffer, commit = true) {
    const contentBase64 = Buffer.from(content).toString('base64');
    const res = await env.query(as, IMPORT, { input: { sheet, fileName, contentBase64, commit } });
    return { errors: res.errors, run: res.data?.importEmploymentFile };
  }

  const csv = (sheet: Sheet, rows: SheetRowText[]) => csvText(FORMATS[sheet], rows);

  async function problemsOf(id: string) {
    const res = await env.query(qiaojia, PROBLEMS, { id });
    expect(res.errors).toBeUndefined();
    return res.data.employmentImportProblems.nodes as { row: number; column: string | null; value: string | null; messageZh: string; messageEn: string }[];
  }

  const sql = (text: string, params: unknown[] = []) => env.subgraphs.employment.dataSource.query(text.replace(/\{s\}/g, `"${schema}"`), params);

  /** Every row of the three tables the sheets write, as text: equal before and after means nothing was written. */
  async function fingerprint(): Promise<string> {
    const [row] = await sql(`SELECT (SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM {s}.labour_status x) AS a,
                                    (SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM {s}.placement x) AS b,
                                    (SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM {s}.training_enrolment x) AS c`);
    return `${row.a}/${row.b}/${row.c}`;
  }

  async function download(as: Identity | null, route: string): Promise<{ status: number; body: Buffer }> {
    const headers: Record<string, string> = as ? { authorization: `Bearer ${await env.token(as)}` } : {};
    const res = await fetch(base + route, { headers });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  }

  /** A working-age registry person without a labour-status record yet, as a labour-status row showing the registry's facts. */
  let unchecked: DemoData['persons'];
  const fresh = (status = '未就业'): SheetRowText => {
    const p = unchecked.shift()!;
    return { 人员标识: p.id, 户标识: p.household_id, 现居住地区划代码: p.area_code, 出生日期: p.birth_date, 劳动力状态: status, 核查日期: '2024-01-05', 备注: '' };
  };

  /** A working-age person new to the subgraph, checked through the labour-status sheet. */
  async function newPerson(status = '未就业'): Promise<SheetRowText> {
    const row = fresh(status);
    const { run } = await upload(qiaojia, 'LABOUR_STATUS', 'l.csv', csv('LABOUR_STATUS', [row]));
    expect(run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
    return row;
  }

  const placement = (personId: string, overrides: SheetRowText = {}): SheetRowText => ({
    人员标识: personId, 就业方式: '帮扶车间就业', 用工主体: workshop, 全职: '是', 开始日期: '2024-02-01', 月工资: '2600', ...overrides,
  });
  const enrolment = (personId: string, overrides: SheetRowText = {}): SheetRowText => ({
    人员标识: personId, 班次编号: session.code, 报名日期: session.startsOn, 学员状态: '已报名', ...overrides,
  });

  beforeAll(async () => {
    data = generateDemoData({ scale: SCALE });
    demo = generateEmploymentDemo(data, { scale: SCALE });
    env = await createTestEnvironment({ engine, scale: SCALE, subgraphs: ['employment'] });
    schema = (env.subgraphs.employment.dataSource.driver.options as unknown as { schema: string }).schema;
    base = env.gateway.url.replace(/\/graphql$/, '');
    workshop = demo.employer.find((e) => e.kind === 'ASSISTANCE_WORKSHOP' && e.county_code === DEMO_AREAS.qiaojia)!.name;
    committee = demo.employer.find((e) => e.kind === 'PUBLIC_BODY' && e.county_code === DEMO_AREAS.qiaojia)!.name;
    otherCountyPerson = demo.labour_status.find((r) => r.county_code === DEMO_AREAS.suijiang)!.person_id;
    const checked = new Set(demo.labour_status.map((r) => r.person_id));
    unchecked = data.persons.filter((p) => p.county_code === DEMO_AREAS.qiaojia && !checked.has(p.id) && p.birth_date <= '2007-12-31');
    young = data.persons.find((p) => p.county_code === DEMO_AREAS.qiaojia && !checked.has(p.id) && p.birth_date >= '2012-01-01')!;
    // a Qiaojia session with room, the only one of its course starting that day
    const [s] = await sql(`SELECT s.code, c.name AS course, s.starts_on, s.ends_on FROM {s}.training_session s JOIN {s}.training_course c ON c.id = s.course_id
      WHERE s.county_code = $1 AND (SELECT count(*) FROM {s}.training_enrolment e WHERE e.session_id = s.id) < s.capacity - 5
        AND NOT EXISTS (SELECT 1 FROM {s}.training_session o JOIN {s}.training_course oc ON oc.id = o.course_id WHERE o.id <> s.id AND oc.name = c.name AND o.starts_on = s.starts_on)
      ORDER BY s.code LIMIT 1`, [DEMO_AREAS.qiaojia]);
    session = { code: s.code, course: s.course, startsOn: s.starts_on, endsOn: s.ends_on };
  });
  afterAll(() => env?.close());

  it('serves the templates through the gateway', async () => {
    for (const sheet of ['labour-status', 'placements', 'training']) {
      const res = await download(null, `/imports/templates/${sheet}.csv`);
      expect(res.status).toBe(200);
      expect(res.body.toString('utf8').replace(/^\ufeff/, '').split('\r\n')[0]).toBe(FORMATS[sheet === 'labour-status' ? 'LABOUR_STATUS' : sheet === 'placements' ? 'PLACEMENTS' : 'TRAINING'].columns.map((c) => c.header).join(','));
    }
    expect((await download(null, '/imports/templates/placements.xlsx')).body.subarray(0, 2).toString()).toBe('PK');
  });

  it('labour status: a dry run writes nothing, a commit inserts, the same file again is a no-op, a corrected file updates the changed row', async () => {
    const rows = [fresh(), fresh()];
    const file = csv('LABOUR_STATUS', rows);
    const before = await fingerprint();
    expect((await upload(qiaojia, 'LABOUR_STATUS', 'l.csv', file, false)).run).toMatchObject({ status: 'VALIDATED', commit: false, inserted: 2, rowsWritten: 0 });
    expect(await fingerprint()).toBe(before);
    expect((await upload(qiaojia, 'LABOUR_STATUS', 'l.csv', file)).run).toMatchObject({ status: 'COMMITTED', inserted: 2, rowsWritten: 2 });
    const after = await fingerprint();
    expect((await upload(qiaojia, 'LABOUR_STATUS', 'l.csv', file)).run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 0, unchanged: 2 });
    expect(await fingerprint()).toBe(after);
    // the household, group and birth date are the registry's: a row may leave them empty
    const corrected = [rows[0], { 人员标识: rows[1].人员标识, 劳动力状态: 'STUDENT', 核查日期: '2024-03-01', 备注: '复读' }];
    expect((await upload(qiaojia, 'LABOUR_STATUS', 'l.csv', csv('LABOUR_STATUS', corrected))).run).toMatchObject({ status: 'COMMITTED', updated: 1, unchanged: 1 });
    const [record] = await sql(`SELECT status, verified_on, note, area_code, birth_date FROM {s}.labour_status WHERE person_id = $1`, [rows[1].人员标识]);
    expect(record).toEqual({ status: 'STUDENT', verified_on: '2024-03-01', note: '复读', area_code: rows[1].现居住地区划代码, birth_date: rows[1].出生日期 });
  });

  it('placements: a commit inserts (the person becomes employed), re-import is a no-op, a corrected wage updates one row', async () => {
    const person = await newPerson();
    const rows = [
      placement(person.人员标识, { 开始日期: '2023-03-01', 结束日期: '2023-12-31', 离岗原因: '合同期满' }),
      placement(person.人员标识, { 就业方式: '劳务输出', 用工主体: '', 目的地省份: '浙江', 开始日期: '2024-02-01', 月工资: '6,500' }),
      placement(person.人员标识, { 就业方式: '自主创业', 用工主体: '', 创业类型: '电商直播', 全职: '否', 开始日期: '2024-02-01', 月工资: '' }),
    ];
    rows.splice(2, 1, { ...rows[2], 开始日期: '2024-04-01' });
    const file = csv('PLACEMENTS', rows);
    expect((await upload(qiaojia, 'PLACEMENTS', 'p.csv', file)).run).toMatchObject({ status: 'COMMITTED', inserted: 3 });
    const [status] = await sql(`SELECT status, verified_on FROM {s}.labour_status WHERE person_id = $1`, [person.人员标识]);
    expect(status).toEqual({ status: 'EMPLOYED', verified_on: '2024-04-01' });
    const after = await fingerprint();
    expect((await upload(qiaojia, 'PLACEMENTS', 'p.csv', file)).run).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await fingerprint()).toBe(after);
    const corrected = rows.map((r) => ({ ...r }));
    corrected[1].月工资 = '7000';
    expect((await upload(qiaojia, 'PLACEMENTS', 'p.csv', csv('PLACEMENTS', corrected))).run).toMatchObject({ status: 'COMMITTED', updated: 1, unchanged: 2 });
    const stored = await sql(`SELECT p.type, e.name AS employer, p.destination_province, p.self_employment_kind, p.full_time, p.start_date, p.end_date, p.monthly_wage, p.end_reason
      FROM {s}.placement p LEFT JOIN {s}.employer e ON e.id = p.employer_id WHERE p.person_id = $1 ORDER BY p.start_date`, [person.人员标识]);
    expect(stored).toEqual([
      { type: 'ASSISTANCE_WORKSHOP', employer: workshop, destination_province: null, self_employment_kind: null, full_time: true, start_date: '2023-03-01', end_date: '2023-12-31', monthly_wage: 2600, end_reason: '合同期满' },
      { type: 'LABOUR_EXPORT', employer: null, destination_province: '浙江', self_employment_kind: null, full_time: true, start_date: '2024-02-01', end_date: null, monthly_wage: 7000, end_reason: null },
      { type: 'SELF_EMPLOYED', employer: null, destination_province: null, self_employment_kind: 'E_COMMERCE', full_time: false, start_date: '2024-04-01', end_date: null, monthly_wage: null, end_reason: null },
    ]);
  });

  it('training: an XLSX by session code and by course name and first day, re-import no-op, completion updates one row', async () => {
    const [a, b] = [await newPerson(), await newPerson()];
    const rows = [enrolment(a.人员标识), enrolment(b.人员标识, { 班次编号: '', 课程名称: session.course, 开班日期: session.startsOn })];
    expect((await upload(qiaojia, 'TRAINING', 't.xlsx', await xlsxFile(TRAINING_SHEET, rows))).run).toMatchObject({ status: 'COMMITTED', inserted: 2 });
    const after = await fingerprint();
    expect((await upload(qiaojia, 'TRAINING', 't.csv', csv('TRAINING', rows))).run).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await fingerprint()).toBe(after);
    const done = [rows[0], { ...rows[1], 学员状态: '已结业', 结业日期: session.endsOn, 证书编号: 'ZT2099000001' }];
    expect((await upload(qiaojia, 'TRAINING', 't.csv', csv('TRAINING', done))).run).toMatchObject({ status: 'COMMITTED', updated: 1, unchanged: 1 });
    const [row] = await sql(`SELECT e.status, e.completed_on, e.certificate_no, e.course_kind, e.area_code, s.code FROM {s}.training_enrolment e JOIN {s}.training_session s ON s.id = e.session_id WHERE e.person_id = $1`, [b.人员标识]);
    expect(row).toMatchObject({ status: 'COMPLETED', completed_on: session.endsOn, certificate_no: 'ZT2099000001', area_code: b.现居住地区划代码, code: session.code });
  });

  describe('every kind of bad row is reported precisely and nothing is written', () => {
    let person: SheetRowText;
    let finished: SheetRowText; // completed a session
    beforeAll(async () => {
      person = await newPerson();
      finished = await newPerson();
      const { run } = await upload(qiaojia, 'TRAINING', 't.csv', csv('TRAINING', [enrolment(finished.人员标识, { 学员状态: '已结业', 结业日期: session.endsOn })]));
      expect(run).toMatchObject({ status: 'COMMITTED' });
    });

    const cases: [string, Sheet, () => SheetRowText[], string, string | RegExp, RegExp][] = [
      ['labour status: a label not in the list', 'LABOUR_STATUS', () => [{ ...person, 劳动力状态: '打工' }], '劳动力状态', '打工', /劳动力状态须为以下之一：已就业/],
      ['labour status: a person under working age (the registry’s birth date) at the first check', 'LABOUR_STATUS', () => [{ ...person, 人员标识: young.id, 户标识: '', 现居住地区划代码: '', 出生日期: '' }], '人员标识', /^[0-9a-f-]{36}$/, /未满劳动年龄（16 周岁）/],
      ['labour status: a person the registry does not know', 'LABOUR_STATUS', () => [{ ...person, 人员标识: randomUUID(), 户标识: '' }], '人员标识', /^[0-9a-f-]{36}$/, /该人员不在移民登记中/],
      ['labour status: another household than the registry’s', 'LABOUR_STATUS', () => [{ ...person, 户标识: otherCountyPerson }], '户标识', /^[0-9a-f-]{36}$/, /与移民登记的所属移民户（[0-9a-f-]{36}）不符/],
      ['labour status: a check older than the record', 'LABOUR_STATUS', () => [{ ...person, 核查日期: '2023-12-01' }], '核查日期', '2023-12-01', /核查日期早于上次核查（2024-01-05）/],
      ['labour status: another birth date than the registry’s', 'LABOUR_STATUS', () => [{ ...person, 出生日期: '1991-04-09' }], '出生日期', '1991-04-09', /与移民登记的出生日期不符/],
      ['labour status: a malformed person id', 'LABOUR_STATUS', () => [{ ...person, 人员标识: '42' }], '人员标识', '42', /标识格式无效/],
      ['labour status: a date not in the calendar', 'LABOUR_STATUS', () => [{ ...person, 核查日期: '2024-02-30' }], '核查日期', '2024-02-30', /核查日期 2024-02-30 不存在/],
      ['labour status: a group other than the registry’s', 'LABOUR_STATUS', () => [{ ...person, 现居住地区划代码: data.areas.find((x) => x.level === 'GROUP' && x.county_code === DEMO_AREAS.suijiang)!.code }], '现居住地区划代码', /^530626/, /与移民登记的现居住地（\d{15}）不符/],
      ['labour status: a person of another county (jurisdiction)', 'LABOUR_STATUS', () => [{ ...person, 人员标识: otherCountyPerson, 户标识: '', 出生日期: '' }], '人员标识', /^[0-9a-f-]{36}$/, /属于其他县（区、市），不在您的管辖范围内/],
      ['labour status: the same person twice', 'LABOUR_STATUS', () => [person, person], '人员标识', /./, /与第 2 行重复/],
      ['placements: an unknown employer', 'PLACEMENTS', () => [placement(person.人员标识, { 用工主体: '不存在的车间' })], '用工主体', '不存在的车间', /用工主体“不存在的车间”不存在或不对您开放/],
      ['placements: an employer of the wrong kind', 'PLACEMENTS', () => [placement(person.人员标识, { 用工主体: committee })], '用工主体', /居民委员会$/, /用工主体类型与就业方式不符/],
      ['placements: a workshop without an employer', 'PLACEMENTS', () => [placement(person.人员标识, { 用工主体: '' })], '用工主体', '', /此就业方式须填写用工主体/],
      ['placements: labour export without a province', 'PLACEMENTS', () => [placement(person.人员标识, { 就业方式: '劳务输出', 用工主体: '' })], '目的地省份', '', /劳务输出须填写目的地省份/],
      ['placements: an unknown province', 'PLACEMENTS', () => [placement(person.人员标识, { 就业方式: 'LABOUR_EXPORT', 用工主体: '', 目的地省份: '火星' })], '目的地省份', '火星', /目的地省份不存在/],
      ['placements: a wage that is not a number', 'PLACEMENTS', () => [placement(person.人员标识, { 月工资: '两千' })], '月工资', '两千', /月工资须为整数/],
      ['placements: a wage out of range', 'PLACEMENTS', () => [placement(person.人员标识, { 月工资: '150000' })], '月工资', '150000', /月工资须在 0 至 100000 之间/],
      ['placements: an end before the start', 'PLACEMENTS', () => [placement(person.人员标识, { 结束日期: '2024-01-01' })], '结束日期', '2024-01-01', /结束日期不能早于开始日期（2024-02-01）/],
      ['placements: a flag that is not 是/否', 'PLACEMENTS', () => [placement(person.人员标识, { 全职: '半职' })], '全职', '半职', /“是”或“否”/],
      ['placements: overlapping full-time placements', 'PLACEMENTS', () => [placement(person.人员标识), placement(person.人员标识, { 开始日期: '2024-03-01', 就业方式: '劳务输出', 用工主体: '', 目的地省份: '广东' })], '开始日期', '2024-03-01', /已有全职就业记录，不能重叠登记/],
      ['placements: a person without a labour-status record', 'PLACEMENTS', () => [placement(fresh().人员标识)], '人员标识', /./, /尚无劳动力状态记录/],
      ['placements: a person the registry does not know', 'PLACEMENTS', () => [placement(randomUUID())], '人员标识', /^[0-9a-f-]{36}$/, /该人员不在移民登记中/],
      ['placements: a person of another county (jurisdiction)', 'PLACEMENTS', () => [placement(otherCountyPerson)], '人员标识', /^[0-9a-f-]{36}$/, /不在您的管辖范围内/],
      ['training: an unknown session', 'TRAINING', () => [enrolment(person.人员标识, { 班次编号: 'PX999999' })], '班次编号', 'PX999999', /培训班次 PX999999 不存在或不对您开放/],
      ['training: no session named', 'TRAINING', () => [enrolment(person.人员标识, { 班次编号: '' })], '班次编号', '', /须填写班次编号，或课程名称和开班日期/],
      ['training: a course name that is not the session’s', 'TRAINING', () => [enrolment(person.人员标识, { 课程名称: '火箭维修' })], '课程名称', '火箭维修', /属于课程“/],
      ['training: enrolled after the session ended', 'TRAINING', () => [enrolment(person.人员标识, { 报名日期: '2099-01-01' })], '报名日期', '2099-01-01', /报名日期不能晚于结业日期/],
      ['training: completed without a date', 'TRAINING', () => [enrolment(person.人员标识, { 学员状态: '已结业' })], '结业日期', '', /已结业须填写结业日期/],
      ['training: a certificate for who dropped out', 'TRAINING', () => [enrolment(person.人员标识, { 学员状态: '中途退出', 证书编号: 'ZT1' })], '证书编号', 'ZT1', /中途退出者不发证书/],
      ['training: a completed enrolment set back', 'TRAINING', () => [enrolment(finished.人员标识)], '学员状态', '已报名', /该学员已登记结业或退出/],
      ['training: a person of another county (jurisdiction)', 'TRAINING', () => [enrolment(otherCountyPerson)], '人员标识', /^[0-9a-f-]{36}$/, /不在您的管辖范围内/],
    ];

    it.each(cases)('%s', async (_label, sheet, rows, column, value, message) => {
      const before = await fingerprint();
      const { run, errors } = await upload(qiaojia, sheet, 'bad.csv', csv(sheet, rows()));
      expect(errors).toBeUndefined();
      expect(run).toMatchObject({ status: 'REJECTED', rejected: 1, rowsWritten: 0 });
      const problems = await problemsOf(run.id);
      expectOnlyProblem(problems, { column, value, message });
      expect(await fingerprint()).toBe(before);
    });
  });

  it('export → import of a county is a no-op, field by field, in both kinds; wages are withheld from an analyst', async () => {
    for (const [sheet, name] of [['LABOUR_STATUS', 'labour-status'], ['PLACEMENTS', 'placements'], ['TRAINING', 'training']] as const) {
      for (const kind of ['csv', 'xlsx'] as const) {
        const exported = await download(qiaojia, `/exports/${name}.${kind}?area=${DEMO_AREAS.qiaojia}`);
        expect(exported.status).toBe(200);
        const before = await fingerprint();
        const { run } = await upload(qiaojia, sheet, `${name}.${kind}`, exported.body);
        expect(run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 0, rejected: 0 });
        expect(run.unchanged).toBe(run.rowsRead);
        expect(run.rowsRead).toBeGreaterThan(5);
        expect(await fingerprint()).toBe(before);
      }
    }
    const wageColumn = PLACEMENTS_SHEET.columns.findIndex((c) => c.key === 'monthlyWage');
    const lines = (file: Buffer) => file.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    const full = lines((await download(prefecture, '/exports/placements.csv')).body);
    const masked = lines((await download(analyst, '/exports/placements.csv')).body);
    expect(masked).toHaveLength(full.length);
    expect(full.filter((l) => l[wageColumn]).length).toBeGreaterThan(5);
    expect(masked.every((l) => l[wageColumn] === '')).toBe(true);
    expect((await download(qiaojia, `/exports/placements.csv?area=${DEMO_AREAS.suijiang}`)).status).toBe(403);
  });

  it('a county cannot import another county’s rows; a dry run writes nothing; an analyst may not import', async () => {
    const row = fresh('已就业');
    const before = await fingerprint();
    const foreign = await upload(suijiang, 'LABOUR_STATUS', 'l.csv', csv('LABOUR_STATUS', [row]));
    expect(foreign.run).toMatchObject({ status: 'REJECTED', rejected: 1 });
    expect((await upload(qiaojia, 'LABOUR_STATUS', 'l.csv', csv('LABOUR_STATUS', [row]), false)).run).toMatchObject({ status: 'VALIDATED', inserted: 1 });
    expect(await fingerprint()).toBe(before);
    const { errors } = await upload(analyst, 'LABOUR_STATUS', 'l.csv', csv('LABOUR_STATUS', [row]));
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const wrong = await upload(qiaojia, 'PERSONS' as Sheet, 'p.csv', 'x');
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sheet' });
    expect(await fingerprint()).toBe(before);
  });
});
