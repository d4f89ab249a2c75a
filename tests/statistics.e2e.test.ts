import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { readCollection } from '../gateway/collection';
import { DEMO_AREAS, PREFECTURE_CODE } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { makeIdNumber } from '../platform/domain/id-number';
import { Role, type Identity } from '../platform/security/identity';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';
import { allowOperations, apiSchemaOf, issueClient } from '../gateway/clients/client-store';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';

const { prefecture, analyst, qiaojia, wenbi } = DEMO_IDENTITIES;
const auditor: Identity = { subject: 'test-auditor', role: Role.AUDITOR, jurisdiction: [PREFECTURE_CODE] };
const MIN_CELL = 5;

const PERSONS = `query ($groupBy: [PersonDimension!]!, $filter: PersonStatisticsFilter) {
  personStatistics(groupBy: $groupBy, filter: $filter) {
    groupBy minCell suppressedCells
    rows { county { code name } community { code } sex ageBand ethnicity vulnerable relocationYear persons households suppressed }
    total { persons households suppressed }
  } }`;

interface Cell {
  county?: { code: string; name: string } | null;
  community?: { code: string } | null;
  sex?: string | null;
  ethnicity?: string | null;
  persons: number | null;
  households: number | null;
  suppressed: boolean;
}
const keyOf = (c: Cell) => JSON.stringify([c.county?.code, c.community?.code, c.sex, c.ethnicity]);

