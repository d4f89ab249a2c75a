import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { generatePartyBuildingDemo } from '../subgraphs/party-building/demo/generator';
import type { PartyBuildingDemo } from '../subgraphs/party-building/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';
import { newHouseholdInput, REGISTER_HOUSEHOLD } from './support/registration';

const { prefecture, qiaojia, suijiang, analyst } = DEMO_IDENTITIES;
const SCALE = 0.01;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const ORG = 'mutation ($input: CreatePartyOrganisationInput!) { createPartyOrganisation(input: $input) { id level areaCode countyCode parent { id } } }';
const GRID = 'mutation ($input: CreateGridInput!) { createGrid(input: $input) { id number areaCode } }';
const UNIT = 'mutation ($input: CreateGridUnitInput!) { createGridUnit(input: $input) { id number areaCode grid { id } } }';
const ASSIGN = 'mutation ($input: AssignHouseholdsInput!) { assignHouseholdsToUnit(input: $input) { id householdCount households { id } } }';
const PAIR = 'mutation ($input: PairCadreInput!) { pairCadre(input: $input) { id startedOn cadre { id } household { id } } }';
const VISIT = 'mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id visitedOn notes followUp } }';
const ACTIVITY = 'mutation ($input: RecordActivityInput!) { recordPartyActivity(input: $input) { id type heldOn areaCode organisation { id } } }';
const OPEN = 'mutation ($input: OpenCaseInput!) { openGovernanceCase(input: $input) { id caseNo status deadline openedOn areaCode grid { id } household { id } transitions { fromStatus toStatus actor at } } }';
const MOVE = 'mutation ($input: MoveCaseInput!) { moveGovernanceCase(input: $input) { id status closedOn outcome assignee { id } transitions { fromStatus toStatus actor at note } } }';

