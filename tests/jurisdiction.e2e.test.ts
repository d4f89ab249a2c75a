import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture, qiaojia, suijiang, wenbi } = DEMO_IDENTITIES;

describe.each(engines('jurisdiction is applied in SQL'))('jurisdiction through the gateway (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let suijiangHousehold: DemoData['households'][number];
  let suijiangPerson: DemoData['persons'][number];

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.02, ['households']));
    suijiangHousehold = data.households.find((h) => h.county_code === DEMO_AREAS.suijiang)!;
    suijiangPerson = data.persons.find((p) => p.household_id === suijiangHousehold.id)!;
  });
  afterAll(() => env?.close());

  it('lists only the officer’s own county', async () => {
    const res = await env.query(qiaojia, '{ households(first: 200) { totalCount nodes { countyCode } } persons(first: 200) { totalCount nodes { countyCode } } }');
    expect(res.errors).toBeUndefined();
    const expectedHouseholds = data.households.filter((h) => h.county_code === DEMO_AREAS.qiaojia).length;
    const expectedPersons = data.persons.filter((p) => p.county_code === DEMO_AREAS.qiaojia).length;
    expect(res.data.households.totalCount).toBe(expectedHouseholds);
    expect(res.data.persons.totalCount).toBe(expectedPersons);
    expect(new Set(res.data.households.nodes.map((n: { countyCode: string }) => n.countyCode))).toEqual(new Set([DEMO_AREAS.qiaojia]));
    expect(new Set(res.data.persons.nodes.map((n: { countyCode: string }) => n.countyCode))).toEqual(new Set([DEMO_AREAS.qiaojia]));
  });

  it('the prefecture sees every county', async () => {
    const res = await env.query(prefecture, '{ households { totalCount } persons { totalCount } }');
    expect(res.data.households.totalCount).toBe(data.households.length);
    expect(res.data.persons.totalCount).toBe(data.persons.length);
  });

  it('a community worker sees their community only', async () => {
    const res = await env.query(wenbi, '{ persons(first: 200) { totalCount nodes { areaCode } } }');
    expect(res.data.persons.totalCount).toBe(data.persons.filter((p) => p.area_code.startsWith(DEMO_AREAS.wenbi)).length);
    expect(res.data.persons.nodes.every((n: { areaCode: string }) => n.areaCode.startsWith(DEMO_AREAS.wenbi))).toBe(true);
  });

  it('refuses a household, a person and an area of another county by id', async () => {
    const res = await env.query(
      qiaojia,
      'query ($h: ID!, $p: ID!, $a: String!) { household(id: $h) { id } person(id: $p) { id } area(code: $a) { name } }',
      { h: suijiangHousehold.id, p: suijiangPerson.id, a: DEMO_AREAS.suijiang },
    );
    expect(res.data).toEqual({ household: null, person: null, area: null });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const own = await env.query(suijiang, 'query ($h: ID!) { household(id: $h) { registryNo } }', { h: suijiangHousehold.id });
    expect(own.data.household.registryNo).toBe(suijiangHousehold.registry_no);
  });

  it('refuses a filter on another county', async () => {
    const res = await env.query(qiaojia, `{ persons(filter: { areaCode: "${DEMO_AREAS.suijiang}" }) { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves no entity of another county through _entities', async () => {
    const res = await env.querySubgraphAs(
      'households',
      qiaojia,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Household { registryNo } ... on Person { name } ... on AdminArea { name } } }`,
      {
        reps: [
          { __typename: 'Household', id: suijiangHousehold.id },
          { __typename: 'Person', id: suijiangPerson.id },
          { __typename: 'AdminArea', code: DEMO_AREAS.suijiang },
        ],
      },
    );
    expect(res.data._entities).toEqual([null, null, null]);
    expect(res.errors?.length).toBe(3);
    expect(res.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('shows areas above the jurisdiction for navigation but not the neighbours below them', async () => {
    const res = await env.query(qiaojia, '{ area(code: "530600") { name children { code } } }');
    expect(res.data.area.name).toBe('昭通市');
    expect(res.data.area.children.map((c: { code: string }) => c.code)).toEqual([DEMO_AREAS.qiaojia]);
  });

  it('masks ID numbers and phones for analysts, not for officers', async () => {
    const query = 'query ($id: ID!) { person(id: $id) { idNumber phone } }';
    const adult = data.persons.find((p) => p.phone && p.county_code === DEMO_AREAS.qiaojia)!;
    const officer = await env.query(qiaojia, query, { id: adult.id });
    expect(officer.data.person).toEqual({ idNumber: adult.id_number, phone: adult.phone });
    const analyst = await env.query(DEMO_IDENTITIES.analyst, query, { id: adult.id });
    expect(analyst.data.person.idNumber).toBe(`${adult.id_number.slice(0, 6)}************`);
    expect(analyst.data.person.phone).toBe(`${adult.phone!.slice(0, 3)}****${adult.phone!.slice(-4)}`);
  });
});