describe.each(engines())('statistics through the gateway (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let sequence = 100;

  async function persons(as: Identity, groupBy: string[], filter?: Record<string, unknown>) {
    const res = await env.query(as, PERSONS, { groupBy, filter });
    expect(res.errors).toBeUndefined();
    return res.data.personStatistics as { minCell: number | null; suppressedCells: number; rows: Cell[]; total: Cell | null };
  }

  /** A household of `size` members of one ethnic group, registered in Wenbi. */
  async function registerHousehold(ethnicity: string, size: number) {
    const group = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.wenbi))!.code;
    const village = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia)!.original_area_code;
    const member = (i: number) => ({
      name: `测试${i}`,
      idNumber: makeIdNumber('530622', i === 0 ? '1970-01-05' : `19${80 + i}-02-03`, ++sequence * 2 + 1),
      ethnicity,
      relation: i === 0 ? 'HEAD' : 'CHILD',
      productionMode: 'ANNUAL_COMPENSATION',
    });
    const res = await env.query(qiaojia, `mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, {
      input: {
        registryNo: `530622-BHT-8${String(++sequence).padStart(5, '0')}`, stationId: 'BAIHETAN', originalAreaCode: village, areaCode: group,
        relocationMode: 'URBANISATION', housingMode: 'UNIFIED', registeredOn: '2020-03-01', relocatedOn: '2021-06-15',
        members: Array.from({ length: size }, (_, i) => member(i)),
      },
    });
    expect(res.errors).toBeUndefined();
  }

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.02));
    // three groups the demo does not have: 4, 4 and 5 persons
    await registerHousehold('独龙族', 4);
    await registerHousehold('怒族', 4);
    await registerHousehold('门巴族', 5);
  });
  afterAll(() => env?.close());

  it('counts persons by county and sex in SQL, with area names, adding up to the registry', async () => {
    const table = await persons(prefecture, ['COUNTY', 'SEX']);
    const count = await env.query(prefecture, '{ persons { totalCount } households { totalCount } }');
    expect(table.minCell).toBeNull();
    expect(table.rows.length).toBeGreaterThanOrEqual(6 * 2);
    expect(table.rows.find((c) => c.county?.code === DEMO_AREAS.qiaojia)?.county?.name).toBe('巧家县');
    expect(table.rows.reduce((n, c) => n + c.persons!, 0)).toBe(table.total!.persons);
    expect(table.total!.persons).toBe(count.data.persons.totalCount);
    expect(table.total!.households).toBe(count.data.households.totalCount);
  });

  it('officers see exact counts: a cell of 4 persons is shown as 4', async () => {
    for (const officer of [prefecture, qiaojia, wenbi]) {
      const table = await persons(officer, ['ETHNICITY']);
      expect(table.minCell).toBeNull();
      expect(table.suppressedCells).toBe(0);
      expect(table.rows.find((c) => c.ethnicity === '独龙族')).toMatchObject({ persons: 4, households: 1, suppressed: false });
    }
  });

  it.each([
    ['analyst', analyst],
    ['auditor', auditor],
  ])('an %s gets cells of 4 suppressed and a cell of 5 shown (SUPPRESSION_MIN_CELL 5)', async (_role, caller) => {
    const table = await persons(caller, ['ETHNICITY']);
    expect(table.minCell).toBe(MIN_CELL);
    expect(table.rows.find((c) => c.ethnicity === '独龙族')).toEqual(expect.objectContaining({ persons: null, households: null, suppressed: true }));
    expect(table.rows.find((c) => c.ethnicity === '怒族')).toEqual(expect.objectContaining({ persons: null, suppressed: true }));
    expect(table.rows.find((c) => c.ethnicity === '门巴族')).toEqual(expect.objectContaining({ persons: 5, households: 1, suppressed: false }));
  });

  it('a partner system (API key, registered operation) gets the same suppression, in its answer and in its export', async () => {
    const registered = `query Ethnicities { personStatistics(groupBy: [ETHNICITY]) { rows { ethnicity persons suppressed } } }`;
    const client = await issueClient(env.clients, { name: '昭通市民宗局', jurisdiction: [PREFECTURE_CODE], purposes: ['civil-affairs'] });
    await allowOperations(env.clients, client.id, [{ name: 'ethnicities.graphql', text: registered }], apiSchemaOf(loadSupergraph(loadConfig()).sdl));
    const headers = { 'content-type': 'application/json', 'x-api-key': client.key };
    const res = await fetch(env.gateway.url, { method: 'POST', headers, body: JSON.stringify({ query: registered }) });
    const rows: Cell[] = ((await res.json()) as { data: { personStatistics: { rows: Cell[] } } }).data.personStatistics.rows;
    expect(rows.find((c) => c.ethnicity === '独龙族')).toEqual({ ethnicity: '独龙族', persons: null, suppressed: true });
    expect(rows.find((c) => c.ethnicity === '门巴族')).toEqual({ ethnicity: '门巴族', persons: 5, suppressed: false });

    const file = await fetch(env.gateway.url.replace(/graphql$/, 'export?format=csv'), { method: 'POST', headers, body: JSON.stringify({ query: registered }) });
    expect(file.status).toBe(200);
    const lines = (await file.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('民族,人数,小数保护：本格数值不公布');
    expect(lines).toContain('独龙族,,是');
    expect(lines).toContain('门巴族,5,否');
    // anything else stays refused for the partner, the export included
    const other = await fetch(env.gateway.url.replace(/graphql$/, 'export?format=csv'), { method: 'POST', headers, body: JSON.stringify({ query: PERSONS, variables: { groupBy: ['ETHNICITY'] } }) });
    expect(other.status).toBe(403);
  });

  const FIELDS: Record<string, keyof Cell> = { COMMUNITY: 'community', ETHNICITY: 'ethnicity', SEX: 'sex', COUNTY: 'county' };
  const valueOf = (cell: Cell, dimension: string) => {
    const v = cell[FIELDS[dimension]];
    return v && typeof v === 'object' ? (v as { code: string }).code : v;
  };

  it.each([[['ETHNICITY']], [['COMMUNITY', 'ETHNICITY']], [['ETHNICITY', 'SEX']]])(
    'no suppressed cell of %j can be recovered by subtraction from anything published in the same response',
    async (groupBy) => {
      // the table, and in the same request each coarser table a reader could subtract it from
      const coarser = groupBy.length === 2 ? groupBy : [];
      const document = `query ($groupBy: [PersonDimension!]!) {
        table: personStatistics(groupBy: $groupBy) { rows { county { code } community { code } sex ethnicity persons suppressed } total { persons } suppressedCells }
        ${coarser.map((d) => `by${d}: personStatistics(groupBy: [${d}]) { rows { community { code } sex ethnicity persons suppressed } }`).join('\n')}
      }`;
      const variables = { groupBy };
      const exact = await env.query(prefecture, document, variables);
      const shown = await env.query(analyst, document, variables);
      expect(shown.errors).toBeUndefined();
      const truth = new Map((exact.data.table.rows as Cell[]).map((c) => [keyOf(c), c.persons!]));
      const rows = shown.data.table.rows as Cell[];
      expect(rows.map(keyOf)).toEqual((exact.data.table.rows as Cell[]).map(keyOf));
      for (const cell of rows) {
        const persons = truth.get(keyOf(cell))!;
        if (persons < MIN_CELL) expect(cell.suppressed).toBe(true);
        if (!cell.suppressed) expect(cell.persons).toBe(persons);
      }
      expect(shown.data.table.suppressedCells).toBe(rows.filter((c) => c.suppressed).length);
      expect(shown.data.table.suppressedCells).toBeGreaterThan(0);

      // every published sum: the total, and each published cell of a coarser table
      const sums: { published: number; cells: Cell[] }[] = [{ published: shown.data.table.total.persons, cells: rows }];
      for (const d of coarser) {
        for (const margin of shown.data[`by${d}`].rows as Cell[]) {
          if (!margin.suppressed) sums.push({ published: margin.persons!, cells: rows.filter((c) => valueOf(c, d) === valueOf(margin, d)) });
        }
      }
      for (const { published, cells } of sums) {
        const hidden = cells.filter((c) => c.suppressed);
        const recovered = published - cells.filter((c) => !c.suppressed).reduce((n, c) => n + c.persons!, 0);
        expect(recovered).toBe(hidden.reduce((n, c) => n + truth.get(keyOf(c))!, 0));
        // what subtraction recovers is nothing, or two or more cells together, counting at least MIN_CELL persons
        if (hidden.length) expect({ hidden: hidden.length >= 2, atLeastMin: recovered >= MIN_CELL }).toEqual({ hidden: true, atLeastMin: true });
      }
      expect(shown.data.table.total.persons).toBe(exact.data.table.total.persons);
    },
  );

  it('a county officer counts inside the county; a filter outside it is FORBIDDEN', async () => {
    const table = await persons(qiaojia, ['COUNTY']);
    expect(table.rows.map((c) => c.county!.code)).toEqual([DEMO_AREAS.qiaojia]);
    const res = await env.query(qiaojia, PERSONS, { groupBy: ['COUNTY'], filter: { areaCode: DEMO_AREAS.suijiang } });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('filters by area, sex and relocation year', async () => {
    const all = await persons(prefecture, ['SEX'], { areaCode: DEMO_AREAS.wenbi });
    const women = await persons(prefecture, ['SEX'], { areaCode: DEMO_AREAS.wenbi, sex: 'FEMALE' });
    expect(women.rows.map((c) => c.sex)).toEqual(['FEMALE']);
    expect(women.total!.persons).toBe(all.rows.find((c) => c.sex === 'FEMALE')!.persons);
    const byYear = await persons(prefecture, ['RELOCATION_YEAR'], { relocatedFrom: 2021, relocatedTo: 2021 });
    expect(byYear.rows.map((c) => (c as unknown as { relocationYear: number }).relocationYear)).toEqual([2021]);
  });

  it('answers bad requests with coded, bilingual errors naming the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [PERSONS, { groupBy: ['SEX', 'SEX'] }, 'groupBy'],
      [PERSONS, { groupBy: ['SEX'], filter: { relocatedFrom: 2022, relocatedTo: 2020 } }, 'filter.relocatedFrom'],
      ['{ landStatistics(groupBy: [STRUCTURE]) { rows { suppressed } } }', {}, 'groupBy'],
      ['{ labourStatistics(groupBy: [COUNTY], year: 1800) { rows { suppressed } } }', {}, 'year'],
    ];
    for (const [query, variables, field] of cases) {
      const res = await env.query(analyst, query, variables);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0].message).toMatch(/[\u4e00-\u9fff].* · [A-Za-z]/);
    }
  });

  it('agrees with the aggregates the subgraphs already had (inventory, employment indicators)', async () => {
    const res = await env.query(prefecture, `{
      area(code: "${DEMO_AREAS.qiaojia}") { inventory { floodedLandMu originalFloorArea flats } employmentIndicators(year: 2023) { employed workingAgePopulation } }
      landStatistics(groupBy: [], filter: { areaCode: "${DEMO_AREAS.qiaojia}" }) { total { floodedLandMu } }
      houseStatistics(groupBy: [STRUCTURE], filter: { areaCode: "${DEMO_AREAS.qiaojia}" }) { total { originalFloorArea } }
      flatStatistics(groupBy: [FLAT_STATUS], filter: { areaCode: "${DEMO_AREAS.qiaojia}" }) { total { flats } }
      labourStatistics(groupBy: [AGE_BAND], year: 2023, filter: { areaCode: "${DEMO_AREAS.qiaojia}" }) { total { employed workingAge } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data;
    expect(d.landStatistics.total.floodedLandMu).toBeCloseTo(d.area.inventory.floodedLandMu, 2);
    expect(d.houseStatistics.total.originalFloorArea).toBeCloseTo(d.area.inventory.originalFloorArea, 2);
    expect(d.flatStatistics.total.flats).toBe(d.area.inventory.flats);
    expect(d.labourStatistics.total).toEqual({ employed: d.area.employmentIndicators.employed, workingAge: d.area.employmentIndicators.workingAgePopulation });
  });

  it('combines statistics of all four subgraphs in one request (the collection query), suppressed for an analyst', async () => {
    const entry = readCollection().find((e) => e.file.startsWith('11-'))!;
    const res = await env.query(analyst, entry.query, JSON.parse(entry.variables));
    expect(res.errors).toBeUndefined();
    for (const name of ['personStatistics', 'landStatistics', 'labourStatistics', 'incomeStatistics', 'caseStatistics', 'activityStatistics']) {
      expect({ name, rows: res.data[name].rows.length > 0 }).toEqual({ name, rows: true });
    }
    expect(res.data.landStatistics.rows[0].county.name).toMatch(/县|区|市/);
    expect(res.data.caseStatistics.suppressedCells).toBe(res.data.caseStatistics.rows.filter((c: Cell) => c.suppressed).length);
  });

  it('withholds derived measures (rates, means) of a suppressed cell too', async () => {
    const res = await env.query(analyst, `{
      labourStatistics(groupBy: [COMMUNITY, LABOUR_STATUS], year: 2023) { rows { persons workingAge employed employmentRate suppressed } }
      incomeStatistics(groupBy: [COMMUNITY, YEAR]) { rows { households members meanPerCapitaNetIncome suppressed } }
    }`);
    expect(res.errors).toBeUndefined();
    const labour = res.data.labourStatistics.rows as Record<string, unknown>[];
    const income = res.data.incomeStatistics.rows as Record<string, unknown>[];
    expect(labour.some((c) => c.suppressed)).toBe(true);
    for (const c of [...labour, ...income].filter((c) => c.suppressed)) expect(Object.values(c).filter((v) => v !== null)).toEqual([true]);
    expect(labour.some((c) => !c.suppressed && typeof c.employmentRate === 'number')).toBe(true);
  });

  it('runs a statistics query in a constant number of statements, however many groups', async () => {
    const statements = async (subgraph: string, query: string) => {
      const before = env.statements(subgraph);
      const res = await env.query(prefecture, query);
      expect(res.errors).toBeUndefined();
      return env.statements(subgraph) - before;
    };
    const few = await statements('households', '{ personStatistics(groupBy: [COUNTY]) { rows { county { name } persons } } }');
    const many = await statements('households', '{ personStatistics(groupBy: [COMMUNITY, SEX]) { rows { community { name } county { name } persons } } }');
    console.log(`[${engine}] personStatistics by county | community × sex: ${few} | ${many} households SQL statements`);
    expect(many).toBe(few);
    // the data version (data-version.ts), the table itself, the area names
    expect(few).toBeLessThanOrEqual(3);
    const land = await statements('land-housing', '{ landStatistics(groupBy: [COMMUNITY, LAND_USE]) { rows { community { name } mu: floodedLandMu } } }');
    expect(land).toBe(2);
    // areas only when the rows are asked for: none is looked up (nor left running after the answer) for a total alone
    const totalOnly = await statements('households', '{ personStatistics(groupBy: [TOWNSHIP]) { total { persons } } }');
    const withAreas = await statements('households', '{ personStatistics(groupBy: [TOWNSHIP, SEX]) { total { persons } rows { township { name } } } }');
    expect(withAreas).toBe(totalOnly + 1);
  });
});
