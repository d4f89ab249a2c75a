import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { generateDemoData } from '../households/demo/generator';
import { createTestEnvironment, type TestEnvironment } from '../../tests/environment';
import { expectedLandHousingFigures } from './demo/figures';
import { generateLandHousingData } from './demo/generator';

const SCALE = 0.005;

/** The land-housing subgraph on its own (queried directly with a gateway-signed identity). */
describe('land-housing subgraph', () => {
  let env: TestEnvironment;
  const registry = generateDemoData({ scale: SCALE });
  const data = generateLandHousingData(registry, { scale: SCALE });
  const { prefecture, analyst } = DEMO_IDENTITIES;
  const ask = (query: string, variables?: Record<string, unknown>, as = prefecture) => env.querySubgraphAs('land-housing', as, query, variables);
  const hundredths = (xs: (string | null)[]) => xs.reduce((a, x) => a + Math.round(Number(x ?? 0) * 100), 0) / 100;

  beforeAll(async () => {
    env = await createTestEnvironment({ engine: 'pglite', scale: SCALE, subgraphs: ['land-housing'] });
  });
  afterAll(() => env?.close());

  it('walks every parcel page by page with no gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res: any = await ask('query ($after: String) { landParcels(first: 200, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }', { after });
      expect(res.data.landParcels.totalCount).toBe(data.parcels.length);
      seen.push(...res.data.landParcels.nodes.map((n: { id: string }) => n.id));
      if (!res.data.landParcels.pageInfo.hasNextPage) break;
      after = res.data.landParcels.pageInfo.endCursor;
    }
    expect(seen).toEqual(data.parcels.map((p) => p.id).sort());
  });

  it.each([
    ['a page size of 0', 'landParcels(first: 0)', 'first'],
    ['a forged cursor', 'originalHouses(after: "bm9wZQ")', 'after'],
    ['a malformed area code', 'flats(filter: { areaCode: "53" })', 'filter.areaCode'],
    ['a malformed village code', 'landParcels(filter: { villageCode: "5306x" })', 'filter.villageCode'],
    ['an unknown station', 'landParcels(filter: { stationId: "SANXIA" })', 'filter.stationId'],
    ['a malformed site id', 'allocations(filter: { siteId: "7" })', 'filter.siteId'],
    ['a malformed id', 'resettlementSite(id: "42")', 'id'],
  ])('answers %s with BAD_USER_INPUT naming the argument', async (_label, field, name) => {
    const res = await ask(`{ x: ${field} { __typename } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
  });

  it('filters parcels, flats and allocations', async () => {
    const village = data.parcels.find((p) => p.owner_kind === 'COLLECTIVE')!.village_code;
    const res = await ask(`query ($village: String!) {
      cultivated: landParcels(filter: { landUse: CULTIVATED }) { totalCount }
      collective: landParcels(filter: { ownerKind: COLLECTIVE, villageCode: $village }) { totalCount }
      sheds: originalHouses(filter: { structure: SHED }) { totalCount }
      unallocated: flats(filter: { status: UNALLOCATED }) { totalCount }
      guaranteed: flats(filter: { category: GUARANTEED }) { totalCount }
      rented: allocations(filter: { occupancyStatus: RENTED_OUT }) { totalCount }
      rural: resettlementSites(filter: { relocationType: CENTRALISED_RURAL }) { totalCount }
    }`, { village });
    expect(res.errors).toBeUndefined();
    const allocated = new Set(data.allocations.map((a) => a.flat_id));
    expect(res.data).toEqual({
      cultivated: { totalCount: data.parcels.filter((p) => p.land_use === 'CULTIVATED').length },
      collective: { totalCount: data.parcels.filter((p) => p.owner_kind === 'COLLECTIVE' && p.village_code === village).length },
      sheds: { totalCount: data.houses.filter((h) => h.structure === 'SHED').length },
      unallocated: { totalCount: data.flats.filter((f) => !allocated.has(f.id)).length },
      guaranteed: { totalCount: data.flats.filter((f) => f.category === 'GUARANTEED').length },
      rented: { totalCount: data.allocations.filter((a) => a.occupancy_status === 'RENTED_OUT').length },
      rural: { totalCount: data.sites.filter((s) => s.relocation_type === 'CENTRALISED_RURAL').length },
    });
    expect(res.data.unallocated.totalCount).toBeGreaterThan(0);
  });

  it('adds land, houses, allocations and totals to households (_entities)', async () => {
    const households = registry.households.slice(0, 30);
    const res = await ask(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Household {
      id floodedLandMu originalFloorArea landParcels { id areaMu } originalHouses { floorArea } allocations { allocatedArea flat { floorArea } } } } }`,
    { r: households.map((h) => ({ __typename: 'Household', id: h.id })) });
    expect(res.errors).toBeUndefined();
    for (const [i, h] of households.entries()) {
      const got = res.data._entities[i];
      const parcels = data.parcels.filter((p) => p.household_id === h.id);
      const houses = data.houses.filter((o) => o.household_id === h.id);
      expect(got.id).toBe(h.id);
      expect(got.landParcels.map((p: { id: string }) => p.id).sort()).toEqual(parcels.map((p) => p.id).sort());
      expect(got.floodedLandMu).toBe(hundredths(parcels.map((p) => p.area_mu)));
      expect(got.originalFloorArea).toBe(hundredths(houses.map((o) => o.floor_area)));
      expect(got.allocations).toHaveLength(data.allocations.filter((a) => a.household_id === h.id).length);
      for (const a of got.allocations) expect(a.flat.floorArea).toBe(a.allocatedArea);
    }
  });

  it('totals an area and everything below it in SQL', async () => {
    const res = await ask(`{ _entities(representations: [{ __typename: "AdminArea", code: "530600" }]) { ... on AdminArea {
      inventory { floodedLandMu householdLandMu collectiveLandMu landByUse { landUse parcels mu } originalHouses originalFloorArea
        sites buildings units flats flatsByStatus { status flats } } } } }`);
    expect(res.errors).toBeUndefined();
    const inv = res.data._entities[0].inventory;
    const figures = expectedLandHousingFigures(SCALE);
    expect(inv.floodedLandMu).toBe(figures.prefecture.floodedLandMu);
    expect(inv.originalFloorArea).toBe(figures.prefecture.originalFloorArea);
    expect(inv.householdLandMu + inv.collectiveLandMu).toBeCloseTo(inv.floodedLandMu, 2);
    expect(inv.landByUse.map((u: { parcels: number }) => u.parcels).reduce((a: number, b: number) => a + b)).toBe(data.parcels.length);
    expect({ houses: inv.originalHouses, sites: inv.sites, buildings: inv.buildings, units: inv.units, flats: inv.flats }).toEqual({
      houses: data.houses.length, sites: data.sites.length, buildings: data.buildings.length, units: data.units.length, flats: data.flats.length,
    });
    const occupied = inv.flatsByStatus.find((s: { status: string }) => s.status === 'OCCUPIED').flats;
    expect(occupied).toBe(data.allocations.filter((a) => a.occupancy_status === 'OCCUPIED').length);
  });

  it('walks a site down to its flats, their allocations and households', async () => {
    const site = data.sites[0];
    const res = await ask(`query ($id: ID!) { resettlementSite(id: $id) { name area { code } buildings { number units { number flats { number status
      allocation { household { id } } site { id } } } } } }`, { id: site.id });
    expect(res.errors).toBeUndefined();
    const flats = res.data.resettlementSite.buildings.flatMap((b: any) => b.units.flatMap((u: any) => u.flats));
    expect(res.data.resettlementSite.area).toEqual({ code: site.area_code });
    expect(flats).toHaveLength(data.flats.filter((f) => f.site_id === site.id).length);
    expect(flats.every((f: any) => f.site.id === site.id)).toBe(true);
    const households = flats.filter((f: any) => f.allocation).map((f: any) => f.allocation.household.id).sort();
    expect(households).toEqual(data.allocations.filter((a) => data.flats.find((f) => f.id === a.flat_id)!.site_id === site.id).map((a) => a.household_id).sort());
  });

  it('masks flat numbers for analysts and reports each full read', async () => {
    const flat = data.flats[0];
    const officer = await ask('query ($id: ID!) { flat(id: $id) { number } }', { id: flat.id });
    expect(officer.data.flat.number).toBe(flat.number);
    expect(officer.extensions?.fullReads).toEqual([{ type: 'Flat', id: flat.id, areaCode: flat.area_code, fields: ['number'] }]);
    const masked = await ask('query ($id: ID!) { flat(id: $id) { number floor } }', { id: flat.id }, analyst);
    expect(masked.data.flat).toEqual({ number: '****', floor: flat.floor });
    expect(masked.extensions?.fullReads).toBeUndefined();
  });

  it('publishes its federated SDL with the entity keys it extends', async () => {
    const res = await ask('{ _service { sdl } }');
    expect(res.data._service.sdl).toMatch(/type Household\s+@key\(fields: "id"\)/);
    expect(res.data._service.sdl).toMatch(/type AdminArea\s+@key\(fields: "code"\)/);
  });
});
