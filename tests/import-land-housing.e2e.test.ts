import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { ALLOCATIONS_SHEET } from '../subgraphs/land-housing/imports/allocations.sheet';
import { LAND_PARCELS_SHEET } from '../subgraphs/land-housing/imports/land-parcels.sheet';
import { ORIGINAL_HOUSES_SHEET } from '../subgraphs/land-housing/imports/original-houses.sheet';
import { generateLandHousingData } from '../subgraphs/land-housing/demo/generator';
import type { LandHousingData } from '../subgraphs/land-housing/demo/rows';
import { createTestEnvironment, engines, type TestEnvironment } from './environment';
import { registryCommand } from '../scripts/registry-files';
import { makeIdNumber } from '../platform/domain/id-number';
import { csvText, expectOnlyProblem, xlsxFile, type SheetRowText } from './import-files';

const { qiaojia, prefecture, analyst } = DEMO_IDENTITIES;
const SCALE = 0.005;

const IMPORT = `mutation ($input: ImportFileInput!) { importLandHousingFile(input: $input) {
  id status commit rowsRead rowsWritten inserted updated unchanged rejected problemCount } }`;
const PROBLEMS = `query ($id: ID!) { landHousingImportProblems(importId: $id, first: 200) { nodes { row column value messageZh messageEn } } }`;

type Identity = (typeof DEMO_IDENTITIES)[string];
type Sheet = 'LAND_PARCELS' | 'ORIGINAL_HOUSES' | 'ALLOCATIONS';
const FORMATS = { LAND_PARCELS: LAND_PARCELS_SHEET, ORIGINAL_HOUSES: ORIGINAL_HOUSES_SHEET, ALLOCATIONS: ALLOCATIONS_SHEET };

