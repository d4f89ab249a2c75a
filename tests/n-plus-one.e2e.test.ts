import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture } = DEMO_IDENTITIES;

describe.each(engines('statement counts: batching is per driver'))('SQL statements per request do not grow with page size (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.01, ['households', 'land-housing']));
  });
  afterAll(() => env?.close());

  /** Statements the households subgraph (or another) runs for one request. */
  async function statementsFor(query: string, variables?: Record<string, unknown>, as = prefecture, subgraph = 'households'): Promise<number> {
    const before = env.statements(subgraph);
    const res = await env.query(as, query, variables);
    expect(res.errors).toBeUndefined();
    return env.statements(subgraph) - before;
  }

  const HOUSEHOLDS = `query ($n: Int!) { households(first: $n) { nodes { registryNo station { name } currentArea { name parent { name } }
    head { name } members { name idNumber household { registryNo } } } } }`;

  it('households(first: 10){members…} costs what households(first: 100){members…} costs', async () => {
    const ten = await statementsFor(HOUSEHOLDS, { n: 10 });
    const hundred = await statementsFor(HOUSEHOLDS, { n: 100 });
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(8);
    console.log(`[${engine}] households(first: 10|100){members…}: ${ten} | ${hundred} SQL statements`);
  });

  it('persons(first: 20|200) with their households costs the same', async () => {
    const q = 'query ($n: Int!) { persons(first: $n) { totalCount nodes { name household { registryNo memberCount } } } }';
    const small = await statementsFor(q, { n: 20 });
    const large = await statementsFor(q, { n: 200 });
    expect(large).toBe(small);
  });

  it('an _entities call with 100 persons costs a small constant number of statements', async () => {
    const reps = data.persons.slice(0, 100).map((p) => ({ __typename: 'Person', id: p.id }));
    const before = env.statements('households');
    const res = await env.querySubgraphAs('households', prefecture, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name household { registryNo } } } }', { r: reps });
    const used = env.statements('households') - before;
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(100);
    expect(res.data._entities.every((e: unknown) => e !== null)).toBe(true);
    expect(used).toBeLessThanOrEqual(2);
    console.log(`[${engine}] _entities with 100 persons (+ households): ${used} SQL statements`);
  });

  const LAND_AND_HOUSING = `query ($n: Int!) { households(first: $n) { nodes { registryNo floodedLandMu originalFloorArea
    landParcels { landUse areaMu } originalHouses { structure floorArea }
    allocations { settlement flat { number status unit { number } building { number } site { name area { name } } } } } } }`;

  it('households(first: 10|100) with their land, houses and flats cost land-housing the same statements', async () => {
    const ten = await statementsFor(LAND_AND_HOUSING, { n: 10 }, prefecture, 'land-housing');
    const hundred = await statementsFor(LAND_AND_HOUSING, { n: 100 }, prefecture, 'land-housing');
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(10);
    expect(await statementsFor(LAND_AND_HOUSING, { n: 100 })).toBe(await statementsFor(LAND_AND_HOUSING, { n: 10 }));
    console.log(`[${engine}] households(first: 10|100){land, houses, flat…}: ${ten} | ${hundred} land-housing statements`);
  });

  it('sites down to their flats, allocations and households cost the same for 3 sites as for 30', async () => {
    const q = `query ($n: Int!) { resettlementSites(first: $n) { nodes { name area { name } buildings { number units { number flats { number status
      allocation { settlement household { registryNo } } } } } } } }`;
    const few = await statementsFor(q, { n: 3 }, prefecture, 'land-housing');
    const many = await statementsFor(q, { n: 30 }, prefecture, 'land-housing');
    expect(many).toBe(few);
    console.log(`[${engine}] resettlementSites(first: 3|30){buildings{units{flats{allocation…}}}}: ${few} | ${many} land-housing statements`);
  });

  it('the inventory of every community costs what the inventory of every county costs', async () => {
    const q = `query ($level: AreaLevel!) { areas(level: $level) { code inventory { floodedLandMu originalFloorArea flats flatsByStatus { status flats } } resettlementSites { name } } }`;
    const counties = await statementsFor(q, { level: 'COUNTY' }, prefecture, 'land-housing');
    const communities = await statementsFor(q, { level: 'COMMUNITY' }, prefecture, 'land-housing');
    expect(communities).toBe(counties);
    // the data version (data-version.ts), the inventories, the sites
    expect(counties).toBeLessThanOrEqual(3);
    console.log(`[${engine}] areas(level: COUNTY|COMMUNITY){inventory, resettlementSites}: ${counties} | ${communities} land-housing statements`);
  });

  it('an _entities call with 100 households and their land and housing costs a small constant number of statements', async () => {
    const reps = data.households.slice(0, 100).map((h) => ({ __typename: 'Household', id: h.id }));
    const before = env.statements('land-housing');
    const res = await env.querySubgraphAs('land-housing', prefecture, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Household {
      floodedLandMu originalFloorArea landParcels { areaMu } originalHouses { floorArea } allocations { flat { number } } } } }`, { r: reps });
    const used = env.statements('land-housing') - before;
    expect(res.errors).toBeUndefined();
    expect(res.data._entities.every((e: unknown) => e !== null)).toBe(true);
    expect(used).toBeLessThanOrEqual(6);
    console.log(`[${engine}] _entities with 100 households (+ land, houses, flats, totals): ${used} land-housing statements`);
  });
});
