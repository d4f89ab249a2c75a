import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import { RegistryEventType } from '../platform/events/registry-event';
import { signalOutbox } from '../platform/events/signal';
import { runInRequestScope, withChangeSource } from '../platform/security/request-scope';
import { generateEmploymentDemo } from '../subgraphs/employment/demo/generator';
import { employmentModule } from '../subgraphs/employment/module';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { recordHouseholdEvents } from '../subgraphs/households/services/registry-events';
import { generateLandHousingData } from '../subgraphs/land-housing/demo/generator';
import { landHousingModule } from '../subgraphs/land-housing/module';
import { generatePartyBuildingDemo } from '../subgraphs/party-building/demo/generator';
import { GRID_ASSIGNMENTS_SHEET } from '../subgraphs/party-building/imports/grid-assignments.sheet';
import { PAIRINGS_SHEET } from '../subgraphs/party-building/imports/pairings.sheet';
import { LAND_PARCELS_SHEET } from '../subgraphs/land-housing/imports/land-parcels.sheet';
import { ORIGINAL_HOUSES_SHEET } from '../subgraphs/land-housing/imports/original-houses.sheet';
import { PLACEMENTS_SHEET } from '../subgraphs/employment/imports/placements.sheet';
import { partyBuildingModule } from '../subgraphs/party-building/module';
import { engines, type TestEnvironment } from './environment';
import { csvText } from './import-files';
import { startPlatform } from './platform';

const { qiaojia } = DEMO_IDENTITIES;
const SCALE = 0.005;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const CONSUMERS = [landHousingModule, employmentModule, partyBuildingModule];

type Named = { household: string; person: string };
type Attempt = { label: string; mutation: string; input: (n: Named) => Record<string, unknown>; field: string };

/**
 * The issue's "done when": every mutation and sheet of land-housing, employment and
 * party-building that names a household or person, tried by the Qiaojia officer with another
 * county's, an unknown and a removed (cancelled) one — none accepted, nothing written.
 */