describe.each(engines("the import writes in bulk on the owner's connection, through the change-history triggers"))('land & housing sheets import (%s)', (engine) => {
  let env: TestEnvironment;
  let registry: DemoData;
  let data: LandHousingData;
  let schema: string;
  let base: string;
  let village: string; // a Qiaojia village
  let household: string; // registered in beforeAll: land & housing hears of it from the registry's event
  const group = `${DEMO_AREAS.wenbi}003`;
  let suijiangHousehold: string;
  let flats: Record<'basic' | 'guaranteed' | 'large' | 'small' | 'standard', string>;

  async function upload(as: Identity, sheet: Sheet, fileName: string, content: string | Buffer, commit = true) {
    const contentBase64 = Buffer.from(content).toString('base64');
    const res = await env.query(as, IMPORT, { input: { sheet, fileName, contentBase64, commit } });
    return { errors: res.errors, run: res.data?.importLandHousingFile };
  }
  const csv = (sheet: Sheet, rows: SheetRowText[]) => csvText(FORMATS[sheet], rows);

  async function problemsOf(id: string, as: Identity = qiaojia) {
    const res = await env.query(as, PROBLEMS, { id });
    expect(res.errors).toBeUndefined();
    return res.data.landHousingImportProblems.nodes as { row: number; column: string | null; value: string | null; messageZh: string; messageEn: string }[];
  }

  /** Every row the sheets write, as text: equal before and after means nothing was written. */
  async function fingerprint(): Promise<string> {
    const tables = ['household_ref', 'land_parcel', 'original_house', 'allocation'];
    const [row] = await env.subgraphs['land-housing'].dataSource.query(
      `SELECT ${tables.map((t) => `(SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM "${schema}".${t} x) AS ${t}`).join(', ')}`);
    return tables.map((t) => row[t]).join('/');
  }

  const query = (sql: string, params: unknown[]) => env.subgraphs['land-housing'].dataSource.query(sql, params);

  async function download(as: Identity | null, route: string) {
    const headers: Record<string, string> = as ? { authorization: `Bearer ${await env.token(as)}` } : {};
    const res = await fetch(base + route, { headers });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  }

  const parcel = (overrides: SheetRowText = {}): SheetRowText => ({
    地块所在村代码: village, 地块编号: 'T-0001', 电站: '白鹤滩', 户标识: household, 现居住地区划代码: group, 土地用途: '耕地', '面积（亩）': '1.25', 调查日期: '2018-05-02', ...overrides,
  });
  const collective = (overrides: SheetRowText = {}): SheetRowText => ({
    地块所在村代码: village, 地块编号: 'T-0002', 电站: '白鹤滩', 土地用途: '林地', '面积（亩）': '120.5', 调查日期: '2018-05-02', ...overrides,
  });
  const house = (overrides: SheetRowText = {}): SheetRowText => ({
    户标识: household, 房屋编号: '1', 房屋所在村代码: village, 房屋结构: '砖混', '实调面积（平方米）': '120', 调查日期: '2018-05-02', ...overrides,
  });
  const allocation = (flatId: string, overrides: SheetRowText = {}): SheetRowText => ({
    房源标识: flatId, 户标识: household, '置换面积（平方米）': '', 分配日期: '2021-03-01', ...overrides,
  });

  beforeAll(async () => {
    registry = generateDemoData({ scale: SCALE });
    data = generateLandHousingData(registry, { scale: SCALE });
    env = await createTestEnvironment({ engine, scale: SCALE, subgraphs: ['households', 'land-housing'] });
    schema = (env.subgraphs['land-housing'].dataSource.driver.options as unknown as { schema: string }).schema;
    base = env.gateway.url.replace(/\/graphql$/, '');
    village = data.parcels.find((p) => p.county_code === DEMO_AREAS.qiaojia && p.owner_kind === 'COLLECTIVE')!.village_code;
    suijiangHousehold = data.householdRefs.find((h) => h.county_code === DEMO_AREAS.suijiang)!.id;
    const registered = await env.query(qiaojia, 'mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }', {
      input: {
        registryNo: '530622-BHT-770001', stationId: 'BAIHETAN', originalAreaCode: village, areaCode: group, relocationMode: 'URBANISATION',
        housingMode: 'UNIFIED', registeredOn: '2020-03-01', relocatedOn: '2021-06-15',
        members: [{ name: '赵德明', idNumber: makeIdNumber('530622', '1968-02-14', 771), ethnicity: '汉族', relation: 'HEAD', productionMode: 'ANNUAL_COMPENSATION' }],
      },
    });
    expect(registered.errors).toBeUndefined();
    household = registered.data.registerHousehold.id;
    await env.events.settled();
    // flats of a unified site (at most 20 m² beyond the swap), made through the mutations
    const site = data.sites.find((s) => s.area_code === DEMO_AREAS.wenbi && s.construction_mode === 'UNIFIED')!;
    const building = (await env.query(qiaojia, `mutation ($input: CreateBuildingInput!) { createBuilding(input: $input) { units { id } } }`,
      { input: { siteId: site.id, number: '88幢', floors: 6, units: 1 } })).data.createBuilding;
    const created = (await env.query(qiaojia, `mutation ($input: CreateFlatsInput!) { createFlats(input: $input) { id } }`, { input: { unitId: building.units[0].id, flats: [
      { floor: 1, number: '0101', floorArea: 95.5, category: 'BASIC' },
      { floor: 1, number: '0102', floorArea: 80, category: 'GUARANTEED' },
      { floor: 2, number: '0201', floorArea: 150, category: 'BASIC' },
      { floor: 2, number: '0202', floorArea: 75, category: 'BASIC' },
      { floor: 3, number: '0301', floorArea: 90, category: 'STANDARD' },
    ] } })).data.createFlats.map((f: { id: string }) => f.id);
    flats = { basic: created[0], guaranteed: created[1], large: created[2], small: created[3], standard: created[4] };
  });
  afterAll(() => env?.close());

  it('serves the templates through the gateway: Chinese headers, drop-down lists', async () => {
    const res = await download(null, '/imports/templates/land-parcels.xlsx');
    expect(res.status).toBe(200);
    const sheet = await (await JSZip.loadAsync(res.body)).file('xl/worksheets/sheet1.xml')!.async('string');
    const headerRow = /<row r="1"[^>]*>(.*?)<\/row>/.exec(sheet)![1];
    expect([...headerRow.matchAll(/<(?:t|v)>([^<]*)<\/(?:t|v)>/g)].map((m) => m[1])).toEqual(LAND_PARCELS_SHEET.columns.map((c) => c.header));
    expect(sheet).toContain('&quot;耕地,园地,林地,宅基地,其他土地&quot;');
    const allocations = await download(null, '/imports/templates/allocations.csv');
    expect(allocations.body.toString('utf8').replace(/^\ufeff/, '').split('\r\n')[0]).toBe(ALLOCATIONS_SHEET.columns.map((c) => c.header).join(','));
  });

  it('land parcels: a dry run writes nothing, a commit writes the parcels (the household’s area from the registry), a second import changes nothing', async () => {
    const file = csv('LAND_PARCELS', [parcel(), collective()]);
    const before = await fingerprint();
    const dry = await upload(qiaojia, 'LAND_PARCELS', 'parcels.csv', file, false);
    expect(dry.errors).toBeUndefined();
    expect(dry.run).toMatchObject({ status: 'VALIDATED', commit: false, inserted: 2, rowsWritten: 0 });
    expect(await fingerprint()).toBe(before);
    expect((await upload(qiaojia, 'LAND_PARCELS', 'parcels.csv', file)).run).toMatchObject({ status: 'COMMITTED', inserted: 2, rowsWritten: 2 });
    expect(await query(`SELECT area_code, county_code FROM "${schema}".household_ref WHERE id = $1`, [household])).toEqual([{ area_code: group, county_code: DEMO_AREAS.qiaojia }]);
    const rows = await query(`SELECT parcel_no, owner_kind, household_id, area_code, land_use, area_mu::text AS area_mu FROM "${schema}".land_parcel WHERE village_code = $1 AND parcel_no LIKE 'T-%' ORDER BY parcel_no`, [village]);
    expect(rows).toEqual([
      { parcel_no: 'T-0001', owner_kind: 'HOUSEHOLD', household_id: household, area_code: group, land_use: 'CULTIVATED', area_mu: '1.25' },
      { parcel_no: 'T-0002', owner_kind: 'COLLECTIVE', household_id: null, area_code: village, land_use: 'FOREST', area_mu: '120.50' },
    ]);
    const after = await fingerprint();
    expect((await upload(qiaojia, 'LAND_PARCELS', 'parcels.csv', file)).run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 0, unchanged: 2 });
    expect(await fingerprint()).toBe(after);

    // a corrected file: only the changed row is written, and the change history names the import
    const corrected = await upload(qiaojia, 'LAND_PARCELS', 'parcels.csv', csv('LAND_PARCELS', [parcel({ '面积（亩）': '1.5', 现居住地区划代码: '' }), collective()]));
    expect(corrected.run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 1, unchanged: 1 });
    const [changed] = await query(`SELECT area_mu::text AS area_mu FROM "${schema}".land_parcel WHERE village_code = $1 AND parcel_no = 'T-0001'`, [village]);
    expect(changed).toEqual({ area_mu: '1.50' });
    const history = await query(`SELECT operation, source FROM "${schema}".change_log WHERE table_name = 'land_parcel' AND source = $1`, [`import ${corrected.run.id}`]);
    expect(history).toEqual([{ operation: 'UPDATE', source: `import ${corrected.run.id}` }]);
  });

  it('original houses: an XLSX workbook imports; a second import changes nothing; a corrected file updates the changed row', async () => {
    const rows = [house(), house({ 房屋编号: '2', 房屋结构: '杂房', '实调面积（平方米）': '30' })];
    const xlsx = await xlsxFile(ORIGINAL_HOUSES_SHEET, rows);
    expect((await upload(qiaojia, 'ORIGINAL_HOUSES', 'houses.xlsx', xlsx)).run).toMatchObject({ status: 'COMMITTED', inserted: 2 });
    const after = await fingerprint();
    expect((await upload(qiaojia, 'ORIGINAL_HOUSES', 'houses.xlsx', xlsx)).run).toMatchObject({ status: 'COMMITTED', unchanged: 2 });
    expect(await fingerprint()).toBe(after);
    const corrected = await upload(qiaojia, 'ORIGINAL_HOUSES', 'houses.csv', csv('ORIGINAL_HOUSES', [rows[0], { ...rows[1], 房屋结构: 'BRICK_WOOD' }]));
    expect(corrected.run).toMatchObject({ status: 'COMMITTED', updated: 1, unchanged: 1 });
    expect(await query(`SELECT house_no, structure, floor_area::text AS floor_area FROM "${schema}".original_house WHERE household_id = $1 ORDER BY house_no`, [household]))
      .toEqual([{ house_no: '1', structure: 'BRICK_CONCRETE', floor_area: '120.00' }, { house_no: '2', structure: 'BRICK_WOOD', floor_area: '30.00' }]);
  });

  it('allocations: allocates under allocateFlat’s rules, hands over in the same row, and a corrected file updates the changed row', async () => {
    const rows = [
      allocation(flats.basic, { '置换面积（平方米）': '90' }),
      allocation(flats.guaranteed, { 交房日期: '2021-06-01', 入住状态: '已入住' }),
    ];
    const run = (await upload(qiaojia, 'ALLOCATIONS', 'allocations.csv', csv('ALLOCATIONS', rows))).run;
    expect(run).toMatchObject({ status: 'COMMITTED', inserted: 2 });
    const stored = () => query(
      `SELECT flat_id, swapped_area::text AS swapped_area, allocated_area::text AS allocated_area, settlement, handed_over_on, occupied_on, occupancy_status
         FROM "${schema}".allocation WHERE household_id = $1 ORDER BY allocated_area`, [household]);
    expect(await stored()).toEqual([
      { flat_id: flats.guaranteed, swapped_area: null, allocated_area: '80.00', settlement: 'NO_SWAP', handed_over_on: '2021-06-01', occupied_on: '2021-06-01', occupancy_status: 'OCCUPIED' },
      { flat_id: flats.basic, swapped_area: '90.00', allocated_area: '95.50', settlement: 'PAY_DIFFERENCE', handed_over_on: null, occupied_on: null, occupancy_status: null },
    ]);
    const after = await fingerprint();
    expect((await upload(qiaojia, 'ALLOCATIONS', 'allocations.xlsx', await xlsxFile(ALLOCATIONS_SHEET, rows))).run).toMatchObject({ status: 'COMMITTED', unchanged: 2 });
    expect(await fingerprint()).toBe(after);
    const corrected = [{ ...rows[0], 交房日期: '2021-07-01', 入住状态: '出租' }, rows[1]];
    expect((await upload(qiaojia, 'ALLOCATIONS', 'allocations.csv', csv('ALLOCATIONS', corrected))).run).toMatchObject({ status: 'COMMITTED', updated: 1, unchanged: 1 });
    expect((await stored())[1]).toMatchObject({ handed_over_on: '2021-07-01', occupied_on: null, occupancy_status: 'RENTED_OUT' });
  });

  describe('every kind of bad row is reported precisely and nothing is written', () => {
    const takenFlat = () => data.allocations.find((a) => a.county_code === DEMO_AREAS.qiaojia)!;
    /** The basic flat's row as the allocations test left it. */
    const basicNow = () => allocation(flats.basic, { '置换面积（平方米）': '90', 交房日期: '2021-07-01', 入住状态: '出租' });
    const suijiangFlat = () => data.flats.find((f) => f.county_code === DEMO_AREAS.suijiang)!.id;
    const cases: [string, Sheet, () => SheetRowText[], string, RegExp, Identity?][] = [
      ['parcel: an area that is not a number', 'LAND_PARCELS', () => [parcel(), collective({ '面积（亩）': '一亩' })], '面积（亩）', /面积须为数字/],
      ['parcel: an area out of range', 'LAND_PARCELS', () => [parcel(), collective({ '面积（亩）': '0' })], '面积（亩）', /面积须在 0.01–10000 亩之间/],
      ['parcel: a land use not in the list', 'LAND_PARCELS', () => [parcel(), collective({ 土地用途: '荒地' })], '土地用途', /土地用途须为以下之一：耕地、园地/],
      ['parcel: collective homestead land', 'LAND_PARCELS', () => [parcel(), collective({ 土地用途: '宅基地' })], '土地用途', /宅基地须登记到农户/],
      ['parcel: a household area on collective land', 'LAND_PARCELS', () => [parcel(), collective({ 现居住地区划代码: group })], '现居住地区划代码', /集体土地无需填写农户现居住地/],
      ['parcel: a survey date in the future', 'LAND_PARCELS', () => [parcel(), collective({ 调查日期: '2099-01-01' })], '调查日期', /调查日期不能晚于今天/],
      ['parcel: a village of another county (jurisdiction)', 'LAND_PARCELS', () => [parcel(), collective({ 地块所在村代码: data.parcels.find((p) => p.county_code === DEMO_AREAS.suijiang)!.village_code })], '地块所在村代码', /不在您的管辖范围内/],
      ['parcel: a household of another county (jurisdiction)', 'LAND_PARCELS', () => [parcel(), parcel({ 地块编号: 'T-0003', 户标识: suijiangHousehold, 现居住地区划代码: '' })], '户标识', /不在您的管辖范围内/],
      ['parcel: a household the registry does not know', 'LAND_PARCELS', () => [parcel(), parcel({ 地块编号: 'T-0003', 户标识: randomUUID(), 现居住地区划代码: '' })], '户标识', /该移民户不在移民登记中/],
      ['parcel: an area that contradicts the registry', 'LAND_PARCELS', () => [parcel(), parcel({ 地块编号: 'T-0003', 现居住地区划代码: `${DEMO_AREAS.wenbi}004` })], '现居住地区划代码', new RegExp(`与移民登记的该户现居住地（${group}）不符`)],
      ['parcel: the same parcel twice in the file', 'LAND_PARCELS', () => [parcel(), parcel({ 地块编号: ' T-0001 ' })], '地块编号', /与第 2 行重复/],
      ['parcel: another owner for a recorded parcel', 'LAND_PARCELS', () => [parcel(), collective({ 户标识: household })], '户标识', /已登记为村集体的土地.*权属不能通过导入更改/],
      ['house: a structure not in the list', 'ORIGINAL_HOUSES', () => [house(), house({ 房屋编号: '3', 房屋结构: '石头房' })], '房屋结构', /房屋结构须为以下之一/],
      ['house: a floor area out of range', 'ORIGINAL_HOUSES', () => [house(), house({ 房屋编号: '3', '实调面积（平方米）': '6000' })], '实调面积（平方米）', /实调面积须在 0.01–5000 平方米之间/],
      ['house: a village in another county than the household', 'ORIGINAL_HOUSES', () => [house(), house({ 房屋编号: '3', 房屋所在村代码: data.parcels.find((p) => p.county_code === DEMO_AREAS.suijiang)!.village_code })], '房屋所在村代码', /所在村须与该户属同一县（530622）/],
      ['house: a malformed household id', 'ORIGINAL_HOUSES', () => [house(), house({ 户标识: 'h-42' })], '户标识', /标识格式无效/],
      ['allocation: a flat allocated to another household', 'ALLOCATIONS', () => [basicNow(), allocation(takenFlat().flat_id)], '房源标识', new RegExp(`该房源已分配给移民户 [0-9a-f-]{36}，不能再分配给`)],
      ['allocation: a flat of another county (jurisdiction)', 'ALLOCATIONS', () => [basicNow(), allocation(suijiangFlat())], '房源标识', /属于其他县（区、市），不在您的管辖范围内/],
      ['allocation: a flat that does not exist', 'ALLOCATIONS', () => [basicNow(), allocation(randomUUID())], '房源标识', /不存在/],
      ['allocation: a swap for guaranteed housing', 'ALLOCATIONS', () => [basicNow(), allocation(flats.guaranteed, { '置换面积（平方米）': '10', 交房日期: '2021-06-01', 入住状态: '已入住' })], '置换面积（平方米）', /保障住房不进行面积置换/],
      ['allocation: basic housing without a swap', 'ALLOCATIONS', () => [basicNow(), allocation(flats.small)], '置换面积（平方米）', /基本住房须以原房屋面积置换/],
      ['allocation: a swap beyond the floor area not yet swapped', 'ALLOCATIONS', () => [basicNow(), allocation(flats.small, { '置换面积（平方米）': '70' })], '置换面积（平方米）', /置换面积超过该户尚未置换的实调面积（60 平方米）/],
      ['allocation: two rows of the file whose swaps together exceed the floor area', 'ALLOCATIONS', () => [allocation(flats.small, { '置换面积（平方米）': '60' }), allocation(flats.standard, { '置换面积（平方米）': '70' })], '置换面积（平方米）', /置换面积超过该户尚未置换的实调面积（0 平方米）/],
      ['allocation: a flat larger than the swap by more than the site allows', 'ALLOCATIONS', () => [basicNow(), allocation(flats.large, { '置换面积（平方米）': '50' })], '置换面积（平方米）', /超出置换面积 100 平方米，超过该安置点允许的 20 平方米/],
      ['allocation: a household of another county', 'ALLOCATIONS', () => [basicNow(), allocation(flats.standard, { 户标识: suijiangHousehold })], '户标识', /该户属 530626，不能分配 530622 的安置房/, prefecture],
      ['allocation: a handover before the allocation', 'ALLOCATIONS', () => [basicNow(), allocation(flats.small, { '置换面积（平方米）': '60', 交房日期: '2021-02-01' })], '交房日期', /交房日期不能早于分配日期（2021-03-01）/],
      ['allocation: an occupancy without a handover', 'ALLOCATIONS', () => [basicNow(), allocation(flats.small, { '置换面积（平方米）': '60', 入住状态: '已入住' })], '入住状态', /尚未交房/],
      ['allocation: a handover date emptied', 'ALLOCATIONS', () => [basicNow(), allocation(flats.guaranteed)], '交房日期', /已于 2021-06-01 交房，交房日期不能清空/],
    ];

    it.each(cases)('%s', async (_label, sheet, rows, column, message, as = qiaojia) => {
      const before = await fingerprint();
      const { run, errors } = await upload(as, sheet, 'bad.csv', csv(sheet, rows()));
      expect(errors).toBeUndefined();
      expect(run).toMatchObject({ status: 'REJECTED', rejected: 1, rowsWritten: 0 });
      const problems = await problemsOf(run.id, as);
      expectOnlyProblem(problems, { row: 3, column, message });
      expect(await fingerprint()).toBe(before);
    });
  });

  it('export → import of a county is a no-op for an officer, for each sheet and kind; an analyst’s export masks flat numbers', async () => {
    for (const sheet of ['land-parcels', 'original-houses', 'allocations'] as const) {
      for (const kind of ['csv', 'xlsx'] as const) {
        const exported = await download(qiaojia, `/exports/${sheet}.${kind}?area=${DEMO_AREAS.qiaojia}`);
        expect(exported.status).toBe(200);
        const before = await fingerprint();
        const enumName = sheet.toUpperCase().replace('-', '_') as Sheet;
        const { run } = await upload(qiaojia, enumName, `${sheet}.${kind}`, exported.body);
        expect(run).toMatchObject({ status: 'COMMITTED', inserted: 0, updated: 0, rejected: 0 });
        expect(run.unchanged).toBe(run.rowsRead);
        expect(run.rowsRead).toBeGreaterThan(10);
        expect(await fingerprint()).toBe(before);
        if (kind === 'csv') expect((await download(qiaojia, `/exports/${sheet}.csv?area=${DEMO_AREAS.qiaojia}`)).body.equals(exported.body)).toBe(true);
      }
    }
    // flat numbers (exact addresses): masked for an analyst; an officer's full file is written to the read audit first
    const audited = async () => (await env.clients.query(`SELECT role, record_type, record_id, fields FROM "${(env.clients.options as { schema?: string }).schema}".read_audit_record WHERE record_type LIKE 'export:%' ORDER BY id, ord`))
      .map((r: { fields: string[] | string }) => ({ ...r, fields: typeof r.fields === 'string' ? r.fields.replace(/[{}]/g, '').split(',') : r.fields }));
    const seen = (await audited()).length;
    const lines = (await download(analyst, '/exports/allocations.csv')).body.toString('utf8').trim().split('\r\n');
    const flatNo = lines[0].split(',').indexOf('房号');
    expect(lines.slice(1).every((l) => l.split(',')[flatNo] === '****')).toBe(true);
    expect((await download(qiaojia, '/exports/land-parcels.csv')).status).toBe(200);
    expect((await audited()).length).toBe(seen);
    const full = (await download(qiaojia, `/exports/allocations.csv?area=${DEMO_AREAS.qiaojia}`)).body.toString('utf8').trim().split('\r\n');
    expect(full[1].split(',')[flatNo]).toMatch(/^\d{4}$/);
    expect((await audited()).slice(seen)).toEqual([{ role: 'COUNTY_OFFICER', record_type: 'export:allocations', record_id: DEMO_AREAS.qiaojia, fields: ['flatNo'] }]);
    expect((await download(qiaojia, `/exports/land-parcels.csv?area=${DEMO_AREAS.suijiang}`)).status).toBe(403);
  });

  it('the survey mutations take the sheets’ numbers (or make one from the id), and refuse a number taken', async () => {
    const RECORD = `mutation ($input: RecordLandParcelInput!) { recordLandParcel(input: $input) { id parcelNo } }`;
    const input = { stationId: 'BAIHETAN', villageCode: village, landUse: 'FOREST', areaMu: 3.5, surveyedOn: '2018-05-02' };
    const numbered = await env.query(qiaojia, RECORD, { input: { ...input, parcelNo: 'M-1' } });
    expect(numbered.data.recordLandParcel.parcelNo).toBe('M-1');
    const taken = await env.query(qiaojia, RECORD, { input: { ...input, parcelNo: 'M-1' } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.parcelNo' });
    const unnumbered = (await env.query(qiaojia, RECORD, { input })).data.recordLandParcel;
    expect(unnumbered.parcelNo).toBe(unnumbered.id.slice(0, 8).toUpperCase());
    // the file names both by their numbers
    const rows = [collective({ 地块编号: 'M-1', '面积（亩）': '3.5' }), collective({ 地块编号: unnumbered.parcelNo, '面积（亩）': '3.5' })];
    expect((await upload(qiaojia, 'LAND_PARCELS', 'p.csv', csv('LAND_PARCELS', rows), false)).run).toMatchObject({ status: 'VALIDATED', unchanged: 2 });
  });

  it('the import command takes the same path to the same answer', async () => {
    const file = path.join(os.tmpdir(), `parcels-${engine}-${process.pid}.csv`);
    fs.writeFileSync(file, csv('LAND_PARCELS', [parcel({ 现居住地区划代码: '' }), collective({ 土地用途: '宅基地' })]));
    const printed: string[] = [];
    const code = await registryCommand('import', ['--sheet', 'land-parcels', '--file', file, '--role', 'COUNTY_OFFICER', '--jurisdiction', DEMO_AREAS.qiaojia],
      { dataSource: () => env.subgraphs['land-housing'].dataSource, print: (line) => printed.push(line) });
    fs.rmSync(file);
    expect(code).toBe(1);
    const id = /^import (\S+): REJECTED/.exec(printed[0])![1];
    expect(await problemsOf(id)).toEqual([expect.objectContaining({ row: 3, column: '土地用途', messageZh: '宅基地须登记到农户' })]);
  });

  it('refuses roles that may not import, and sheets of another subgraph', async () => {
    const { errors } = await upload(analyst, 'LAND_PARCELS', 'p.csv', csv('LAND_PARCELS', [parcel()]));
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await env.query(qiaojia, IMPORT.replace('importLandHousingFile', 'importRegistryFile'), {
      input: { sheet: 'LAND_PARCELS', fileName: 'p.csv', contentBase64: Buffer.from(csv('LAND_PARCELS', [parcel()])).toString('base64') },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sheet' });
    expect(res.errors?.[0].message).toMatch(/importLandHousingFile/);
  });
});
