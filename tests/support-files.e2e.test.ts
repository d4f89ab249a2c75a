import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import { Role, type Identity } from '../platform/security/identity';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { BANK_RETURNS_SHEET } from '../subgraphs/support/imports/bank-returns.sheet';
import { VERIFICATION_SHEET } from '../subgraphs/support/imports/verification.sheet';
import { engines, type TestEnvironment } from './environment';
import { csvText, expectOnlyProblem, type SheetRowText } from './import-files';
import { startPlatform } from './platform';

const { qiaojia, wenbi, analyst, auditor, suijiang } = DEMO_IDENTITIES;
const checker: Identity = { subject: 'qiaojia-checker', role: Role.COUNTY_OFFICER, jurisdiction: [DEMO_AREAS.qiaojia] };
const YEAR = 2025;

const IMPORT = `mutation ($input: ImportFileInput!) { importSupportFile(input: $input) { id status rowsRead rowsWritten inserted updated unchanged rejected problemCount } }`;
const PROBLEMS = `query ($id: ID!) { supportImportProblems(importId: $id, first: 200) { nodes { row column value messageZh messageEn } } }`;

/** A CSV download's rows by header (the writer's BOM and formula guard as they are). */
function rowsOf(text: string): Record<string, string>[] {
  const [head, ...lines] = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const headers = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [headers[i], v.replace(/^"|"$/g, '')])));
}

