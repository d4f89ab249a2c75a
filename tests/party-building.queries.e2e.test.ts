import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { expectedPartyBuildingFigures } from '../subgraphs/party-building/demo/figures';
import { generatePartyBuildingDemo } from '../subgraphs/party-building/demo/generator';
import type { PartyBuildingDemo } from '../subgraphs/party-building/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture, qiaojia, suijiang, wenbi } = DEMO_IDENTITIES;
const SCALE = 0.02;
const PB = 'party-building';

/** A community's grids, their households (households subgraph) with paired cadres, recent visits and open cases: one request. */
const COMMUNITY = `query ($code: String!) {
  area(code: $code) {
    name
    grids {
      name number organisation { level parent { level } }
      units { name householdCount manager { id name } }
      households {
        id registryNo head { name }
        gridUnit { name }
        pairedCadres { name workUnit partyMember }
        cadreVisits(last: 3) { visitedOn notes cadre { name } }
        governanceCases(openOnly: true) { caseNo category status deadline overdue firstResponsible { name } }
      }
    }
  }
}`;

describe.each(engines())('party-building through the gateway (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let demo: PartyBuildingDemo;
  const inCounty = <T extends { county_code: string }>(rows: T[], county: string) => rows.filter((r) => r.county_code === county);

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, SCALE, ['households', 'party-building']));
    demo = generatePartyBuildingDemo(data, { scale: SCALE });
  });
  afterAll(() => env?.close());

  async function statements(query: string, variables?: Record<string, unknown>, as = prefecture): Promise<number> {
    const before = env.statements(PB);
    const res = await env.query(as, query, variables);
    expect(res.errors).toBeUndefined();
    return env.statements(PB) - before;
  }

  it('returns a community’s grids, households, paired cadres, recent visits and open cases in one request', async () => {
    for (const as of [qiaojia, wenbi]) {
      const res = await env.query(as, COMMUNITY, { code: DEMO_AREAS.wenbi });
      expect(res.errors).toBeUndefined();
      const area = res.data.area;
      expect(area.name).toBe('文笔社区');
      const figures = expectedPartyBuildingFigures(SCALE).wenbi;
      expect(area.grids).toHaveLength(figures.grids);
      const households = area.grids.flatMap((g: any) => g.households);
      expect(households).toHaveLength(figures.households);
      expect(new Set(households.map((h: any) => h.id))).toEqual(new Set(data.households.filter((h) => h.area_code.startsWith(DEMO_AREAS.wenbi)).map((h) => h.id)));
      expect(area.grids.flatMap((g: any) => g.units)).toHaveLength(figures.gridUnits);
      expect(area.grids.every((g: any) => g.organisation.level === 'RED_GRID' && g.organisation.parent.level === 'SMALL_GROUP')).toBe(true);
      expect(households.every((h: any) => h.registryNo && h.head?.name && h.gridUnit?.name && h.pairedCadres.length >= 1)).toBe(true);
      const unitNames = area.grids.flatMap((g: any) => g.units.map((u: any) => u.manager?.name)).filter(Boolean);
      expect(unitNames.length).toBeGreaterThan(0); // managers are residents, resolved by the households subgraph
      const visits = households.flatMap((h: any) => h.cadreVisits);
      expect(visits.length).toBe(demo.visits.filter((v) => v.area_code.startsWith(DEMO_AREAS.wenbi)).length > 0 ? visits.length : 0);
      const openCases = households.flatMap((h: any) => h.governanceCases);
      const expectedOpen = demo.cases.filter((c) => c.area_code.startsWith(DEMO_AREAS.wenbi) && c.household_id && ['OPEN', 'ASSIGNED', 'IN_PROGRESS'].includes(c.status));
      expect(openCases.map((c: any) => c.caseNo).sort()).toEqual(expectedOpen.map((c) => c.case_no).sort());
      expect(openCases.length).toBeGreaterThan(0);
      expect(openCases.every((c: any) => c.overdue === c.deadline < new Date().toISOString().slice(0, 10))).toBe(true);
    }
  });

  it('refuses the community to an officer of another county', async () => {
    const res = await env.query(suijiang, COMMUNITY, { code: DEMO_AREAS.wenbi });
    expect(res.data.area).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists only the officer’s own county, for every list', async () => {
    const res = await env.query(qiaojia, `{
      partyOrganisations(first: 200) { totalCount nodes { countyCode } }
      grids(first: 200) { totalCount nodes { countyCode } }
      cadres(first: 200) { totalCount nodes { countyCode } }
      partyActivities(first: 200) { totalCount nodes { areaCode } }
      governanceCases(first: 200) { totalCount nodes { countyCode } } }`);
    expect(res.errors).toBeUndefined();
    const d = res.data;
    expect(d.partyOrganisations.totalCount).toBe(inCounty(demo.organisations, DEMO_AREAS.qiaojia).length);
    expect(d.grids.totalCount).toBe(inCounty(demo.grids, DEMO_AREAS.qiaojia).length);
    expect(d.cadres.totalCount).toBe(inCounty(demo.cadres, DEMO_AREAS.qiaojia).length);
    expect(d.partyActivities.totalCount).toBe(inCounty(demo.activities, DEMO_AREAS.qiaojia).length);
    expect(d.governanceCases.totalCount).toBe(inCounty(demo.cases, DEMO_AREAS.qiaojia).length);
    for (const list of [d.partyOrganisations, d.grids, d.cadres, d.governanceCases]) {
      expect(new Set(list.nodes.map((n: any) => n.countyCode))).toEqual(new Set([DEMO_AREAS.qiaojia]));
    }
    expect(d.partyActivities.nodes.every((n: any) => n.areaCode.startsWith(DEMO_AREAS.qiaojia))).toBe(true);
    const all = await env.query(prefecture, '{ cadres { totalCount } governanceCases { totalCount } }');
    expect(all.data).toEqual({ cadres: { totalCount: demo.cadres.length }, governanceCases: { totalCount: demo.cases.length } });
  });

  it('refuses every entity of another county by id, and a filter on another county', async () => {
    const grid = inCounty(demo.grids, DEMO_AREAS.suijiang)[0];
    const res = await env.query(qiaojia, `query ($o: ID!, $g: ID!, $u: ID!, $c: ID!, $k: ID!) {
      partyOrganisation(id: $o) { id } grid(id: $g) { id } gridUnit(id: $u) { id } cadre(id: $c) { id } governanceCase(id: $k) { id } }`, {
      o: inCounty(demo.organisations, DEMO_AREAS.suijiang)[0].id, g: grid.id, u: inCounty(demo.units, DEMO_AREAS.suijiang)[0].id,
      c: inCounty(demo.cadres, DEMO_AREAS.suijiang)[0].id, k: inCounty(demo.cases, DEMO_AREAS.suijiang)[0].id,
    });
    expect(res.data).toEqual({ partyOrganisation: null, grid: null, gridUnit: null, cadre: null, governanceCase: null });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(Array(5).fill('FORBIDDEN'));
    const own = await env.query(suijiang, 'query ($g: ID!) { grid(id: $g) { name } }', { g: grid.id });
    expect(own.data.grid.name).toBe(grid.name);
    const filtered = await env.query(qiaojia, `{ governanceCases(filter: { areaCode: "${DEMO_AREAS.suijiang}" }) { totalCount } }`);
    expect(filtered.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('resolves nothing of another county through _entities', async () => {
    const household = inCounty(demo.householdUnits, DEMO_AREAS.suijiang)[0].household_id;
    const res = await env.querySubgraphAs(PB, qiaojia, `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Grid { name } ... on GridUnit { name } ... on Cadre { name } ... on GovernanceCase { caseNo } ... on PartyOrganisation { name }
      ... on AdminArea { grids { name } governanceStats { grids } } } }`, {
      r: [
        { __typename: 'Grid', id: inCounty(demo.grids, DEMO_AREAS.suijiang)[0].id },
        { __typename: 'GridUnit', id: inCounty(demo.units, DEMO_AREAS.suijiang)[0].id },
        { __typename: 'Cadre', id: inCounty(demo.cadres, DEMO_AREAS.suijiang)[0].id },
        { __typename: 'GovernanceCase', id: inCounty(demo.cases, DEMO_AREAS.suijiang)[0].id },
        { __typename: 'PartyOrganisation', id: inCounty(demo.organisations, DEMO_AREAS.suijiang)[0].id },
        { __typename: 'AdminArea', code: DEMO_AREAS.suijiang },
      ],
    });
    expect(res.data._entities).toEqual([null, null, null, null, null, null]);
    expect(res.errors?.length).toBe(6);
    expect(res.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    // a household of another county gets none of this subgraph's data
    const h = await env.querySubgraphAs(PB, qiaojia, `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Household { gridUnit { name } pairedCadres { name } cadreVisits { notes } governanceCases { caseNo } } } }`, { r: [{ __typename: 'Household', id: household }] });
    expect(h.data._entities).toEqual([null]);
    expect(h.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('counts over the caller’s jurisdiction only, in SQL, for any area and below', async () => {
    const STATS = `query ($code: String!) { area(code: $code) { governanceStats(from: "2020-01-01", to: "2024-12-31") {
      grids gridUnits householdsInUnits cadresInGrids cadreWorkUnits pairedHouseholds organisations overdueCases
      activitiesByType { type count } casesByStatus { status count } problemsSolved { category count } } } }`;
    const expected = (county?: string) => {
      const rows = <T extends { county_code: string }>(r: T[]) => (county ? inCounty(r, county) : r);
      const cases = rows(demo.cases);
      const today = new Date().toISOString().slice(0, 10);
      const tally = (items: string[]) => Object.entries(items.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {})).sort();
      const inGrids = rows(demo.cadres).filter((c) => c.grid_id);
      return {
        grids: rows(demo.grids).length,
        gridUnits: rows(demo.units).length,
        householdsInUnits: rows(demo.householdUnits).length,
        cadresInGrids: inGrids.length,
        cadreWorkUnits: new Set(inGrids.map((c) => c.work_unit)).size,
        pairedHouseholds: new Set(rows(demo.pairings).map((p) => p.household_id)).size,
        organisations: rows(demo.organisations).length,
        overdueCases: cases.filter((c) => ['OPEN', 'ASSIGNED', 'IN_PROGRESS'].includes(c.status) && c.deadline < today).length,
        activitiesByType: tally(rows(demo.activities).filter((a) => a.held_on >= '2020-01-01' && a.held_on <= '2024-12-31').map((a) => a.type)),
        casesByStatus: tally(cases.filter((c) => c.opened_on >= '2020-01-01' && c.opened_on <= '2024-12-31').map((c) => c.status)),
        problemsSolved: tally(cases.filter((c) => c.status === 'RESOLVED' && c.closed_on! >= '2020-01-01' && c.closed_on! <= '2024-12-31').map((c) => c.category)),
      };
    };
    const shape = (s: any) => ({
      ...s,
      activitiesByType: s.activitiesByType.map((x: any) => [x.type, x.count]).sort(),
      casesByStatus: s.casesByStatus.map((x: any) => [x.status, x.count]).sort(),
      problemsSolved: s.problemsSolved.map((x: any) => [x.category, x.count]).sort(),
    });
    const all = await env.query(prefecture, STATS, { code: '530600' });
    expect(all.errors).toBeUndefined();
    expect(shape(all.data.area.governanceStats)).toEqual(expected());
    const county = await env.query(qiaojia, STATS, { code: '530600' });
    expect(county.errors).toBeUndefined();
    expect(shape(county.data.area.governanceStats)).toEqual(expected(DEMO_AREAS.qiaojia));
    expect(county.data.area.governanceStats.grids).toBeLessThan(all.data.area.governanceStats.grids);
  });

  it('refuses a period that ends before it starts, naming the argument', async () => {
    const res = await env.query(prefecture, '{ area(code: "530600") { governanceStats(from: "2024-12-31", to: "2024-01-01") { grids } } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  describe('SQL statements do not grow with page size', () => {
    /** Statements a request may cost at any page size (an N+1 would cost more than the page size). */
    const BOUND = 16;
    const HOUSEHOLDS = `query ($n: Int!) { households(first: $n) { nodes { registryNo
      gridUnit { name grid { name organisation { name } } }
      pairedCadres { name grid { name } }
      cadrePairings { startedOn cadre { name } }
      cadreVisits { notes cadre { name } }
      governanceCases { status firstResponsible { name } transitions { toStatus actor at } } } } }`;

    it('households(first: 10) with their party-building fields costs what (first: 100) costs', async () => {
      const ten = await statements(HOUSEHOLDS, { n: 10 });
      const hundred = await statements(HOUSEHOLDS, { n: 100 });
      // one statement per loader and batch: 9 loaders, the cadre and grid loaders fed by up to three
      // upstream loaders whose results arrive in one to three event-loop turns (9–13 seen, whatever the
      // page size); the bound leaves room for a busy machine and is far below the 100+ of an N+1
      expect(ten).toBeLessThanOrEqual(BOUND);
      expect(hundred).toBeLessThanOrEqual(BOUND);
      console.log(`[${engine}] households(first: 10|100){gridUnit pairedCadres cadreVisits governanceCases…}: ${ten} | ${hundred} party-building SQL statements`);
    });

    it('cadres and cases (first: 10|100) with nested fields cost the same', async () => {
      const q = `query ($n: Int!) {
        cadres(first: $n) { totalCount nodes { name grid { name units { name householdCount } cadres { name } } pairedHouseholds { registryNo } } }
        governanceCases(first: $n) { nodes { caseNo grid { name } assignee { name } household { registryNo } transitions { toStatus } } } }`;
      const ten = await statements(q, { n: 10 });
      const hundred = await statements(q, { n: 100 });
      // 10 loaders and lists; the grid loader is fed by cadres and by cases, in one or two batches
      expect(ten).toBeLessThanOrEqual(BOUND);
      expect(hundred).toBeLessThanOrEqual(BOUND);
      console.log(`[${engine}] cadres + governanceCases (first: 10|100) nested: ${ten} | ${hundred} party-building SQL statements`);
    });

    it('organisations and totals for every township cost what they cost for every community', async () => {
      const q = `query ($level: AreaLevel!) { areas(level: $level) { code partyOrganisations(level: BRANCH) { name children { name } }
        grids { name } governanceStats { grids overdueCases activitiesByType { count } casesByStatus { count } problemsSolved { count } } } }`;
      const townships = await statements(q, { level: 'TOWNSHIP' });
      const communities = await statements(q, { level: 'COMMUNITY' });
      expect(communities).toBe(townships);
      console.log(`[${engine}] areas(TOWNSHIP|COMMUNITY) with organisations, grids and totals: ${townships} | ${communities} party-building SQL statements`);
    });

    it('an _entities call with 100 households, or 100 cadres, costs a small constant', async () => {
      const households = demo.householdUnits.slice(0, 100).map((h) => ({ __typename: 'Household', id: h.household_id }));
      let before = env.statements(PB);
      const res = await env.querySubgraphAs(PB, prefecture, `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Household { gridUnit { name } pairedCadres { name } cadreVisits { notes } governanceCases { status } } } }`, { r: households });
      const forHouseholds = env.statements(PB) - before;
      expect(res.errors).toBeUndefined();
      expect(res.data._entities.every((e: any) => e.gridUnit && e.pairedCadres.length)).toBe(true);
      expect(forHouseholds).toBeLessThanOrEqual(6);
      const cadres = demo.cadres.slice(0, 100).map((c) => ({ __typename: 'Cadre', id: c.id }));
      before = env.statements(PB);
      const res2 = await env.querySubgraphAs(PB, prefecture, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Cadre { name grid { name } } } }', { r: cadres });
      const forCadres = env.statements(PB) - before;
      expect(res2.data._entities.every((e: any) => e !== null)).toBe(true);
      expect(forCadres).toBeLessThanOrEqual(2);
      console.log(`[${engine}] _entities with 100 households (4 fields) | 100 cadres (+ grid): ${forHouseholds} | ${forCadres} SQL statements`);
    });
  });
});
