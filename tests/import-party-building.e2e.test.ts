import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { CADRES_SHEET } from '../subgraphs/party-building/imports/cadres.sheet';
import { GRID_ASSIGNMENTS_SHEET } from '../subgraphs/party-building/imports/grid-assignments.sheet';
import { PAIRINGS_SHEET } from '../subgraphs/party-building/imports/pairings.sheet';
import { generatePartyBuildingDemo } from '../subgraphs/party-building/demo/generator';
import type { PartyBuildingDemo } from '../subgraphs/party-building/demo/rows';
import type { SheetFormat } from '../platform/imports/sheet-format';
import { createTestEnvironment, engines, type TestEnvironment } from './environment';
import { csvText, expectOnlyProblem, xlsxFile, type SheetRowText } from './import-files';
import { registryCommand } from '../scripts/registry-files';
import { newHouseholdInput } from './support/registration';

const { qiaojia, suijiang, prefecture, analyst, wenbi } = DEMO_IDENTITIES;
const SCALE = 0.01;

const IMPORT = `mutation ($input: ImportFileInput!) { importPartyBuildingFile(input: $input) {
  id status commit rowsRead rowsWritten inserted updated unchanged rejected problemCount reportPath(kind: CSV) } }`;
const PROBLEMS = `query ($id: ID!) { partyBuildingImportProblems(importId: $id, first: 200) { nodes { row column value messageZh messageEn } } }`;

type Identity = (typeof DEMO_IDENTITIES)[string];
type Sheet = 'GRID_ASSIGNMENTS' | 'CADRES' | 'PAIRINGS';
const FORMATS: Record<Sheet, SheetFormat> = { GRID_ASSIGNMENTS: GRID_ASSIGNMENTS_SHEET, CADRES: CADRES_SHEET, PAIRINGS: PAIRINGS_SHEET };

