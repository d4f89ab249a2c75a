import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture } = DEMO_IDENTITIES;

describe.each(engines('statement counts: batching is per driver'))('SQL statements per request do not grow with page size (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.01, ['households', 'land-housing', 'support']));
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
  // the support subgraph: every list field and reference batched, one statement per field whatever the page
  const SUPPORT_LINES = `query ($n: Int!) { paymentLines(first: $n) { nodes { amountYuan status ledger { kind amountFen }
    cycle { code state reconciliation { balanced } sourceCycle { code } } person { supportEntitlements { scheme status } subsidyCard { bank } supportVerifications { result } } } } }`;

  it('paymentLines(first: 10|100) with their cycles, ledger, persons’ entitlements and cards cost support the same statements', async () => {
    const ten = await statementsFor(SUPPORT_LINES, { n: 10 }, prefecture, 'support');
    const hundred = await statementsFor(SUPPORT_LINES, { n: 100 }, prefecture, 'support');
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(12);
    console.log(`[${engine}] paymentLines(first: 10|100){cycle, ledger, person{entitlements, card}}: ${ten} | ${hundred} support statements`);
  });

  it('households(first: 10|100) with their support payments and members’ entitlements and payments cost support the same', async () => {
    const q = `query ($n: Int!) { households(first: $n) { nodes { registryNo supportPayments(year: 2023) { amountFen status }
      members { payments(year: 2023) { amountFen cycle { code } } supportEntitlements { category status } subsidyCard { bank } } } } }`;
    const ten = await statementsFor(q, { n: 10 }, prefecture, 'support');
    const hundred = await statementsFor(q, { n: 100 }, prefecture, 'support');
    expect(hundred).toBe(ten);
    console.log(`[${engine}] households(first: 10|100){supportPayments, members{payments, entitlements}}: ${ten} | ${hundred} support statements`);
  });

  it('paymentCycles(first: 3|30) with their lines, reconciliation and county indicators cost support the same', async () => {
    const q = `query ($n: Int!) { paymentCycles(first: $n) { nodes { code lines(first: 5) { totalCount nodes { status person { subsidyCard { bank } } } }
      reconciliation { balanced } county { supportIndicators(year: 2023) { entitled paidPostRelocationSupport } } } } }`;
    const few = await statementsFor(q, { n: 3 }, prefecture, 'support');
    const many = await statementsFor(q, { n: 30 }, prefecture, 'support');
    expect(many).toBe(few);
    console.log(`[${engine}] paymentCycles(first: 3|30){lines, reconciliation, county{indicators}}: ${few} | ${many} support statements`);
  });

  it('the batched pages under each cycle and area are the pages each would get alone (nodes, cursors, totals)', async () => {
    const q = `query ($after: String) { paymentCycles(first: 12) { nodes { id lineCount lines(first: 3, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } } } }`;
    const first = (await env.query(prefecture, q)).data.paymentCycles.nodes;
    for (const c of first.slice(0, 4)) {
      const alone = (await env.query(prefecture, `query ($c: ID!) { paymentLines(first: 6, filter: { cycleId: $c }) { nodes { id } } }`, { c: c.id })).data.paymentLines.nodes.map((n: any) => n.id);
      expect(c.lines.totalCount).toBe(c.lineCount);
      expect(c.lines.nodes.map((n: any) => n.id)).toEqual(alone.slice(0, 3));
      expect(c.lines.pageInfo.hasNextPage).toBe(c.lineCount > 3);
      const next = (await env.query(prefecture, q, { after: c.lines.pageInfo.endCursor })).data.paymentCycles.nodes.find((n: any) => n.id === c.id);
      expect(next.lines.nodes.map((n: any) => n.id)).toEqual(alone.slice(3, 6));
    }
    const areas = (await env.query(prefecture, `{ areas(level: COUNTY) { code supportProjects(first: 200) { totalCount nodes { areaCode } } } }`)).data.areas;
    const support = env.subgraphs.support.dataSource;
    const counts: { county: string; n: number }[] = await support.query(`SELECT county_code AS county, count(*)::int AS n FROM "${support.getMetadata('SupportProject').schema}".support_project GROUP BY 1`);
    for (const a of areas) {
      expect(a.supportProjects.nodes.every((p: any) => p.areaCode.startsWith(a.code))).toBe(true);
      expect(a.supportProjects.totalCount).toBe(counts.find((c) => c.county === a.code)?.n ?? 0);
    }
    expect(areas.some((a: any) => a.supportProjects.totalCount > 0)).toBe(true);
  });

  it('verification entries, projects and areas’ support fields cost support the same for few and many', async () => {
    const entries = `query ($n: Int!) { verificationEntries(first: $n) { nodes { result person { supportEntitlements { status } payments { amountFen } } } } }`;
    expect(await statementsFor(entries, { n: 100 }, prefecture, 'support')).toBe(await statementsFor(entries, { n: 10 }, prefecture, 'support'));
    const projects = `query ($n: Int!) { supportProjects(first: $n) { nodes { name funds { year amountFen } area { supportIndicators(year: 2024) { entitled } } } } }`;
    expect(await statementsFor(projects, { n: 50 }, prefecture, 'support')).toBe(await statementsFor(projects, { n: 5 }, prefecture, 'support'));
    const areas = `query ($level: AreaLevel!) { areas(level: $level) { code supportIndicators(year: 2024) { entitled removedDeceased } supportProjects(first: 3) { nodes { name funds { amountFen } } } } }`;
    const counties = await statementsFor(areas, { level: 'COUNTY' }, prefecture, 'support');
    const communities = await statementsFor(areas, { level: 'COMMUNITY' }, prefecture, 'support');
    expect(communities).toBe(counties);
    console.log(`[${engine}] areas(level: COUNTY|COMMUNITY){supportIndicators, supportProjects{funds}}: ${counties} | ${communities} support statements`);
  });

  it('an _entities call with 100 persons and their support fields costs a small constant number of statements', async () => {
    const reps = data.persons.slice(0, 100).map((p) => ({ __typename: 'Person', id: p.id }));
    const before = env.statements('support');
    const res = await env.querySubgraphAs('support', prefecture, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
      supportEntitlements { status } payments(year: 2023) { amountFen status } subsidyCard { bank } supportVerifications { result } } } }`, { r: reps });
    const used = env.statements('support') - before;
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(100);
    expect(used).toBeLessThanOrEqual(8);
    console.log(`[${engine}] _entities with 100 persons (+ entitlements, payments, card, verifications): ${used} support statements`);
  });
});
