import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS, PREFECTURE_CODE } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { generateLandHousingData } from '../subgraphs/land-housing/demo/generator';
import type { LandHousingData } from '../subgraphs/land-housing/demo/rows';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const SCALE = 0.02;
const { prefecture, qiaojia, wenbi } = DEMO_IDENTITIES;
const hundredths = (xs: string[]) => xs.reduce((a, x) => a + Math.round(Number(x) * 100), 0) / 100;

describe.each(engines())('land & housing through the gateway (%s)', (engine) => {
  let env: TestEnvironment;
  let registry: DemoData;
  let data: LandHousingData;
  const inCounty = (county: string) => (row: { county_code: string }) => row.county_code === county;

  beforeAll(async () => {
    ({ env, data: registry } = await startPlatform(engine, SCALE, ['households', 'land-housing']));
    data = generateLandHousingData(registry, { scale: SCALE });
  });
  afterAll(() => env?.close());

  it('answers households with their members, flooded land, original houses and flat in one request, scoped to the caller', async () => {
    const res = await env.query(qiaojia, `query ($area: String!) { households(first: 50, filter: { areaCode: $area }) { totalCount nodes {
      id registryNo members { name relation } floodedLandMu originalFloorArea
      landParcels { landUse areaMu villageCode } originalHouses { structure floorArea }
      allocations { swappedArea allocatedArea settlement occupancyStatus flat { number floor category building { number } site { name area { name } } } } } } }`,
    { area: DEMO_AREAS.binjiang });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.households.nodes;
    expect(nodes.length).toBe(Math.min(50, registry.households.filter((h) => h.area_code.startsWith(DEMO_AREAS.binjiang)).length));
    for (const node of nodes) {
      const parcels = data.parcels.filter((p) => p.household_id === node.id);
      const houses = data.houses.filter((o) => o.household_id === node.id);
      expect(node.members.length).toBe(registry.persons.filter((p) => p.household_id === node.id).length);
      expect(node.landParcels).toHaveLength(parcels.length);
      expect(node.floodedLandMu).toBe(hundredths(parcels.map((p) => p.area_mu)));
      expect(node.originalHouses).toHaveLength(houses.length);
      expect(node.originalFloorArea).toBe(hundredths(houses.map((o) => o.floor_area)));
      expect(node.allocations).toHaveLength(1);
      const [allocation] = node.allocations;
      expect(allocation.flat.site.area.name).toBe('滨江社区');
      expect(allocation.flat.number).toMatch(/^\d{4}$/);
      expect(['BASIC', 'GUARANTEED']).toContain(allocation.flat.category);
    }
  });

  it('lists only the officer’s county, and only the worker’s community', async () => {
    const query = `{ landParcels { totalCount } originalHouses { totalCount } resettlementSites { totalCount } flats { totalCount } allocations { totalCount } }`;
    const county = await env.query(qiaojia, query);
    const q = inCounty(DEMO_AREAS.qiaojia);
    expect(county.data).toEqual({
      landParcels: { totalCount: data.parcels.filter(q).length },
      originalHouses: { totalCount: data.houses.filter(q).length },
      resettlementSites: { totalCount: data.sites.filter(q).length },
      flats: { totalCount: data.flats.filter(q).length },
      allocations: { totalCount: data.allocations.filter(q).length },
    });
    const community = await env.query(wenbi, query);
    const w = (row: { area_code: string }) => row.area_code.startsWith(DEMO_AREAS.wenbi);
    expect(community.data).toEqual({
      landParcels: { totalCount: data.parcels.filter(w).length },
      originalHouses: { totalCount: data.houses.filter(w).length },
      resettlementSites: { totalCount: data.sites.filter(w).length },
      flats: { totalCount: data.flats.filter(w).length },
      allocations: { totalCount: data.allocations.filter((a) => w(a) || a.site_area_code.startsWith(DEMO_AREAS.wenbi)).length },
    });
    const everything = await env.query(prefecture, query);
    expect(everything.data.landParcels.totalCount).toBe(data.parcels.length);
  });

  it('totals an area above the jurisdiction over the jurisdiction only', async () => {
    const res = await env.query(qiaojia, `{ area(code: "${PREFECTURE_CODE}") { inventory { floodedLandMu originalFloorArea flats sites } resettlementSites { countyCode } } }`);
    expect(res.errors).toBeUndefined();
    const q = inCounty(DEMO_AREAS.qiaojia);
    expect(res.data.area.inventory).toEqual({
      floodedLandMu: hundredths(data.parcels.filter(q).map((p) => p.area_mu)),
      originalFloorArea: hundredths(data.houses.filter(q).map((o) => o.floor_area)),
      flats: data.flats.filter(q).length,
      sites: data.sites.filter(q).length,
    });
    expect(new Set(res.data.area.resettlementSites.map((s: { countyCode: string }) => s.countyCode))).toEqual(new Set([DEMO_AREAS.qiaojia]));
  });

  it('refuses records of another county by id', async () => {
    const s = inCounty(DEMO_AREAS.suijiang);
    const res = await env.query(qiaojia, `query ($p: ID!, $o: ID!, $s: ID!, $f: ID!, $a: ID!) {
      landParcel(id: $p) { id } originalHouse(id: $o) { id } resettlementSite(id: $s) { id } flat(id: $f) { id } allocation(id: $a) { id } }`, {
      p: data.parcels.find(s)!.id, o: data.houses.find(s)!.id, s: data.sites.find(s)!.id, f: data.flats.find(s)!.id, a: data.allocations.find(s)!.id,
    });
    expect(res.data).toEqual({ landParcel: null, originalHouse: null, resettlementSite: null, flat: null, allocation: null });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const unknown = await env.query(qiaojia, '{ landParcel(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(unknown).toMatchObject({ data: { landParcel: null } });
    expect(unknown.errors).toBeUndefined();
  });

  it('resolves no household or area of another county through _entities', async () => {
    const suijiangHousehold = registry.households.find(inCounty(DEMO_AREAS.suijiang))!;
    const ownHousehold = registry.households.find(inCounty(DEMO_AREAS.qiaojia))!;
    const res = await env.querySubgraphAs('land-housing', qiaojia, `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Household { id floodedLandMu landParcels { id } } ... on AdminArea { code inventory { flats } } } }`, {
      r: [
        { __typename: 'Household', id: suijiangHousehold.id },
        { __typename: 'AdminArea', code: DEMO_AREAS.suijiang },
        { __typename: 'Household', id: ownHousehold.id },
        { __typename: 'AdminArea', code: DEMO_AREAS.qiaojia },
      ],
    });
    expect(res.data._entities[0]).toBeNull();
    expect(res.data._entities[1]).toBeNull();
    expect(res.data._entities[2].id).toBe(ownHousehold.id);
    expect(res.data._entities[2].landParcels).toHaveLength(data.parcels.filter((p) => p.household_id === ownHousehold.id).length);
    expect(res.data._entities[3].inventory.flats).toBe(data.flats.filter(inCounty(DEMO_AREAS.qiaojia)).length);
    expect(res.errors?.map((e) => [e.path?.[1], e.extensions?.code]).sort()).toEqual([[0, 'FORBIDDEN'], [1, 'FORBIDDEN']]);
  });

  it('refuses a filter on another county', async () => {
    const res = await env.query(qiaojia, `{ landParcels(filter: { areaCode: "${DEMO_AREAS.suijiang}" }) { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