describe.each(engines("the import writes in bulk on the owner's connection, through the change-history triggers"))('party-building sheets import (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let demo: PartyBuildingDemo;
  let schema: string;
  let base: string;
  let phones = 0;
  /** A fresh phone, outside the demo's 138 series. */
  const phone = () => `1390000${String(++phones).padStart(4, '0')}`;

  // Wenbi's grid with the most units; a resident group of Wenbi; Suijiang's records
  let grid: { number: number; area_code: string };
  let units: { grid: number; unit: number }[];
  let group: string;
  let suijiangGrid: { number: number; area_code: string };
  let suijiangCadre: string;
  let suijiangHousehold: string;
  // households registered for the suite in the community (the registry knows them; no unit yet), handed out one at a time
  let fresh: string[] = [];
  const nextHousehold = () => fresh.shift()!;

  async function upload(as: Identity, sheet: Sheet, fileName: string, content: string | Buffer, commit = true) {
    const contentBase64 = Buffer.from(content).toString('base64');
    const res = await env.query(as, IMPORT, { input: { sheet, fileName, contentBase64, commit } });
    return { errors: res.errors, run: res.data?.importPartyBuildingFile };
  }
  const csv = (sheet: Sheet, rows: SheetRowText[]) => csvText(FORMATS[sheet], rows);

  async function problemsOf(as: Identity, id: string) {
    const res = await env.query(as, PROBLEMS, { id });
    expect(res.errors).toBeUndefined();
    return res.data.partyBuildingImportProblems.nodes as { row: number; column: string | null; value: string | null; messageZh: string; messageEn: string }[];
  }

  const db = () => env.subgraphs['party-building'].dataSource;

  /** The tables the sheets write, as text: equal before and after means nothing was written. */
  async function fingerprint(): Promise<string> {
    const [row] = await db().query(
      `SELECT (SELECT md5(string_agg(c::text, '|' ORDER BY c.id)) FROM "${schema}".cadre c) AS cadres,
              (SELECT md5(string_agg(x::text, '|' ORDER BY x.household_id)) FROM "${schema}".household_unit x) AS units,
              (SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM "${schema}".cadre_pairing p) AS pairings`);
    return `${row.cadres}/${row.units}/${row.pairings}`;
  }

  async function download(as: Identity | null, route: string): Promise<{ status: number; body: Buffer }> {
    const headers: Record<string, string> = as ? { authorization: `Bearer ${await env.token(as)}` } : {};
    const res = await fetch(base + route, { headers });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  }

  const cadreRow = (p: string, overrides: SheetRowText = {}): SheetRowText => ({
    手机号码: p, 姓名: '王建国', 工作单位: '巧家县水务局', 是否党员: '是', 服务区划代码: grid.area_code, 网格序号: String(grid.number), ...overrides,
  });
  const assignmentRow = (household: string, unit: { grid: number; unit: number }, overrides: SheetRowText = {}): SheetRowText => ({
    户标识: household, 社区区划代码: grid.area_code, 网格序号: String(unit.grid), 单元序号: String(unit.unit), 现居住地区划代码: group, 划入日期: '2024-03-01', ...overrides,
  });
  const pairingRow = (cadrePhone: string, household: string, overrides: SheetRowText = {}): SheetRowText => ({
    干部手机号码: cadrePhone, 户标识: household, 结对日期: '2024-04-01', ...overrides,
  });

  /** A new cadre and a new household in a Wenbi unit, committed through the sheets. */
  async function cadreAndHousehold(): Promise<{ cadrePhone: string; household: string }> {
    const cadrePhone = phone();
    const household = nextHousehold();
    expect((await upload(qiaojia, 'CADRES', 'c.csv', csv('CADRES', [cadreRow(cadrePhone)]))).run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
    expect((await upload(qiaojia, 'GRID_ASSIGNMENTS', 'g.csv', csv('GRID_ASSIGNMENTS', [assignmentRow(household, units[0])]))).run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
    return { cadrePhone, household };
  }

  beforeAll(async () => {
    data = generateDemoData({ scale: SCALE });
    demo = generatePartyBuildingDemo(data, { scale: SCALE });
    env = await createTestEnvironment({ engine, scale: SCALE, subgraphs: ['households', 'party-building'] });
    schema = (db().driver.options as unknown as { schema: string }).schema;
    base = env.gateway.url.replace(/\/graphql$/, '');
    // a Qiaojia community with two units or more
    const gridOf = new Map(demo.grids.map((g) => [g.id, g]));
    const byCommunity = new Map<string, { grid: number; unit: number }[]>();
    for (const u of demo.units.filter((x) => x.county_code === DEMO_AREAS.qiaojia)) {
      const g = gridOf.get(u.grid_id)!;
      byCommunity.set(g.area_code, [...(byCommunity.get(g.area_code) ?? []), { grid: g.number, unit: u.number }]);
    }
    const [community, list] = [...byCommunity.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0];
    units = list;
    expect(units.length).toBeGreaterThan(1);
    grid = { area_code: community, number: units[0].grid };
    group = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(community))!.code;
    suijiangGrid = demo.grids.find((g) => g.county_code === DEMO_AREAS.suijiang)!;
    suijiangCadre = demo.cadres.find((c) => c.county_code === DEMO_AREAS.suijiang)!.phone;
    suijiangHousehold = demo.householdUnits.find((h) => h.county_code === DEMO_AREAS.suijiang)!.household_id;
    // 30 households new to the registry in the community's resident group, registered through the gateway, 10 a request
    for (let batch = 0; batch < 3; batch++) {
      const inputs = Array.from({ length: 10 }, (_, i) => newHouseholdInput(data, `530622-PBI-${batch}${i}`, 700 + (batch * 10 + i) * 2, ['测试甲', '测试乙'], group));
      const fields = inputs.map((_, i) => `h${i}: registerHousehold(input: $h${i}) { id }`);
      const res = await env.query(qiaojia, `mutation (${inputs.map((_, i) => `$h${i}: RegisterHouseholdInput!`).join(', ')}) { ${fields.join(' ')} }`,
        Object.fromEntries(inputs.map((input, i) => [`h${i}`, input])));
      expect(res.errors).toBeUndefined();
      fresh.push(...Object.values(res.data as Record<string, { id: string }>).map((h) => h.id));
    }
    await env.events.settled();
  });
  afterAll(() => env?.close());

  it('serves the templates through the gateway', async () => {
    const res = await download(null, '/imports/templates/cadres.xlsx');
    expect(res.status).toBe(200);
    const sheet = await (await JSZip.loadAsync(res.body)).file('xl/worksheets/sheet1.xml')!.async('string');
    const headerRow = /<row r="1"[^>]*>(.*?)<\/row>/.exec(sheet)![1];
    expect([...headerRow.matchAll(/<(?:t|v)>([^<]*)<\/(?:t|v)>/g)].map((m) => m[1])).toEqual(CADRES_SHEET.columns.map((c) => c.header));
    const pairings = await download(null, '/imports/templates/pairings.csv');
    expect(pairings.body.toString('utf8').replace(/^\ufeff/, '').split('\r\n')[0]).toBe('干部手机号码,户标识,结对日期,结束日期,干部姓名');
    expect((await download(null, '/imports/templates/grid-assignments.xlsx')).status).toBe(200);
  });

  it('cadres: a dry run writes nothing, a commit inserts, the same file again changes nothing, a corrected file updates the changed row', async () => {
    const rows = [cadreRow(phone()), cadreRow(phone(), { 姓名: '李红梅', 是否党员: '否', 网格序号: '', 服务区划代码: DEMO_AREAS.qiaojia })];
    const before = await fingerprint();
    const dry = await upload(qiaojia, 'CADRES', 'cadres.csv', csv('CADRES', rows), false);
    expect(dry.errors).toBeUndefined();
    expect(dry.run).toMatchObject({ status: 'VALIDATED', commit: false, inserted: 2, rowsWritten: 0 });
    expect(await fingerprint()).toBe(before);
    expect((await upload(qiaojia, 'CADRES', 'cadres.csv', csv('CADRES', rows))).run).toMatchObject({ status: 'COMMITTED', inserted: 2, rowsWritten: 2 });
    const after = await fingerprint();
    expect((await upload(qiaojia, 'CADRES', 'cadres.csv', csv('CADRES', rows))).run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 0, unchanged: 2 });
    expect(await fingerprint()).toBe(after);

    const corrected = [rows[0], { ...rows[1], 工作单位: '巧家县民政局' }];
    expect((await upload(qiaojia, 'CADRES', 'cadres.csv', csv('CADRES', corrected))).run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 1, unchanged: 1 });
    const stored = await db().query(`SELECT phone, name, work_unit, party_member, grid_id IS NOT NULL AS in_grid, area_code, county_code FROM "${schema}".cadre WHERE phone = ANY($1) ORDER BY phone`, [rows.map((r) => r.手机号码)]);
    expect(stored).toEqual([
      { phone: rows[0].手机号码, name: '王建国', work_unit: '巧家县水务局', party_member: true, in_grid: true, area_code: grid.area_code, county_code: DEMO_AREAS.qiaojia },
      { phone: rows[1].手机号码, name: '李红梅', work_unit: '巧家县民政局', party_member: false, in_grid: false, area_code: DEMO_AREAS.qiaojia, county_code: DEMO_AREAS.qiaojia },
    ]);
    const xlsx = await xlsxFile(CADRES_SHEET, [cadreRow(phone())]);
    expect((await upload(qiaojia, 'CADRES', 'cadres.xlsx', xlsx)).run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
  });

  it('grid assignments: households enter units, the same file again changes nothing, a corrected file moves exactly the changed household', async () => {
    const [a, b] = [nextHousehold(), nextHousehold()];
    const rows = [assignmentRow(a, units[0]), assignmentRow(b, units[0], { 现居住地区划代码: '', 划入日期: '' })];
    const before = await fingerprint();
    expect((await upload(qiaojia, 'GRID_ASSIGNMENTS', 'g.csv', csv('GRID_ASSIGNMENTS', rows), false)).run).toMatchObject({ status: 'VALIDATED', inserted: 2 });
    expect(await fingerprint()).toBe(before);
    expect((await upload(qiaojia, 'GRID_ASSIGNMENTS', 'g.csv', csv('GRID_ASSIGNMENTS', rows))).run).toMatchObject({ status: 'COMMITTED', inserted: 2 });
    const after = await fingerprint();
    expect((await upload(qiaojia, 'GRID_ASSIGNMENTS', 'g.csv', csv('GRID_ASSIGNMENTS', rows))).run).toMatchObject({ status: 'COMMITTED', unchanged: 2, updated: 0, inserted: 0 });
    expect(await fingerprint()).toBe(after);

    const moved = [rows[0], { ...rows[1], 网格序号: String(units[1].grid), 单元序号: String(units[1].unit) }];
    expect((await upload(qiaojia, 'GRID_ASSIGNMENTS', 'g.csv', csv('GRID_ASSIGNMENTS', moved))).run).toMatchObject({ status: 'COMMITTED', updated: 1, unchanged: 1 });
    const stored = await db().query(
      `SELECT household_id, unit_id, area_code, assigned_on FROM "${schema}".household_unit WHERE household_id = ANY($1::uuid[]) ORDER BY household_id = $2 DESC`, [[a, b], a]);
    const unitId = (u: { grid: number; unit: number }) => demo.units.find((x) => x.number === u.unit && demo.grids.some((g) => g.id === x.grid_id && g.number === u.grid && g.area_code === grid.area_code))!.id;
    expect(stored).toEqual([
      { household_id: a, unit_id: unitId(units[0]), area_code: group, assigned_on: '2024-03-01' },
      // the registry's resident group, whether the file shows it or not
      { household_id: b, unit_id: unitId(units[1]), area_code: group, assigned_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    const xlsx = await xlsxFile(GRID_ASSIGNMENTS_SHEET, [assignmentRow(nextHousehold(), units[1])]);
    expect((await upload(qiaojia, 'GRID_ASSIGNMENTS', 'g.xlsx', xlsx)).run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
  });

  it('pairings: a cadre is paired with a household, the same file again changes nothing, ending it updates that row only', async () => {
    const first = await cadreAndHousehold();
    const second = await cadreAndHousehold();
    const rows = [pairingRow(first.cadrePhone, first.household), pairingRow(second.cadrePhone, second.household)];
    expect((await upload(qiaojia, 'PAIRINGS', 'p.csv', csv('PAIRINGS', rows))).run).toMatchObject({ status: 'COMMITTED', inserted: 2 });
    const after = await fingerprint();
    expect((await upload(qiaojia, 'PAIRINGS', 'p.csv', csv('PAIRINGS', rows))).run).toMatchObject({ status: 'COMMITTED', unchanged: 2 });
    expect(await fingerprint()).toBe(after);
    const ended = [rows[0], { ...rows[1], 结束日期: '2024-10-31' }];
    expect((await upload(qiaojia, 'PAIRINGS', 'p.csv', csv('PAIRINGS', ended))).run).toMatchObject({ status: 'COMMITTED', updated: 1, unchanged: 1 });
    const stored = await db().query(`SELECT household_id, started_on, ended_on, area_code FROM "${schema}".cadre_pairing WHERE household_id = ANY($1::uuid[]) ORDER BY ended_on NULLS FIRST`, [[first.household, second.household]]);
    expect(stored).toEqual([
      { household_id: first.household, started_on: '2024-04-01', ended_on: null, area_code: group },
      { household_id: second.household, started_on: '2024-04-01', ended_on: '2024-10-31', area_code: group },
    ]);
    // a new pairing of the same two after the end, from a workbook
    const xlsx = await xlsxFile(PAIRINGS_SHEET, [pairingRow(second.cadrePhone, second.household, { 结对日期: '2024-11-01' })]);
    expect((await upload(qiaojia, 'PAIRINGS', 'p.xlsx', xlsx)).run).toMatchObject({ status: 'COMMITTED', inserted: 1 });
    // the change history names the import
    const [change] = await db().query(`SELECT source FROM "${schema}".change_log WHERE table_name = 'cadre_pairing' ORDER BY at DESC LIMIT 1`);
    expect(change.source).toMatch(/^import [0-9a-f-]{36}$/);
  });

  describe('every kind of bad row is reported precisely and nothing is written', () => {
    let good: { cadrePhone: string; household: string };
    let openPairing: { cadrePhone: string; household: string };
    /** A registered household in no unit (the cases' files are all refused: it stays so). */
    let spare: string;
    let spare2: string;
    /** Another resident group of the community than the registry's for the suite's households. */
    let otherGroup: string;
    /** A registered Qiaojia household outside the cases' community. */
    let elsewhereInCounty: string;

    beforeAll(async () => {
      good = await cadreAndHousehold();
      spare = nextHousehold();
      spare2 = nextHousehold();
      otherGroup = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(grid.area_code) && a.code !== group)!.code;
      elsewhereInCounty = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia && !h.area_code.startsWith(grid.area_code))!.id;
      const pairing = demo.pairings.find((p) => p.county_code === DEMO_AREAS.qiaojia)!;
      openPairing = { cadrePhone: demo.cadres.find((c) => c.id === pairing.cadre_id)!.phone, household: pairing.household_id };
    });

    type Case = [string, Sheet, () => SheetRowText[], string, string | RegExp, RegExp, Identity?];
    const cases: Case[] = [
      ['cadres: a required cell left empty', 'CADRES', () => [cadreRow(phone()), cadreRow(phone(), { 姓名: '' })], '姓名', '', /姓名不能为空/],
      ['cadres: a phone that is not a mobile number', 'CADRES', () => [cadreRow(phone()), cadreRow('1381234567')], '手机号码', '1381234567', /手机号码须为 11 位数字/],
      ['cadres: a flag that is not 是/否', 'CADRES', () => [cadreRow(phone()), cadreRow(phone(), { 是否党员: '可能' })], '是否党员', '可能', /“是”或“否”/],
      ['cadres: a grid number that is not a number', 'CADRES', () => [cadreRow(phone()), cadreRow(phone(), { 网格序号: '三' })], '网格序号', '三', /网格序号须在 1 至 999 之间/],
      ['cadres: a grid that does not exist', 'CADRES', () => [cadreRow(phone()), cadreRow(phone(), { 网格序号: '999' })], '网格序号', '999', /没有序号为 999 的网格/],
      ['cadres: a community without a grid number', 'CADRES', () => [cadreRow(phone()), cadreRow(phone(), { 网格序号: '' })], '服务区划代码', /^\d{12}$/, /不在网格中的干部，服务区划须为县/],
      ['cadres: a grid of another county (jurisdiction)', 'CADRES', () => [cadreRow(phone()), cadreRow(phone(), { 服务区划代码: suijiangGrid.area_code, 网格序号: String(suijiangGrid.number) })], '服务区划代码', /^530626/, /不在您的管辖范围内/],
      ['cadres: the phone of another county’s cadre', 'CADRES', () => [cadreRow(phone()), cadreRow(suijiangCadre)], '手机号码', /^138/, /已登记为其他县（区、市）的干部/],
      ['cadres: the same phone twice in the file', 'CADRES', () => {
        const p = phone();
        return [cadreRow(p), cadreRow(p, { 姓名: '李红梅' })];
      }, '手机号码', /^139/, /与第 2 行重复/],
      ['grid assignments: a household id that is not an id', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow('530622-IMP-000001', units[0])], '户标识', '530622-IMP-000001', /标识格式无效/],
      ['grid assignments: a unit that does not exist', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow(spare2, { grid: units[0].grid, unit: 999 })], '单元序号', '999', /没有第 \d+ 网格第 999 单元/],
      ['grid assignments: a unit of another county (jurisdiction)', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow(spare2, { grid: 1, unit: 1 }, { 社区区划代码: suijiangGrid.area_code, 网格序号: String(suijiangGrid.number), 现居住地区划代码: '' })], '社区区划代码', /^530626/, /不在您的管辖范围内/],
      ['grid assignments: a household of another county', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow(suijiangHousehold, units[0])], '户标识', /^[0-9a-f-]{36}$/, /属于其他县（区、市），不在您的管辖范围内/],
      ['grid assignments: a household the registry does not know', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow(randomUUID(), units[0])], '户标识', /^[0-9a-f-]{36}$/, /该移民户不在移民登记中/],
      ['grid assignments: a resident group that is not the registry’s', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow(spare2, units[0], { 现居住地区划代码: otherGroup })], '现居住地区划代码', /^530622\d{9}$/, /与移民登记的该户现居住地（\d{15}）不符/],
      ['grid assignments: a household living outside the community', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow(elsewhereInCounty, units[0], { 现居住地区划代码: '' })], '社区区划代码', /^\d{12}$/, /移民登记中该户居住在 \d{15}，不在社区/],
      ['grid assignments: a date in the future', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow(spare2, units[0], { 划入日期: '2099-01-01' })], '划入日期', '2099-01-01', /划入日期不能晚于今天/],
      ['grid assignments: a date not in the calendar', 'GRID_ASSIGNMENTS', () => [assignmentRow(spare, units[0]), assignmentRow(spare2, units[0], { 划入日期: '2024/2/30' })], '划入日期', '2024/2/30', /划入日期 2024-02-30 不存在/],
      ['pairings: a cadre that does not exist', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow('13999999999', good.household)], '干部手机号码', '13999999999', /不存在：请先导入干部表/],
      ['pairings: a cadre of another county', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow(suijiangCadre, good.household)], '干部手机号码', /^138/, /属于其他县（区、市），不在您的管辖范围内/],
      ['pairings: a household not in a unit', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow(good.cadrePhone, spare)], '户标识', /^[0-9a-f-]{36}$/, /该户尚未划入网格单元，请先划入/],
      ['pairings: a household the registry does not know', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow(good.cadrePhone, randomUUID())], '户标识', /^[0-9a-f-]{36}$/, /该移民户不在移民登记中/],
      ['pairings: a household of another county', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow(good.cadrePhone, suijiangHousehold)], '户标识', /^[0-9a-f-]{36}$/, /属于其他县（区、市），不在您的管辖范围内/],
      ['pairings: a cadre and a household of different counties', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow(good.cadrePhone, suijiangHousehold)], '干部手机号码', /^139/, /干部须与移民户在同一县（区、市）/, prefecture],
      ['pairings: an end before the start', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow(good.cadrePhone, good.household, { 结对日期: '2023-05-01', 结束日期: '2023-04-30' })], '结束日期', '2023-04-30', /结束日期不能早于结对日期/],
      ['pairings: a second open pairing of a cadre and a household', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow(openPairing.cadrePhone, openPairing.household, { 结对日期: '2024-12-01' })], '结对日期', '2024-12-01', /该干部已与该户结对/],
      ['pairings: the same open pairing twice in the file', 'PAIRINGS', () => [pairingRow(good.cadrePhone, good.household), pairingRow(good.cadrePhone, good.household, { 结对日期: '2024-05-01' })], '结束日期', '', /第 2 行已有该干部与该户未结束的结对/],
    ];

    it.each(cases)('%s', async (_label, sheet, rows, column, value, message, as = qiaojia) => {
      const before = await fingerprint();
      const { run, errors } = await upload(as, sheet, 'bad.csv', csv(sheet, rows()));
      expect(errors).toBeUndefined();
      expect(run).toMatchObject({ status: 'REJECTED', rejected: 1, rowsWritten: 0 });
      const problems = await problemsOf(as, run.id);
      expectOnlyProblem(problems, { row: 3, column, value, message });
      expect(await fingerprint()).toBe(before);
    });
  });

  it('export → import of a county is a no-op for an officer; phones are masked for other roles', async () => {
    for (const sheet of ['cadres', 'grid-assignments', 'pairings'] as const) {
      for (const kind of ['csv', 'xlsx'] as const) {
        const exported = await download(qiaojia, `/exports/${sheet}.${kind}?area=${DEMO_AREAS.qiaojia}`);
        expect(exported.status).toBe(200);
        const before = await fingerprint();
        const { run } = await upload(qiaojia, sheet.toUpperCase().replace('-', '_') as Sheet, `${sheet}.${kind}`, exported.body);
        expect(run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 0, rejected: 0 });
        expect(run.unchanged).toBe(run.rowsRead);
        expect(run.rowsRead).toBeGreaterThan(5);
        expect(await fingerprint()).toBe(before);
        if (kind === 'csv') expect((await download(qiaojia, `/exports/${sheet}.csv?area=${DEMO_AREAS.qiaojia}`)).body.toString('utf8')).toBe(exported.body.toString('utf8'));
      }
    }
    const masked = (await download(analyst, '/exports/cadres.csv')).body.toString('utf8').split('\r\n')[1].split(',');
    expect(masked[0]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const pairings = (await download(analyst, '/exports/pairings.csv')).body.toString('utf8').split('\r\n')[1].split(',');
    expect(pairings[0]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const graph = await env.query(analyst, '{ cadres(first: 1) { nodes { phone } } }');
    expect(graph.data.cadres.nodes[0].phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect((await download(qiaojia, `/exports/cadres.csv?area=${DEMO_AREAS.suijiang}`)).status).toBe(403);
    expect((await download(null, '/exports/pairings.csv')).status).toBe(401);
  });

  it('the command imports and exports the same sheets against the subgraph’s database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-import-'));
    try {
      const file = path.join(dir, 'cadres.csv');
      const cadrePhone = phone();
      fs.writeFileSync(file, csv('CADRES', [cadreRow(cadrePhone)]));
      const as = ['--role', 'COUNTY_OFFICER', '--jurisdiction', DEMO_AREAS.qiaojia];
      const printed: string[] = [];
      expect(await registryCommand('import', ['--sheet', 'cadres', '--file', file, '--commit', ...as], { dataSource: db, print: (l) => printed.push(l) })).toBe(0);
      expect(printed[0]).toMatch(/^import \S+: COMMITTED/);
      const [row] = await db().query(`SELECT name FROM "${schema}".cadre WHERE phone = $1`, [cadrePhone]);
      expect(row).toEqual({ name: '王建国' });
      const out = path.join(dir, 'out.csv');
      expect(await registryCommand('export', ['--sheet', 'cadres', '--out', out, ...as], { dataSource: db, print: () => undefined })).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).toContain(`${cadrePhone},王建国,巧家县水务局,是,${grid.area_code},${grid.number}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses roles that may not import, and sheets of another subgraph', async () => {
    for (const who of [analyst, wenbi]) {
      const { errors } = await upload(who, 'CADRES', 'c.csv', csv('CADRES', [cadreRow(phone())]));
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const res = await env.query(qiaojia, IMPORT, { input: { sheet: 'HOUSEHOLDS', fileName: 'h.csv', contentBase64: Buffer.from('x').toString('base64') } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sheet' });
    expect(res.errors?.[0].message).toMatch(/importRegistryFile/);
    const run = (await upload(qiaojia, 'CADRES', 'c.csv', csv('CADRES', [cadreRow('12')]), false)).run;
    const foreign = await env.query(suijiang, 'query ($id: ID!) { partyBuildingImportRun(id: $id) { status } }', { id: run.id });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await download(suijiang, run.reportPath)).status).toBe(403);
    expect((await download(qiaojia, run.reportPath)).status).toBe(200);
  });
});