describe.each(engines('the projections are read under row-level security, with the registry probe as a security-definer function'))('registry refusals (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let attempts: Attempt[];
  const named: Record<'elsewhere' | 'unknown' | 'removed', Named> = {
    elsewhere: { household: '', person: '' }, unknown: { household: UNKNOWN, person: UNKNOWN }, removed: { household: '', person: '' },
  };
  const EXPECTED = { elsewhere: 'FORBIDDEN', unknown: 'NOT_FOUND', removed: 'BAD_USER_INPUT' } as const;

  /** Every record table of the three subgraphs (and party-building's grid units and case steps), as counts and a digest. */
  async function records(): Promise<string> {
    const parts: string[] = [];
    for (const module of CONSUMERS) {
      const db = env.subgraphs[module.name].dataSource;
      const s = `"${schemaName(db)}"`;
      const tables = [...module.projection!.householdRecords.map((r) => r.table), ...(module === partyBuildingModule ? ['grid_unit', 'case_transition'] : [])];
      for (const t of tables) {
        const [row] = await db.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${s}.${t} x`);
        parts.push(`${t}:${row.n}:${row.h}`);
      }
    }
    return parts.join(' ');
  }

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, SCALE, ['households', 'land-housing', 'employment', 'party-building']));
    const land = generateLandHousingData(data, { scale: SCALE });
    const employment = generateEmploymentDemo(data, { scale: SCALE });
    const pb = generatePartyBuildingDemo(data, { scale: SCALE });
    const inWenbi = <T extends { area_code: string }>(rows: T[]) => rows.filter((r) => r.area_code.startsWith(DEMO_AREAS.wenbi));
    const wenbi = data.households.filter((h) => h.area_code.startsWith(DEMO_AREAS.wenbi));
    const good = wenbi[0];
    named.elsewhere = {
      household: data.households.find((h) => h.county_code === DEMO_AREAS.suijiang)!.id,
      person: data.persons.find((p) => p.county_code === DEMO_AREAS.suijiang)!.id,
    };

    // a removed person (removeMember through the gateway) ...
    const removed = data.persons.find((p) => p.area_code.startsWith(DEMO_AREAS.wenbi) && p.relation !== 'HEAD' && p.household_id !== good.id)!;
    const res = await env.query(qiaojia, `mutation ($p: ID!) { removeMember(input: { personId: $p, reason: MOVED_OUT, removedOn: "2024-05-01" }) { status } }`, { p: removed.id });
    expect(res.errors).toBeUndefined();
    // ... and a cancelled household: the registry has no cancellation mutation yet, so its owner cancels one
    // and writes the event with the registry's own writer, as a cancellation will
    const cancelled = wenbi.find((h) => h.id !== good.id && h.id !== removed.household_id)!;
    const households = env.subgraphs.households.dataSource;
    await runInRequestScope(undefined, () => withChangeSource('registry cancellation', () => households.transaction(async (m) => {
      await m.query(`UPDATE "${schemaName(households)}".household SET status = 'CANCELLED' WHERE id = $1`, [cancelled.id]);
      await recordHouseholdEvents(m, RegistryEventType.HOUSEHOLD_REGISTERED, [cancelled.id], { withMembers: true });
    })));
    signalOutbox(schemaName(households));
    await env.events.settled();
    named.removed = { household: cancelled.id, person: removed.id };

    const flat = land.flats.find((f) => f.area_code.startsWith(DEMO_AREAS.wenbi))!;
    const session = employment.training_session.find((x) => x.county_code === DEMO_AREAS.qiaojia)!;
    const cadre = inWenbi(pb.cadres)[0];
    attempts = [
      { label: 'recordLandParcel', mutation: 'mutation ($input: RecordLandParcelInput!) { recordLandParcel(input: $input) { id } }', field: 'input.householdId',
        input: (n) => ({ stationId: good.station_id, villageCode: good.original_area_code, householdId: n.household, landUse: 'ORCHARD', areaMu: 1.25, surveyedOn: '2018-05-02' }) },
      { label: 'recordOriginalHouse', mutation: 'mutation ($input: RecordOriginalHouseInput!) { recordOriginalHouse(input: $input) { id } }', field: 'input.householdId',
        input: (n) => ({ householdId: n.household, villageCode: good.original_area_code, structure: 'FRAME', floorArea: 80, surveyedOn: '2019-01-01' }) },
      { label: 'allocateFlat', mutation: 'mutation ($input: AllocateFlatInput!) { allocateFlat(input: $input) { id } }', field: 'input.householdId',
        input: (n) => ({ flatId: flat.id, householdId: n.household, allocatedOn: '2021-03-01' }) },
      { label: 'recordLabourStatusCheck', mutation: 'mutation ($input: RecordLabourStatusInput!) { recordLabourStatusCheck(input: $input) { status } }', field: 'input.personId',
        input: (n) => ({ personId: n.person, status: 'UNEMPLOYED_SEEKING', verifiedOn: '2024-04-01' }) },
      { label: 'recordIncomeSurvey', mutation: 'mutation ($input: RecordIncomeSurveyInput!) { recordIncomeSurvey(input: $input) { id } }', field: 'input.householdId',
        input: (n) => ({ householdId: n.household, year: 2025, householdSize: 3, netIncome: 30_000, surveyedOn: '2025-12-01' }) },
      { label: 'startPlacement', mutation: 'mutation ($input: StartPlacementInput!) { startPlacement(input: $input) { id } }', field: 'input.personId',
        input: (n) => ({ personId: n.person, type: 'SELF_EMPLOYED', selfEmploymentKind: 'SHOP', startDate: '2024-01-10' }) },
      { label: 'enrolTrainee', mutation: 'mutation ($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id } }', field: 'input.personId',
        input: (n) => ({ sessionId: session.id, personId: n.person, enrolledOn: session.starts_on }) },
      { label: 'createGridUnit (manager)', mutation: 'mutation ($input: CreateGridUnitInput!) { createGridUnit(input: $input) { id } }', field: 'input.managerPersonId',
        input: (n) => ({ gridId: inWenbi(pb.grids)[0].id, name: '测试单元', number: 901, managerPersonId: n.person }) },
      { label: 'assignHouseholdsToUnit', mutation: 'mutation ($input: AssignHouseholdsInput!) { assignHouseholdsToUnit(input: $input) { id } }', field: 'input.householdIds[1]',
        input: (n) => ({ unitId: inWenbi(pb.units)[0].id, householdIds: [good.id, n.household] }) },
      { label: 'pairCadre', mutation: 'mutation ($input: PairCadreInput!) { pairCadre(input: $input) { id } }', field: 'input.householdId',
        input: (n) => ({ cadreId: cadre.id, householdId: n.household, startedOn: '2024-03-01' }) },
      { label: 'recordVisit', mutation: 'mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }', field: 'input.householdId',
        input: (n) => ({ cadreId: cadre.id, householdId: n.household, visitedOn: '2024-06-01', notes: '走访' }) },
      { label: 'openGovernanceCase', mutation: 'mutation ($input: OpenCaseInput!) { openGovernanceCase(input: $input) { id } }', field: 'input.householdId',
        input: (n) => ({ category: 'DISPUTE_MEDIATION', title: '邻里纠纷', householdId: n.household, firstResponsibleId: cadre.id }) },
    ];
  });
  afterAll(() => env?.close());

  it('every mutation naming a household or person: another county’s FORBIDDEN, an unknown NOT_FOUND, a removed BAD_USER_INPUT, each naming the field; 0 accepted, nothing written', async () => {
    const before = await records();
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const attempt of attempts) {
      for (const kind of ['elsewhere', 'unknown', 'removed'] as const) {
        const res = await env.query(qiaojia, attempt.mutation, { input: attempt.input(named[kind]) });
        const e = res.errors?.[0].extensions;
        outcomes.push(`${attempt.label} ${kind}: ${res.data ? 'accepted' : `${e?.code} ${e?.field}`}`);
        expected.push(`${attempt.label} ${kind}: ${EXPECTED[kind]} ${attempt.field}`);
      }
    }
    expect(outcomes).toEqual(expected);
    expect(await records()).toBe(before);
  });

  it('the sheets of the three subgraphs refuse each such row naming why, and write nothing', async () => {
    const pb = generatePartyBuildingDemo(data, { scale: SCALE });
    const land = generateLandHousingData(data, { scale: SCALE });
    const unit = pb.units.find((u) => u.area_code.startsWith(DEMO_AREAS.wenbi))!;
    const grid = pb.grids.find((g) => g.id === unit.grid_id)!;
    const pairing = pb.pairings.find((p) => p.area_code.startsWith(DEMO_AREAS.wenbi))!;
    const phone = (await env.subgraphs['party-building'].dataSource.query(
      `SELECT phone FROM "${schemaName(env.subgraphs['party-building'].dataSource)}".cadre WHERE id = $1`, [pairing.cadre_id]))[0].phone;
    const village = land.parcels.find((p) => p.county_code === DEMO_AREAS.qiaojia && p.owner_kind === 'COLLECTIVE')!.village_code;
    const kinds = ['elsewhere', 'unknown', 'removed'] as const;
    const household = ['该移民户属于其他县（区、市），不在您的管辖范围内', '该移民户不在移民登记中', '该移民户已注销'];
    const person = ['该人员属于其他县（区、市），不在您的管辖范围内', '该人员不在移民登记中', '该人员已减员'];
    const files: [subgraph: string, sheet: string, csv: string, column: string, why: string[]][] = [
      ['PartyBuilding', 'GRID_ASSIGNMENTS', csvText(GRID_ASSIGNMENTS_SHEET, kinds.map((k) => ({ 户标识: named[k].household, 社区区划代码: grid.area_code, 网格序号: String(grid.number), 单元序号: String(unit.number) }))), '户标识', household],
      ['PartyBuilding', 'PAIRINGS', csvText(PAIRINGS_SHEET, kinds.map((k) => ({ 干部手机号码: phone, 户标识: named[k].household, 结对日期: '2024-04-01' }))), '户标识', household],
      ['LandHousing', 'LAND_PARCELS', csvText(LAND_PARCELS_SHEET, kinds.map((k, i) => ({ 地块所在村代码: village, 地块编号: `R-000${i}`, 电站: '白鹤滩', 户标识: named[k].household, 土地用途: '耕地', '面积（亩）': '1.25', 调查日期: '2018-05-02' }))), '户标识', household],
      ['LandHousing', 'ORIGINAL_HOUSES', csvText(ORIGINAL_HOUSES_SHEET, kinds.map((k) => ({ 户标识: named[k].household, 房屋编号: '1', 房屋所在村代码: village, 房屋结构: '砖混', '实调面积（平方米）': '120', 调查日期: '2018-05-02' }))), '户标识', household],
      ['Employment', 'PLACEMENTS', csvText(PLACEMENTS_SHEET, kinds.map((k) => ({ 人员标识: named[k].person, 就业方式: '自主创业', 创业类型: '电商直播', 全职: '否', 开始日期: '2024-02-01' }))), '人员标识', person],
    ];
    const before = await records();
    for (const [subgraph, sheet, csv, column, why] of files) {
      const res = await env.query(qiaojia, `mutation ($input: ImportFileInput!) { import${subgraph}File(input: $input) { id status rejected rowsWritten } }`,
        { input: { sheet, fileName: 'bad.csv', contentBase64: Buffer.from(csv).toString('base64'), commit: true } });
      expect(res.errors).toBeUndefined();
      const run = res.data[`import${subgraph}File`];
      expect({ sheet, ...run }).toMatchObject({ sheet, status: 'REJECTED', rejected: 3, rowsWritten: 0 });
      const field = `${subgraph[0].toLowerCase()}${subgraph.slice(1)}ImportProblems`;
      const problems = await env.query(qiaojia, `query ($id: ID!) { ${field}(importId: $id, first: 10) { nodes { row column messageZh } } }`, { id: run.id });
      const found = problems.data[field].nodes.map((p: { row: number; column: string; messageZh: string }) => [p.row, p.column, p.messageZh]);
      expect({ sheet, found }).toEqual({ sheet, found: why.map((w, i) => [i + 2, column, expect.stringContaining(w)]) });
    }
    expect(await records()).toBe(before);
  });
});
