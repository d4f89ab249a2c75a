import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { Role, type Identity } from '../../platform/security/identity';
import { startMetricsServer } from '../../platform/server/metrics-server';
import { createTestEnvironment, type TestEnvironment } from '../../tests/environment';
import { DEMO_AREAS } from './demo/geography';
import { generateDemoData } from './demo/generator';
import type { DemoData } from './demo/rows';

const SCALE = 0.005;

/** The households subgraph on its own (queried directly with a gateway-signed identity). */
describe('households subgraph', () => {
  let env: TestEnvironment;
  const data: DemoData = generateDemoData({ scale: SCALE });
  const { prefecture, qiaojia } = DEMO_IDENTITIES;
  const ask = (query: string, variables?: Record<string, unknown>, as = prefecture) => env.querySubgraphAs('households', as, query, variables);

  beforeAll(async () => {
    env = await createTestEnvironment({ engine: 'pglite', scale: SCALE, subgraphs: ['households'] });
  });
  afterAll(() => env?.close());

  it('walks every household page by page with no gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res: any = await ask('query ($after: String) { households(first: 50, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { registryNo } } }', { after });
      seen.push(...res.data.households.nodes.map((n: { registryNo: string }) => n.registryNo));
      expect(res.data.households.totalCount).toBe(data.households.length);
      if (!res.data.households.pageInfo.hasNextPage) break;
      after = res.data.households.pageInfo.endCursor;
    }
    expect(seen).toEqual(data.households.map((h) => h.registry_no).sort());
  });

  it.each([
    ['a page size of 0', 'households(first: 0)', 'first'],
    ['a page size over the limit', 'households(first: 201)', 'first'],
    ['a forged cursor', 'households(after: "bm9wZQ")', 'after'],
    ['a malformed area code', 'households(filter: { areaCode: "53" })', 'filter.areaCode'],
    ['an unknown station', 'households(filter: { stationId: "SANXIA" })', 'filter.stationId'],
    ['a malformed id', 'household(id: "42")', 'id'],
  ])('answers %s with BAD_USER_INPUT naming the argument', async (_label, field, name) => {
    const res = await ask(`{ x: ${field} { __typename } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
  });

  it('finds areas by their whole name or its beginning, whole-name matches first, inside the jurisdiction', async () => {
    const q = 'query ($name: String!) { areas(name: $name) { code name level parent { name } } }';
    const exact = await ask(q, { name: '邱家屿社区' });
    expect(exact.data.areas.map((a: { code: string }) => a.code)).toEqual([DEMO_AREAS.qiujiayu]);
    expect(exact.data.areas[0]).toMatchObject({ level: 'COMMUNITY', parent: { name: '玉屏街道' } });
    const prefix = await ask(q, { name: '邱家屿' });
    expect(prefix.data.areas[0].code).toBe(DEMO_AREAS.qiujiayu);
    expect(prefix.data.areas.every((a: { name: string }) => a.name.startsWith('邱家屿'))).toBe(true);
    // a county name also matches the longer names that begin with it; the county itself comes first
    const county = await ask(q, { name: '巧家' });
    expect(county.data.areas[0]).toMatchObject({ name: '巧家县', level: 'COUNTY' });
    // LIKE's wildcards are taken literally
    expect((await ask(q, { name: '%' })).data.areas).toEqual([]);
    expect((await ask(q, { name: '邱_屿' })).data.areas).toEqual([]);
    // another county's officer finds nothing of Qiaojia below the prefecture
    const suijiang: Identity = { subject: 'suijiang', role: Role.COUNTY_OFFICER, jurisdiction: [DEMO_AREAS.suijiang] };
    expect((await ask(q, { name: '邱家屿' }, suijiang)).data.areas).toEqual([]);
    const blank = await ask(q, { name: '  ' });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('finds a person by exact ID number and by the beginning of a name', async () => {
    const person = data.persons[7];
    const byId = await ask('query ($q: String!) { persons(filter: { search: $q }) { nodes { id } } }', { q: person.id_number.toLowerCase() });
    expect(byId.data.persons.nodes).toEqual([{ id: person.id }]);
    const surname = person.name.slice(0, 1);
    const byName = await ask('query ($q: String!) { persons(first: 200, filter: { search: $q }) { totalCount nodes { name } } }', { q: surname });
    expect(byName.data.persons.totalCount).toBe(data.persons.filter((p) => p.name.startsWith(surname)).length);
    expect(byName.data.persons.nodes.every((n: { name: string }) => n.name.startsWith(surname))).toBe(true);
  });

  it('filters by station, relocation mode and production mode', async () => {
    const res = await ask('{ persons(filter: { stationId: "XIANGJIABA", relocationMode: URBANISATION, productionMode: ANNUAL_COMPENSATION }) { totalCount } }');
    const households = new Map(data.households.map((h) => [h.id, h]));
    const expected = data.persons.filter((p) => {
      const h = households.get(p.household_id)!;
      return h.station_id === 'XIANGJIABA' && h.relocation_mode === 'URBANISATION' && p.production_mode === 'ANNUAL_COMPENSATION';
    }).length;
    expect(expected).toBeGreaterThan(0);
    expect(res.data.persons.totalCount).toBe(expected);
  });

  it('lists areas by level and parent, and maps Shuifu’s old code', async () => {
    const res = await ask(`{ counties: areas(level: COUNTY) { code } groups: areas(parentCode: "${DEMO_AREAS.wenbi}") { level } shuifu: area(code: "530630") { code name } }`);
    expect(res.data.counties.map((c: { code: string }) => c.code).sort()).toEqual(data.areas.filter((a) => a.level === 'COUNTY').map((a) => a.code).sort());
    expect(res.data.groups).toHaveLength(11);
    expect(res.data.shuifu).toEqual({ code: '530681', name: '水富市' });
  });

  it('shows a county officer only the affected counties they may see', async () => {
    const res = await ask('{ stations { id capacityMw affectedCounties { code } } }', undefined, qiaojia);
    const baihetan = res.data.stations.find((s: { id: string }) => s.id === 'BAIHETAN');
    expect(baihetan.capacityMw).toBe(16000);
    expect(baihetan.affectedCounties).toEqual([{ code: DEMO_AREAS.qiaojia }]);
    const xiluodu = res.data.stations.find((s: { id: string }) => s.id === 'XILUODU');
    expect(xiluodu.affectedCounties).toEqual([]);
  });

  it('counts its SQL statements in /metrics, on the metrics port and not beside the API', async () => {
    await ask('{ stations { id } }');
    const metrics = await startMetricsServer(0);
    try {
      const text = await (await fetch(metrics.url)).text();
      const counted = Number(/^resettlement_sql_statements_total\{service="households"\} (\d+)/m.exec(text)?.[1]);
      expect(counted).toBe(env.statements('households'));
      expect(counted).toBeGreaterThan(0);
    } finally {
      await metrics.close();
    }
    expect((await fetch(env.subgraphs.households.url.replace(/graphql$/, 'metrics'))).status).toBe(404);
  });

  it('shows ID numbers and phones in full only where the policy allows, and reports each full read', async () => {
    const person = data.persons.find((p) => p.phone && p.county_code === DEMO_AREAS.qiaojia)!;
    const query = 'query ($id: ID!) { person(id: $id) { idNumber phone } }';
    const full = { idNumber: person.id_number, phone: person.phone };
    const masked = { idNumber: `${person.id_number.slice(0, 6)}************`, phone: `${person.phone!.slice(0, 3)}****${person.phone!.slice(-4)}` };
    const partner = (purposes: string[]) => ({ subject: 'client:x', role: Role.PARTNER, jurisdiction: [DEMO_AREAS.qiaojia], purposes, client: { id: '00000000-0000-4000-8000-000000000001', name: '公安局' } });
    const cases: [string, Identity, object, string[]][] = [
      ['county officer', qiaojia, full, ['idNumber', 'phone']],
      ['analyst', DEMO_IDENTITIES.analyst, masked, []],
      ['auditor', DEMO_IDENTITIES.auditor, masked, []],
      ['public-security partner', partner(['public-security']), full, ['idNumber', 'phone']],
      ['civil-affairs partner', partner(['civil-affairs']), { ...full, phone: masked.phone }, ['idNumber']],
      ['audit partner', partner(['audit']), masked, []],
    ];
    for (const [label, identity, expected, fields] of cases) {
      const res = await ask(query, { id: person.id }, identity);
      const reads = fields.length ? [{ type: 'Person', id: person.id, areaCode: person.area_code, fields }] : undefined;
      expect({ label, person: res.data.person, reads: res.extensions?.fullReads }).toEqual({ label, person: expected, reads });
    }
  });

  it('publishes its federated SDL with the entity keys', async () => {
    const res = await ask('{ _service { sdl } }');
    expect(res.data._service.sdl).toMatch(/type Household\s+@key\(fields: "id"\)/);
    expect(res.data._service.sdl).toMatch(/type Person\s+@key\(fields: "id"\)/);
    expect(res.data._service.sdl).toMatch(/type AdminArea\s+@key\(fields: "code"\)/);
  });
});