describe.each(engines("conflicts: the driver's unique violations become CONFLICT"))('party-building mutations (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let demo: PartyBuildingDemo;
  let unplaced: string;
  const q = (as: typeof qiaojia) => <T = any>(query: string, input: Record<string, unknown>) => env.query<T>(as, query, { input });
  const inWenbi = <T extends { area_code: string }>(rows: T[]) => rows.filter((r) => r.area_code.startsWith(DEMO_AREAS.wenbi));

  /** Everything this subgraph holds, counted through the gateway as the prefecture. */
  async function counts() {
    const res = await env.query(prefecture, `{ partyOrganisations { totalCount } grids { totalCount } cadres { totalCount } partyActivities { totalCount }
      governanceCases { totalCount } area(code: "530600") { governanceStats { gridUnits householdsInUnits pairedHouseholds } } }`);
    expect(res.errors).toBeUndefined();
    return res.data;
  }
  async function caseState(id: string) {
    const res = await env.query(prefecture, 'query ($id: ID!) { governanceCase(id: $id) { status assignee { id } transitions { toStatus } } }', { id });
    return res.data.governanceCase;
  }

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, SCALE, ['households', 'party-building']));
    demo = generatePartyBuildingDemo(data, { scale: SCALE });
    // a Wenbi household new to the registry: known to the projection, in no unit yet
    const registered = await env.query(qiaojia, REGISTER_HOUSEHOLD, { input: newHouseholdInput(data, '530622-PBM-0001', 801, ['测试甲', '测试乙']) });
    expect(registered.errors).toBeUndefined();
    unplaced = registered.data.registerHousehold.id;
    await env.events.settled();
  });
  afterAll(() => env?.close());

  it('builds a branch, a small group, a red grid, its grid and a unit, and moves households into it', async () => {
    const leading = demo.organisations.find((o) => o.level === 'LEADING_GROUP' && o.county_code === DEMO_AREAS.qiaojia)!;
    const branch = await q(qiaojia)(ORG, { name: '测试党支部', level: 'BRANCH', areaCode: DEMO_AREAS.wenbi, parentId: leading.id });
    expect(branch.errors).toBeUndefined();
    expect(branch.data.createPartyOrganisation).toMatchObject({ level: 'BRANCH', countyCode: DEMO_AREAS.qiaojia, parent: { id: leading.id } });
    const small = await q(qiaojia)(ORG, { name: '测试党小组', level: 'SMALL_GROUP', areaCode: DEMO_AREAS.wenbi, parentId: branch.data.createPartyOrganisation.id });
    const red = await q(qiaojia)(ORG, { name: '测试红网格', level: 'RED_GRID', areaCode: DEMO_AREAS.wenbi, parentId: small.data.createPartyOrganisation.id });
    const grid = await q(qiaojia)(GRID, { name: '测试网格', areaCode: DEMO_AREAS.wenbi, number: 90, organisationId: red.data.createPartyOrganisation.id });
    expect(grid.errors).toBeUndefined();
    const unit = await q(qiaojia)(UNIT, { gridId: grid.data.createGrid.id, name: '测试单元', number: 1, managerPersonId: data.persons.find((p) => p.area_code.startsWith(DEMO_AREAS.wenbi))!.id });
    expect(unit.errors).toBeUndefined();
    const households = inWenbi(demo.householdUnits).slice(0, 3).map((h) => h.household_id);
    const before = await counts();
    const assigned = await q(qiaojia)(ASSIGN, { unitId: unit.data.createGridUnit.id, householdIds: households });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignHouseholdsToUnit.householdCount).toBe(3);
    // moved, not copied: the households left their units
    expect((await counts()).area.governanceStats.householdsInUnits).toBe(before.area.governanceStats.householdsInUnits);
    const h = await env.query(qiaojia, 'query ($id: ID!) { household(id: $id) { gridUnit { name grid { name } } } }', { id: households[0] });
    expect(h.data.household.gridUnit).toEqual({ name: '测试单元', grid: { name: '测试网格' } });
  });

  it.each([
    ['a branch at a county code', ORG, () => ({ name: '支部', level: 'BRANCH', areaCode: DEMO_AREAS.qiaojia, parentId: demo.organisations[0].id }), 'input.areaCode'],
    ['a small group without a parent', ORG, () => ({ name: '小组', level: 'SMALL_GROUP', areaCode: DEMO_AREAS.wenbi }), 'input.parentId'],
    ['a parent two levels up', ORG, () => ({ name: '红网格', level: 'RED_GRID', areaCode: DEMO_AREAS.wenbi, parentId: demo.organisations.find((o) => o.level === 'BRANCH' && o.area_code === DEMO_AREAS.wenbi)!.id }), 'input.parentId'],
    ['an empty name', ORG, () => ({ name: '  ', level: 'LEADING_GROUP', areaCode: DEMO_AREAS.qiaojia }), 'input.name'],
    ['a grid on a township code', GRID, () => ({ name: '网格', areaCode: DEMO_AREAS.menggu, number: 5 }), 'input.areaCode'],
    ['a grid numbered 0', GRID, () => ({ name: '网格', areaCode: DEMO_AREAS.wenbi, number: 0 }), 'input.number'],
    ['a unit of a malformed grid id', UNIT, () => ({ gridId: '42', name: '单元', number: 3 }), 'input.gridId'],
    ['a household listed twice', ASSIGN, () => ({ unitId: inWenbi(demo.units)[0].id, householdIds: [inWenbi(demo.householdUnits)[5].household_id, inWenbi(demo.householdUnits)[5].household_id] }), 'input.householdIds[1]'],
    ['pairing a household in no unit', PAIR, () => ({ cadreId: inWenbi(demo.cadres)[0].id, householdId: unplaced }), 'input.householdId'],
    ['pairing with a start in the future', PAIR, () => ({ cadreId: inWenbi(demo.cadres)[0].id, householdId: inWenbi(demo.householdUnits)[0].household_id, startedOn: '2999-01-01' }), 'input.startedOn'],
    ['a visit by a cadre not paired with the household', VISIT, () => {
      const pairing = inWenbi(demo.pairings)[0];
      const other = inWenbi(demo.cadres).find((c) => !demo.pairings.some((p) => p.cadre_id === c.id && p.household_id === pairing.household_id))!;
      return { cadreId: other.id, householdId: pairing.household_id, visitedOn: '2024-05-01', notes: '走访' };
    }, 'input.cadreId'],
    ['a visit with no notes', VISIT, () => ({ cadreId: inWenbi(demo.pairings)[0].cadre_id, householdId: inWenbi(demo.pairings)[0].household_id, visitedOn: '2024-05-01', notes: '' }), 'input.notes'],
    ['a follow-up due before the visit', VISIT, () => ({ cadreId: inWenbi(demo.pairings)[0].cadre_id, householdId: inWenbi(demo.pairings)[0].household_id, visitedOn: '2024-05-01', notes: '走访', followUp: '跟进', followUpDue: '2024-04-01' }), 'input.followUpDue'],
    ['a branch meeting held by a small group', ACTIVITY, () => ({ organisationId: demo.organisations.find((o) => o.level === 'SMALL_GROUP' && o.county_code === DEMO_AREAS.qiaojia)!.id, type: 'BRANCH_GENERAL_MEETING', heldOn: '2024-05-01', topic: '学习', attendees: 10 }), 'input.type'],
    ['an activity with no attendees', ACTIVITY, () => ({ organisationId: demo.organisations.find((o) => o.level === 'BRANCH' && o.county_code === DEMO_AREAS.qiaojia)!.id, type: 'PARTY_LESSON', heldOn: '2024-05-01', topic: '党课', attendees: 0 }), 'input.attendees'],
    ['a case with neither household nor grid', OPEN, () => ({ category: 'GRID_PROBLEM', title: '路灯不亮', firstResponsibleId: inWenbi(demo.cadres)[0].id }), 'input.householdId'],
    ['a case with a deadline in the past', OPEN, () => ({ category: 'GRID_PROBLEM', title: '路灯不亮', gridId: inWenbi(demo.grids)[0].id, firstResponsibleId: inWenbi(demo.cadres)[0].id, deadline: '2020-01-01' }), 'input.deadline'],
    ['a case whose first responsible person serves in another county', OPEN, () => ({ category: 'GRID_PROBLEM', title: '路灯不亮', gridId: inWenbi(demo.grids)[0].id, firstResponsibleId: demo.cadres.find((c) => c.county_code === DEMO_AREAS.yongshan)!.id }), null],
  ])('refuses %s with BAD_USER_INPUT (or FORBIDDEN outside the jurisdiction) naming the field, and writes nothing', async (_label, mutation, input, field) => {
    const before = await counts();
    const res = await q(qiaojia)(mutation, input());
    expect(res.data ?? null).toBeNull();
    if (field) {
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0].message).toMatch(/[\u4e00-\u9fff].* · [A-Za-z]/);
    } else {
      // a cadre of another county is outside a county officer's jurisdiction
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('answers CONFLICT to a taken grid number and to a pairing that exists, writing nothing', async () => {
    const before = await counts();
    const grid = await q(qiaojia)(GRID, { name: '重复网格', areaCode: DEMO_AREAS.wenbi, number: 1 });
    expect(grid.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.number' });
    const pairing = inWenbi(demo.pairings)[0];
    const pair = await q(qiaojia)(PAIR, { cadreId: pairing.cadre_id, householdId: pairing.household_id });
    expect(pair.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.householdId' });
    expect(await counts()).toEqual(before);
  });

  it('pairs a cadre, records visits and an activity', async () => {
    const pairing = inWenbi(demo.pairings)[0];
    const other = inWenbi(demo.cadres).find((c) => c.id !== pairing.cadre_id)!;
    const pair = await q(qiaojia)(PAIR, { cadreId: other.id, householdId: pairing.household_id, startedOn: '2024-03-01' });
    expect(pair.errors).toBeUndefined();
    const visit = await q(qiaojia)(VISIT, { cadreId: other.id, householdId: pairing.household_id, visitedOn: '2024-06-01', notes: '了解就业情况', followUp: '推荐岗位', followUpDue: '2024-06-15' });
    expect(visit.errors).toBeUndefined();
    const h = await env.query(qiaojia, 'query ($id: ID!) { household(id: $id) { pairedCadres { id } cadreVisits(last: 100) { id } } }', { id: pairing.household_id });
    expect(h.data.household.pairedCadres.map((c: { id: string }) => c.id)).toContain(other.id);
    expect(h.data.household.cadreVisits.map((v: { id: string }) => v.id)).toContain(visit.data.recordVisit.id);
    const branch = demo.organisations.find((o) => o.level === 'BRANCH' && o.area_code === DEMO_AREAS.wenbi)!;
    const activity = await q(qiaojia)(ACTIVITY, { organisationId: branch.id, type: 'BRANCH_GENERAL_MEETING', heldOn: '2024-06-01', topic: '学习移民政策', attendees: 35 });
    expect(activity.data.recordPartyActivity).toMatchObject({ type: 'BRANCH_GENERAL_MEETING', areaCode: DEMO_AREAS.wenbi });
  });

  it('moves a case along its flow, recording who and when at every step', async () => {
    const household = inWenbi(demo.householdUnits)[10]; // not one the first test moved
    const cadres = inWenbi(demo.cadres);
    const opened = await q(qiaojia)(OPEN, { category: 'DISPUTE_MEDIATION', title: '邻里噪音纠纷', householdId: household.household_id, firstResponsibleId: cadres[0].id });
    expect(opened.errors).toBeUndefined();
    const c = opened.data.openGovernanceCase;
    expect(c).toMatchObject({ status: 'OPEN', areaCode: household.area_code, grid: { id: household.grid_id }, household: { id: household.household_id } });
    expect(c.transitions).toEqual([{ fromStatus: null, toStatus: 'OPEN', actor: qiaojia.subject, at: expect.any(String) }]);
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(c.openedOn, c.deadline)).toBe(30);
    const assigned = await q(qiaojia)(MOVE, { caseId: c.id, to: 'ASSIGNED', assigneeId: cadres[1].id });
    expect(assigned.data.moveGovernanceCase).toMatchObject({ status: 'ASSIGNED', assignee: { id: cadres[1].id } });
    await q(qiaojia)(MOVE, { caseId: c.id, to: 'IN_PROGRESS' });
    const resolved = await q(qiaojia)(MOVE, { caseId: c.id, to: 'RESOLVED', note: '调解成功，双方签订协议' });
    expect(resolved.errors).toBeUndefined();
    const r = resolved.data.moveGovernanceCase;
    expect(r).toMatchObject({ status: 'RESOLVED', outcome: '调解成功，双方签订协议', closedOn: new Date().toISOString().slice(0, 10) });
    expect(r.transitions.map((t: any) => [t.fromStatus, t.toStatus, t.actor])).toEqual([
      [null, 'OPEN', qiaojia.subject], ['OPEN', 'ASSIGNED', qiaojia.subject], ['ASSIGNED', 'IN_PROGRESS', qiaojia.subject], ['IN_PROGRESS', 'RESOLVED', qiaojia.subject],
    ]);
    const times = r.transitions.map((t: any) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  describe('illegal moves write nothing', () => {
    let caseId: string;
    beforeAll(async () => {
      const opened = await q(qiaojia)(OPEN, { category: 'GRID_PROBLEM', title: '路灯不亮', gridId: inWenbi(demo.grids)[0].id, firstResponsibleId: inWenbi(demo.cadres)[0].id });
      caseId = opened.data.openGovernanceCase.id;
    });

    it.each([
      ['OPEN → RESOLVED', { to: 'RESOLVED', note: '已修好' }, 'CONFLICT', 'input.to'],
      ['OPEN → IN_PROGRESS', { to: 'IN_PROGRESS' }, 'CONFLICT', 'input.to'],
      ['back to OPEN', { to: 'OPEN' }, 'BAD_USER_INPUT', 'input.to'],
      ['assigning without a handler', { to: 'ASSIGNED' }, 'BAD_USER_INPUT', 'input.assigneeId'],
      ['a malformed case id', { to: 'ASSIGNED', assigneeId: UNKNOWN, caseId: 'x' }, 'BAD_USER_INPUT', 'input.caseId'],
      ['an unknown case', { to: 'ASSIGNED', assigneeId: UNKNOWN, caseId: UNKNOWN }, 'NOT_FOUND', 'input.caseId'],
    ])('%s → %s', async (_label, move, code, field) => {
      const before = await caseState(caseId);
      const res = await q(qiaojia)(MOVE, { caseId, ...move });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code, field });
      expect(await caseState(caseId)).toEqual(before);
    });

    it('a resolved case moves no further', async () => {
      const cadre = inWenbi(demo.cadres)[0].id;
      await q(qiaojia)(MOVE, { caseId, to: 'ASSIGNED', assigneeId: cadre });
      await q(qiaojia)(MOVE, { caseId, to: 'IN_PROGRESS' });
      await q(qiaojia)(MOVE, { caseId, to: 'ESCALATED', note: '超出社区权限，上报县信访局' });
      const before = await caseState(caseId);
      expect(before.status).toBe('ESCALATED');
      for (const to of ['IN_PROGRESS', 'RESOLVED', 'ESCALATED']) {
        const res = await q(qiaojia)(MOVE, { caseId, to, note: '再次处理' });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.to' });
      }
      expect(await caseState(caseId)).toEqual(before);
    });

    it('refuses an analyst and an officer of another county, writing nothing', async () => {
      const open = demo.cases.find((c) => c.status === 'OPEN' && c.county_code === DEMO_AREAS.qiaojia)!;
      const before = await caseState(open.id);
      const byAnalyst = await q(analyst)(MOVE, { caseId: open.id, to: 'ASSIGNED', assigneeId: open.first_responsible_id });
      expect(byAnalyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const byNeighbour = await q(suijiang)(MOVE, { caseId: open.id, to: 'ASSIGNED', assigneeId: open.first_responsible_id });
      expect(byNeighbour.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await caseState(open.id)).toEqual(before);
    });
  });

  it('refuses every write to an analyst, and writes outside the jurisdiction, with FORBIDDEN', async () => {
    const before = await counts();
    const leading = demo.organisations.find((o) => o.level === 'LEADING_GROUP' && o.county_code === DEMO_AREAS.qiaojia)!;
    const pairing = inWenbi(demo.pairings)[0];
    const attempts: [typeof qiaojia, string, Record<string, unknown>][] = [
      [analyst, ORG, { name: '支部', level: 'BRANCH', areaCode: DEMO_AREAS.wenbi, parentId: leading.id }],
      [analyst, GRID, { name: '网格', areaCode: DEMO_AREAS.wenbi, number: 91 }],
      [analyst, VISIT, { cadreId: pairing.cadre_id, householdId: pairing.household_id, visitedOn: '2024-05-01', notes: '走访' }],
      [analyst, OPEN, { category: 'PETITION', title: '反映问题', gridId: inWenbi(demo.grids)[0].id, firstResponsibleId: pairing.cadre_id }],
      [suijiang, ORG, { name: '支部', level: 'BRANCH', areaCode: DEMO_AREAS.wenbi, parentId: leading.id }],
      [suijiang, GRID, { name: '网格', areaCode: DEMO_AREAS.wenbi, number: 92 }],
      [suijiang, UNIT, { gridId: inWenbi(demo.grids)[0].id, name: '单元', number: 50 }],
      [suijiang, ASSIGN, { unitId: inWenbi(demo.units)[0].id, householdIds: [pairing.household_id] }],
      [suijiang, PAIR, { cadreId: pairing.cadre_id, householdId: inWenbi(demo.householdUnits)[3].household_id }],
      [suijiang, VISIT, { cadreId: pairing.cadre_id, householdId: pairing.household_id, visitedOn: '2024-05-01', notes: '走访' }],
      [suijiang, ACTIVITY, { organisationId: leading.id, type: 'POLICY_BRIEFING', heldOn: '2024-05-01', topic: '宣讲', attendees: 10 }],
      [suijiang, OPEN, { category: 'PETITION', title: '反映问题', gridId: inWenbi(demo.grids)[0].id, firstResponsibleId: pairing.cadre_id }],
    ];
    for (const [as, mutation, input] of attempts) {
      const res = await q(as)(mutation, input);
      expect({ mutation, code: res.errors?.[0].extensions?.code }).toEqual({ mutation, code: 'FORBIDDEN' });
    }
    expect(await counts()).toEqual(before);
  });
});