describe.each(engines('the return import appends to the ledger (trigger, grants) and reconciles on the serving role under row-level security'))('support files (%s)', (engine) => {
  let env: TestEnvironment;
  const owner = () => env.subgraphs.support.dataSource;
  const sql = (text: string, params: unknown[] = []) => owner().query(text.replace(/\{s\}/g, `"${schemaName(owner())}"`), params);
  const base = () => env.gateway.url.replace(/\/graphql$/, '');
  const ok = async (as: Identity, query: string, variables?: Record<string, unknown>) => {
    const res = await env.query(as, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  async function download(as: Identity, path: string): Promise<{ status: number; text: string; rows: Record<string, string>[] }> {
    const res = await fetch(`${base()}${path}`, { headers: { authorization: `Bearer ${await env.token(as)}` } });
    const text = await res.text();
    return { status: res.status, text, rows: res.ok ? rowsOf(text) : [] };
  }
  async function upload(as: Identity, sheet: string, content: string, commit: boolean) {
    const res = await env.query(as, IMPORT, { input: { sheet, fileName: `${sheet.toLowerCase()}.csv`, contentBase64: Buffer.from(content).toString('base64'), commit } });
    return { errors: res.errors, run: res.data?.importSupportFile };
  }
  const problemsOf = async (as: Identity, id: string) => (await ok(as, PROBLEMS, { id })).supportImportProblems.nodes;

  let verificationId: string;
  let entries: { person_id: string; area_code: string }[];
  let cycle: { id: string; code: string; lineCount: number; totalFen: number };
  let bankRows: Record<string, string>[];

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, 0.01));
    verificationId = (await ok(qiaojia, `mutation { openVerification(input: { countyCode: "${DEMO_AREAS.qiaojia}", year: ${YEAR} }) { id } }`)).openVerification.id;
    entries = await sql(`SELECT person_id, area_code FROM {s}.verification_entry WHERE verification_id = $1 ORDER BY person_id`, [verificationId]);
  });
  afterAll(() => env?.close());

  it('the verification list: exported by area (analysts refused), returned by a community worker for their groups only, all rows or none', async () => {
    const list = await download(qiaojia, `/exports/support-verification.csv?year=${YEAR}`);
    expect(list.status).toBe(200);
    expect(list.rows.map((r) => r['人员标识']).sort()).toEqual(entries.map((e) => e.person_id));
    expect(list.rows[0]['身份证号']).toMatch(/^\d{17}[\dX]$/);
    const mine = await download(wenbi, `/exports/support-verification.csv?year=${YEAR}`);
    expect(mine.rows.length).toBe(entries.filter((e) => e.area_code.startsWith(DEMO_AREAS.wenbi)).length);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect((await download(analyst, `/exports/support-verification.csv?year=${YEAR}`)).status).toBe(403);
    expect((await download(qiaojia, '/exports/support-verification.csv')).status).toBe(400);

    // the worker fills in their rows and slips in one of another community
    const outside = entries.find((e) => !e.area_code.startsWith(DEMO_AREAS.wenbi))!;
    const filled = (ids: string[], result = '在册'): SheetRowText[] => ids.map((id) => ({ 核定年度: String(YEAR), 人员标识: id, 核定结果: result, 核定日期: `${YEAR}-03-02` }));
    const worker = filled([...mine.rows.map((r) => r['人员标识']), outside.person_id]);
    const refused = await upload(wenbi, 'SUPPORT_VERIFICATION', csvText(VERIFICATION_SHEET, worker), true);
    expect(refused.run).toMatchObject({ status: 'REJECTED', rowsWritten: 0, problemCount: 1 });
    expectOnlyProblem(await problemsOf(wenbi, refused.run.id), { row: worker.length + 1, column: '人员标识', value: outside.person_id, message: /不在您管辖范围内/ });
    const [{ n: recorded }] = await sql(`SELECT count(*)::int AS n FROM {s}.verification_entry WHERE verification_id = $1 AND result IS NOT NULL`, [verificationId]);
    expect(recorded).toBe(0);
    const date = await upload(wenbi, 'SUPPORT_VERIFICATION', csvText(VERIFICATION_SHEET, [{ ...worker[0], 核定日期: `${YEAR - 1}-12-31` }]), false);
    expectOnlyProblem(await problemsOf(wenbi, date.run.id), { row: 2, column: '核定日期', message: /核定年度内/ });

    // the county office returns the whole list, one person deceased: a dry run, then the commit
    const rows = filled(entries.map((e) => e.person_id));
    rows[0] = { ...rows[0], 核定结果: '死亡', 备注: '=HYPERLINK("x")' };
    const dry = await upload(qiaojia, 'SUPPORT_VERIFICATION', csvText(VERIFICATION_SHEET, rows), false);
    expect(dry.run).toMatchObject({ status: 'VALIDATED', rowsWritten: 0, updated: entries.length });
    const committed = await upload(qiaojia, 'SUPPORT_VERIFICATION', csvText(VERIFICATION_SHEET, rows), true);
    expect(committed.run).toMatchObject({ status: 'COMMITTED', rowsWritten: entries.length });
    const again = await upload(qiaojia, 'SUPPORT_VERIFICATION', csvText(VERIFICATION_SHEET, rows), true);
    expect(again.run).toMatchObject({ status: 'COMMITTED', rowsWritten: 0, unchanged: entries.length });
    const back = await download(qiaojia, `/exports/support-verification.csv?year=${YEAR}`);
    const dead = back.rows.find((r) => r['人员标识'] === entries[0].person_id)!;
    expect(dead).toMatchObject({ 核定结果: '死亡', 备注: `'=HYPERLINK(""x"")` });
    expect((await ok(qiaojia, `mutation ($id: ID!) { closeVerification(id: $id) { status } }`, { id: verificationId })).closeVerification.status).toBe('CLOSED');
    const closed = await upload(qiaojia, 'SUPPORT_VERIFICATION', csvText(VERIFICATION_SHEET, rows.slice(0, 1)), false);
    expectOnlyProblem(await problemsOf(qiaojia, closed.run.id), { row: 2, column: '核定年度', message: /已完成/ });
  });

  it('the quarterly removals report names the person found deceased, in that quarter only', async () => {
    const q1 = await download(qiaojia, `/exports/support-removals.csv?year=${YEAR}&quarter=1`);
    expect(q1.status).toBe(200);
    expect(q1.rows.filter((r) => r['人员标识'] === entries[0].person_id)).toEqual([expect.objectContaining({ 核减原因: '死亡', 核减日期: `${YEAR}-03-02`, 来源: '年度核定' })]);
    const q2 = await download(qiaojia, `/exports/support-removals.csv?year=${YEAR}&quarter=2`);
    expect(q2.rows.some((r) => r['人员标识'] === entries[0].person_id)).toBe(false);
    const masked = await download(auditor, `/exports/support-removals.csv?year=${YEAR}&quarter=1`);
    expect(masked.rows.find((r) => r['人员标识'] === entries[0].person_id)!['身份证号']).toMatch(/^\d{6}\*+$/);
    expect((await download(analyst, `/exports/support-removals.csv?year=${YEAR}&quarter=1`)).status).toBe(403);
    expect((await download(qiaojia, `/exports/support-removals.csv?year=${YEAR}&quarter=5`)).status).toBe(400);
  });

  it('the bank payment file of an approved cycle: full for the office (audited, cycle EXPORTED), masked for the auditor, refused to others; safe in Excel', async () => {
    await ok(qiaojia, `mutation { setPaymentStandard(input: { scheme: POST_RELOCATION_SUPPORT, countyCode: "${DEMO_AREAS.qiaojia}", year: ${YEAR}, amountFen: 60000 }) { amountFen } }`);
    cycle = (await ok(qiaojia, `mutation { generatePaymentCycle(input: { scheme: POST_RELOCATION_SUPPORT, countyCode: "${DEMO_AREAS.qiaojia}", year: ${YEAR} }) { id code lineCount totalFen } }`)).generatePaymentCycle;
    expect((await download(qiaojia, `/exports/bank-payments.csv?cycle=${cycle.code}`)).status).toBe(409);
    await ok(qiaojia, `mutation ($id: ID!) { submitPaymentCycle(id: $id) { state } }`, { id: cycle.id });
    await ok(checker, `mutation ($id: ID!) { approvePaymentCycle(id: $id) { state } }`, { id: cycle.id });
    // a name that a spreadsheet would take for a formula
    const [first] = await sql(`SELECT l.person_id FROM {s}.payment_line l WHERE l.cycle_id = $1 ORDER BY l.id LIMIT 1`, [cycle.id]);
    await sql(`UPDATE {s}.registry_person SET name = '=1+2' WHERE person_id = $1`, [first.person_id]);

    for (const as of [analyst, wenbi, suijiang]) expect((await download(as, `/exports/bank-payments.csv?cycle=${cycle.code}`)).status).toBe(403);
    const masked = await download(auditor, `/exports/bank-payments.csv?cycle=${cycle.id}`);
    expect(masked.rows.length).toBe(cycle.lineCount);
    expect(masked.rows.every((r) => /^\d{6}\*+\d{4}$/.test(r['卡号']) && /^\d{6}\*+$/.test(r['身份证号']))).toBe(true);
    expect((await ok(qiaojia, `query ($id: ID!) { paymentCycle(id: $id) { state } }`, { id: cycle.id })).paymentCycle.state).toBe('APPROVED');

    const file = await download(qiaojia, `/exports/bank-payments.csv?cycle=${cycle.code}`);
    expect(file.status).toBe(200);
    bankRows = file.rows;
    expect(bankRows.length).toBe(cycle.lineCount);
    expect(bankRows.every((r) => /^\d{16,19}$/.test(r['卡号']) && /^\d{17}[\dX]$/.test(r['身份证号']) && r['金额（元）'] === '600.00' && r['批次号'] === cycle.code)).toBe(true);
    expect(bankRows[0]['户名']).toBe(`'=1+2`);
    expect((await ok(qiaojia, `query ($id: ID!) { paymentCycle(id: $id) { state exportedBy } }`, { id: cycle.id })).paymentCycle).toEqual({ state: 'EXPORTED', exportedBy: qiaojia.subject });
    const audit = await fetch(`${base()}/audit/reads?recordType=export:bank-payments`, { headers: { authorization: `Bearer ${await env.token(auditor)}` } });
    const reads = (await audit.json()) as any;
    expect(reads.nodes.map((n: any) => [n.subject, n.fields.sort()])).toEqual([[qiaojia.subject, ['cardNo', 'idNumber']]]);
    // issued again: the same lines, the state unchanged
    expect((await download(qiaojia, `/exports/bank-payments.csv?cycle=${cycle.code}`)).rows).toEqual(bankRows);
  });

  it('the village publication list: partly masked names, resident group and amount, no ID or card', async () => {
    const list = await download(qiaojia, `/exports/support-publication.csv?cycle=${cycle.code}`);
    expect(list.status).toBe(200);
    expect(Object.keys(list.rows[0])).toEqual(['居民小组代码', '姓名', '扶持类别', '年度', '金额（元）']);
    expect(list.rows.length).toBe(cycle.lineCount);
    expect(list.rows.every((r) => r['姓名'].includes('*') && /^\d{15}$/.test(r['居民小组代码']) && r['扶持类别'] === '后期扶持直补')).toBe(true);
    expect(list.text).not.toMatch(/\d{17}[\dX]|\d{16,19}/);
    expect((await download(analyst, `/exports/support-publication.csv?cycle=${cycle.code}`)).status).toBe(403);
  });

  it('the bank’s return: a line not in the cycle, a wrong amount, a duplicate refused by row and column; then paid and failed lines reconcile into a re-payment cycle', async () => {
    const returned = (rows: Record<string, string>[]): SheetRowText[] => rows.map((r, i) => ({
      批次号: r['批次号'], 明细编号: r['明细编号'], 户名: r['户名'], 卡号: r['卡号'], '金额（元）': r['金额（元）'],
      发放结果: i < 2 ? '失败' : '成功', 失败原因: i < 2 ? '账户已销户' : '', 回盘日期: `${YEAR}-07-20`,
    }));
    const good = returned(bankRows);
    const [foreign] = await sql(`SELECT l.id FROM {s}.payment_line l JOIN {s}.payment_cycle c ON c.id = l.cycle_id WHERE c.county_code = $1 AND c.id <> $2 LIMIT 1`, [DEMO_AREAS.qiaojia, cycle.id]);
    const cases: [SheetRowText[], { row: number; column: string; message: RegExp }][] = [
      [[...good.slice(0, 3), { ...good[3], 明细编号: foreign.id }], { row: 5, column: '明细编号', message: /不在批次/ }],
      [[...good.slice(0, 3), { ...good[3], '金额（元）': '600.01' }], { row: 5, column: '金额（元）', message: /不符/ }],
      [[...good.slice(0, 3), good[1]], { row: 5, column: '明细编号', message: /与第 3 行重复/ }],
      [[{ ...good[0], 失败原因: '' }], { row: 2, column: '失败原因', message: /失败原因/ }],
    ];
    for (const [rows, expected] of cases) {
      const res = await upload(qiaojia, 'BANK_RETURNS', csvText(BANK_RETURNS_SHEET, rows), true);
      expect(res.run).toMatchObject({ status: 'REJECTED', rowsWritten: 0 });
      expectOnlyProblem(await problemsOf(qiaojia, res.run.id), expected);
    }
    const [{ n: none }] = await sql(`SELECT count(*)::int AS n FROM {s}.bank_return WHERE cycle_id = $1`, [cycle.id]);
    expect(none).toBe(0);
    expect((await upload(suijiang, 'BANK_RETURNS', csvText(BANK_RETURNS_SHEET, good.slice(0, 1)), false)).run.status).toBe('REJECTED');
    expect((await upload(wenbi, 'BANK_RETURNS', csvText(BANK_RETURNS_SHEET, good.slice(0, 1)), false)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // half the file, then the rest: the cycle reconciles when the last line is back
    const half = Math.ceil(good.length / 2);
    expect((await upload(qiaojia, 'BANK_RETURNS', csvText(BANK_RETURNS_SHEET, good.slice(0, half)), true)).run).toMatchObject({ status: 'COMMITTED', rowsWritten: half });
    expect((await ok(qiaojia, `query ($id: ID!) { paymentCycle(id: $id) { state } }`, { id: cycle.id })).paymentCycle.state).toBe('EXPORTED');
    const twice = await upload(qiaojia, 'BANK_RETURNS', csvText(BANK_RETURNS_SHEET, good.slice(0, 1)), false);
    expectOnlyProblem(await problemsOf(qiaojia, twice.run.id), { row: 2, column: '明细编号', message: /已回盘/ });
    expect((await upload(qiaojia, 'BANK_RETURNS', csvText(BANK_RETURNS_SHEET, good.slice(half)), true)).run).toMatchObject({ status: 'COMMITTED' });

    const d = await ok(qiaojia, `query ($id: ID!) { paymentCycle(id: $id) { state reconciliation { linesFen paymentsFen failuresFen netFen balanced } } }`, { id: cycle.id });
    expect(d.paymentCycle).toEqual({ state: 'RECONCILED', reconciliation: { linesFen: cycle.totalFen, paymentsFen: cycle.totalFen, failuresFen: -120000, netFen: cycle.totalFen - 120000, balanced: true } });
    const repay = await ok(qiaojia, `query { paymentCycles(first: 20, filter: { year: ${YEAR} }) { nodes { kind code state lineCount totalFen } } }`);
    expect(repay.paymentCycles.nodes.filter((c: any) => c.kind === 'REPAYMENT').map(({ kind, ...c }: any) => c)).toEqual([{ code: `${cycle.code}-BF`, state: 'DRAFT', lineCount: 2, totalFen: 120000 }]);
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM {s}.ledger_entry WHERE cycle_id = $1 AND kind = 'FAILURE' AND reason = '账户已销户'`, [cycle.id]);
    expect(n).toBe(2);
    expect(await sql(`SELECT code FROM {s}.cycle_reconciliation WHERE NOT balanced`)).toEqual([]);
  });

  it('export-only and import-only sheets say so; hostile files are bounded as for the other sheets', async () => {
    const exportOnly = await upload(qiaojia, 'BANK_PAYMENTS', 'a,b\r\n1,2\r\n', false);
    expect(exportOnly.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(exportOnly.errors?.[0].message).toMatch(/只能导出/);
    expect((await download(qiaojia, '/exports/bank-returns.csv')).status).toBe(400);
    const wide = `${Array.from({ length: 150 }, (_, i) => `c${i}`).join(',')}\r\n`;
    const res = await upload(qiaojia, 'BANK_RETURNS', wide, false);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/100/);
  });
});
