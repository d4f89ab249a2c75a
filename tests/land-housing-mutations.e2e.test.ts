import { randomUUID } from 'node:crypto';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { generateLandHousingData } from '../subgraphs/land-housing/demo/generator';
import type { LandHousingData } from '../subgraphs/land-housing/demo/rows';
import { makeIdNumber } from '../platform/domain/id-number';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const SCALE = 0.005;
const { prefecture, qiaojia, wenbi, analyst } = DEMO_IDENTITIES;

const RECORD_PARCEL = `mutation ($input: RecordLandParcelInput!) { recordLandParcel(input: $input) { id ownerKind areaCode countyCode villageCode landUse areaMu household { id } } }`;
const RECORD_HOUSE = `mutation ($input: RecordOriginalHouseInput!) { recordOriginalHouse(input: $input) { id areaCode floorArea structure } }`;
const ALLOCATE = `mutation ($input: AllocateFlatInput!) { allocateFlat(input: $input) {
  id swappedArea allocatedArea areaDifference settlement allocatedOn handedOverOn occupancyStatus flat { number } household { id } } }`;
const HAND_OVER = `mutation ($input: HandOverFlatInput!) { handOverFlat(input: $input) { handedOverOn occupiedOn occupancyStatus } }`;
const CHANGE = `mutation ($input: ChangeOccupancyInput!) { changeOccupancy(input: $input) { occupancyStatus occupiedOn } }`;
const CREATE_SITE = `mutation ($input: CreateSiteInput!) { createSite(input: $input) { id name areaCode maxExtraArea } }`;
const CREATE_BUILDING = `mutation ($input: CreateBuildingInput!) { createBuilding(input: $input) { id number floors units { id number } } }`;
const CREATE_FLATS = `mutation ($input: CreateFlatsInput!) { createFlats(input: $input) { id number floor floorArea category status } }`;

describe.each(engines("conflicts: the driver's unique violations become CONFLICT"))('land & housing mutations (%s)', (engine) => {
  let env: TestEnvironment;
  let registry: DemoData;
  let data: LandHousingData;
  let household: DemoData['households'][number];
  let suijiangHousehold: DemoData['households'][number];
  let wenbiSite: LandHousingData['sites'][number];

  async function counts() {
    const res = await env.query(prefecture, '{ landParcels { totalCount } originalHouses { totalCount } resettlementSites { totalCount } flats { totalCount } allocations { totalCount } }');
    return Object.fromEntries(Object.entries(res.data).map(([k, v]) => [k, (v as { totalCount: number }).totalCount]));
  }

  /** A mutation that must fail with `code` (on `field`), writing nothing. */
  async function refused(as: typeof prefecture, mutation: string, input: Record<string, unknown>, code: string, field?: string) {
    const before = await counts();
    const res = await env.query(as, mutation, { input });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    if (code === 'BAD_USER_INPUT') expect(res.errors?.[0].message).toMatch(/[\u4e00-\u9fff].* · [A-Za-z]/);
    expect(await counts()).toEqual(before);
    return res.errors![0];
  }

  const parcel = (overrides: Record<string, unknown> = {}) => ({
    stationId: household.station_id, villageCode: household.original_area_code, householdId: household.id,
    landUse: 'ORCHARD', areaMu: 1.25, surveyedOn: '2018-05-02', ...overrides,
  });

  beforeAll(async () => {
    ({ env, data: registry } = await startPlatform(engine, SCALE, ['households', 'land-housing']));
    data = generateLandHousingData(registry, { scale: SCALE });
    household = registry.households.find((h) => h.area_code.startsWith(DEMO_AREAS.wenbi) && h.housing_mode === 'UNIFIED')!;
    suijiangHousehold = registry.households.find((h) => h.county_code === DEMO_AREAS.suijiang)!;
    wenbiSite = data.sites.find((s) => s.area_code === DEMO_AREAS.wenbi && s.relocation_type === 'URBAN')!;
  });
  afterAll(() => env?.close());

  it('records a household’s parcel and a collective parcel, and the household’s total follows', async () => {
    const total = () => env.query(qiaojia, 'query ($id: ID!) { household(id: $id) { floodedLandMu } }', { id: household.id }).then((r) => r.data.household.floodedLandMu);
    const before = await total();
    const res = await env.query(qiaojia, RECORD_PARCEL, { input: parcel() });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordLandParcel).toMatchObject({ ownerKind: 'HOUSEHOLD', areaCode: household.area_code, villageCode: household.original_area_code, areaMu: 1.25, household: { id: household.id } });
    expect(await total()).toBeCloseTo(before + 1.25, 2);
    const collective = await env.query(qiaojia, RECORD_PARCEL, { input: parcel({ householdId: null, landUse: 'FOREST', areaMu: 120.5 }) });
    expect(collective.data.recordLandParcel).toMatchObject({ ownerKind: 'COLLECTIVE', areaCode: household.original_area_code, household: null });
  });

  it.each([
    ['an unknown station', { stationId: 'SANXIA' }, 'input.stationId'],
    ['an area with three decimals', { areaMu: 1.255 }, 'input.areaMu'],
    ['a zero area', { areaMu: 0 }, 'input.areaMu'],
    ['a survey date in the future', { surveyedOn: '2999-01-01' }, 'input.surveyedOn'],
    ['a malformed village code', { villageCode: '53062210' }, 'input.villageCode'],
    ['collective homestead land', { householdId: null, landUse: 'HOMESTEAD' }, 'input.landUse'],
    ['a village in another county', { villageCode: '530626100201' }, 'input.villageCode'],
    ['a malformed household id', { householdId: 'h-42' }, 'input.householdId'],
  ])('refuses a parcel with %s: BAD_USER_INPUT naming the field, nothing written', async (_label, overrides, field) => {
    await refused(qiaojia, RECORD_PARCEL, parcel(overrides), 'BAD_USER_INPUT', field);
  });

  it('refuses a parcel, a house or an allocation for a household the registry does not know: NOT_FOUND naming the field', async () => {
    await refused(qiaojia, RECORD_PARCEL, parcel({ householdId: randomUUID() }), 'NOT_FOUND', 'input.householdId');
    await refused(qiaojia, RECORD_HOUSE, { householdId: randomUUID(), villageCode: household.original_area_code, structure: 'FRAME', floorArea: 80, surveyedOn: '2019-01-01' }, 'NOT_FOUND', 'input.householdId');
    const flat = data.flats.find((f) => f.area_code.startsWith(DEMO_AREAS.wenbi))!;
    await refused(qiaojia, ALLOCATE, { flatId: flat.id, householdId: randomUUID(), allocatedOn: '2021-03-01' }, 'NOT_FOUND', 'input.householdId');
  });

  it('lists every problem of a bad survey at once', async () => {
    const error = await refused(qiaojia, RECORD_PARCEL, parcel({ stationId: 'X', areaMu: -1, surveyedOn: '2019-02-30' }), 'BAD_USER_INPUT');
    expect(error.extensions!.problems.map((p: { field: string }) => p.field)).toEqual(['input.stationId', 'input.areaMu', 'input.surveyedOn']);
  });

  it('refuses surveys outside the jurisdiction, and any write by an analyst', async () => {
    await refused(qiaojia, RECORD_PARCEL, parcel({ householdId: suijiangHousehold.id, villageCode: suijiangHousehold.original_area_code }), 'FORBIDDEN');
    await refused(qiaojia, RECORD_PARCEL, parcel({ householdId: null, landUse: 'FOREST', villageCode: suijiangHousehold.original_area_code }), 'FORBIDDEN');
    const binjiang = registry.households.find((h) => h.area_code.startsWith(DEMO_AREAS.binjiang))!;
    await refused(wenbi, RECORD_HOUSE, { householdId: binjiang.id, villageCode: household.original_area_code, structure: 'FRAME', floorArea: 80, surveyedOn: '2019-01-01' }, 'FORBIDDEN');
    await refused(analyst, RECORD_PARCEL, parcel(), 'FORBIDDEN');
  });

  it('takes a newly registered household through survey, allocation, handover and occupancy, and shows it in one query', async () => {
    const group = `${DEMO_AREAS.wenbi}003`;
    const registered = await env.query(qiaojia, 'mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }', {
      input: {
        registryNo: '530622-BHT-990001', stationId: 'BAIHETAN', originalAreaCode: household.original_area_code, areaCode: group,
        relocationMode: 'URBANISATION', housingMode: 'UNIFIED', registeredOn: '2020-03-01', relocatedOn: '2021-06-15',
        members: [{ name: '张国华', idNumber: makeIdNumber('530622', '1975-04-09', 901), ethnicity: '彝族', relation: 'HEAD', productionMode: 'ANNUAL_COMPENSATION' }],
      },
    });
    expect(registered.errors).toBeUndefined();
    const id = registered.data.registerHousehold.id;
    // land-housing learns of the household from the registry's event, not from the caller
    await env.events.settled();
    const house = { householdId: id, villageCode: household.original_area_code, structure: 'BRICK_CONCRETE', surveyedOn: '2019-11-20' };
    const first = await env.query(qiaojia, RECORD_HOUSE, { input: { ...house, floorArea: 120 } });
    expect(first.data.recordOriginalHouse).toMatchObject({ areaCode: group, floorArea: 120 });
    const second = await env.query(qiaojia, RECORD_HOUSE, { input: { ...house, structure: 'SHED', floorArea: 30 } });
    expect(second.errors).toBeUndefined();

    const building = (await env.query(qiaojia, CREATE_BUILDING, { input: { siteId: wenbiSite.id, number: '99幢', floors: 6, units: 2 } })).data.createBuilding;
    expect(building.units.map((u: { number: string }) => u.number)).toEqual(['1单元', '2单元']);
    const flats = (await env.query(qiaojia, CREATE_FLATS, { input: { unitId: building.units[0].id, flats: [
      { floor: 1, number: '0101', floorArea: 95.5, category: 'BASIC' },
      { floor: 1, number: '0102', floorArea: 80, category: 'GUARANTEED' },
      { floor: 2, number: '0201', floorArea: 150, category: 'BASIC' },
    ] } })).data.createFlats;
    expect(flats.map((f: { status: string }) => f.status)).toEqual(['UNALLOCATED', 'UNALLOCATED', 'UNALLOCATED']);
    const [basic, guaranteed, large] = flats;
    const allocation = (flatId: string, swappedArea: number | null) => ({ flatId, householdId: id, swappedArea, allocatedOn: '2021-03-01' });

    // the site's swap rules (unified site, at most 20 m² beyond the swap)
    await refused(qiaojia, ALLOCATE, allocation(basic.id, 200), 'BAD_USER_INPUT', 'input.swappedArea'); // more than the 150 m² surveyed
    await refused(qiaojia, ALLOCATE, allocation(large.id, 100), 'BAD_USER_INPUT', 'input.swappedArea'); // 50 m² beyond the swap
    await refused(qiaojia, ALLOCATE, allocation(guaranteed.id, 60), 'BAD_USER_INPUT', 'input.swappedArea'); // guaranteed housing is not swapped
    await refused(qiaojia, ALLOCATE, allocation(basic.id, null), 'BAD_USER_INPUT', 'input.swappedArea'); // basic housing is
    await refused(qiaojia, ALLOCATE, { ...allocation(basic.id, 90), allocatedOn: '2030-01-01' }, 'BAD_USER_INPUT', 'input.allocatedOn');

    const allocated = await env.query(qiaojia, ALLOCATE, { input: allocation(basic.id, 90) });
    expect(allocated.errors).toBeUndefined();
    expect(allocated.data.allocateFlat).toMatchObject({ swappedArea: 90, allocatedArea: 95.5, areaDifference: 5.5, settlement: 'PAY_DIFFERENCE', handedOverOn: null, occupancyStatus: null, household: { id } });
    const allocationId = allocated.data.allocateFlat.id;
    await refused(qiaojia, ALLOCATE, { ...allocation(basic.id, 90), householdId: household.id }, 'CONFLICT', 'input.flatId');
    await refused(qiaojia, ALLOCATE, allocation(large.id, 70), 'BAD_USER_INPUT', 'input.swappedArea'); // only 60 m² left to swap

    await refused(qiaojia, HAND_OVER, { allocationId, handedOverOn: '2021-02-01' }, 'BAD_USER_INPUT', 'input.handedOverOn');
    await refused(qiaojia, CHANGE, { allocationId, status: 'OCCUPIED' }, 'BAD_USER_INPUT', 'input.allocationId');
    const handed = await env.query(qiaojia, HAND_OVER, { input: { allocationId, handedOverOn: '2021-06-01', status: 'OCCUPIED' } });
    expect(handed.data.handOverFlat).toEqual({ handedOverOn: '2021-06-01', occupiedOn: '2021-06-01', occupancyStatus: 'OCCUPIED' });
    await refused(qiaojia, HAND_OVER, { allocationId, handedOverOn: '2021-06-02' }, 'BAD_USER_INPUT', 'input.allocationId');
    await refused(qiaojia, CHANGE, { allocationId, status: 'OCCUPIED' }, 'BAD_USER_INPUT', 'input.status');
    const rented = await env.query(qiaojia, CHANGE, { input: { allocationId, status: 'RENTED_OUT', since: '2023-04-01' } });
    expect(rented.data.changeOccupancy).toEqual({ occupancyStatus: 'RENTED_OUT', occupiedOn: '2021-06-01' });

    const seen = await env.query(qiaojia, `query ($id: ID!) { household(id: $id) { registryNo members { name } originalFloorArea originalHouses { structure }
      allocations { settlement areaDifference occupancyStatus flat { number status building { number } site { name } } } } }`, { id });
    expect(seen.errors).toBeUndefined();
    expect(seen.data.household).toEqual({
      registryNo: '530622-BHT-990001', members: [{ name: '张国华' }], originalFloorArea: 150,
      originalHouses: [{ structure: 'BRICK_CONCRETE' }, { structure: 'SHED' }],
      allocations: [{ settlement: 'PAY_DIFFERENCE', areaDifference: 5.5, occupancyStatus: 'RENTED_OUT', flat: { number: '0101', status: 'RENTED_OUT', building: { number: '99幢' }, site: { name: wenbiSite.name } } }],
    });
  });

  it('refuses a flat outside the jurisdiction, a household outside it, and a household of another county', async () => {
    const suijiangFlat = data.flats.find((f) => f.county_code === DEMO_AREAS.suijiang)!;
    // a free guaranteed flat at Wenbi's site (the test above created one)
    const freeFlat = (await env.query(qiaojia, `query ($site: ID!) { flats(first: 1, filter: { siteId: $site, status: UNALLOCATED, category: GUARANTEED }) { nodes { id } } }`, { site: wenbiSite.id })).data.flats.nodes[0];
    expect(freeFlat).toBeDefined();
    await refused(qiaojia, ALLOCATE, { flatId: suijiangFlat.id, householdId: household.id, allocatedOn: '2021-03-01' }, 'FORBIDDEN');
    const binjiangHousehold = registry.households.find((h) => h.area_code.startsWith(DEMO_AREAS.binjiang))!;
    await refused(wenbi, ALLOCATE, { flatId: freeFlat.id, householdId: binjiangHousehold.id, allocatedOn: '2021-03-01' }, 'FORBIDDEN');
    await refused(prefecture, ALLOCATE, { flatId: freeFlat.id, householdId: suijiangHousehold.id, allocatedOn: '2021-03-01' }, 'BAD_USER_INPUT', 'input.householdId');
    await refused(qiaojia, ALLOCATE, { flatId: randomUUID(), householdId: household.id, allocatedOn: '2021-03-01' }, 'NOT_FOUND', 'input.flatId');
  });

  it('creates sites, buildings and flats, refusing bad input, duplicates and areas outside the jurisdiction', async () => {
    const site = { name: '文笔二期安置点', areaCode: DEMO_AREAS.wenbi, relocationType: 'URBAN', constructionMode: 'UNIFIED', capacity: 120, maxExtraArea: 15 };
    await refused(qiaojia, CREATE_SITE, { ...site, constructionMode: 'INFRASTRUCTURE_UNIFIED' }, 'BAD_USER_INPUT', 'input.maxExtraArea');
    await refused(qiaojia, CREATE_SITE, { ...site, areaCode: `${DEMO_AREAS.wenbi}001` }, 'BAD_USER_INPUT', 'input.areaCode');
    await refused(qiaojia, CREATE_SITE, { ...site, capacity: 0 }, 'BAD_USER_INPUT', 'input.capacity');
    await refused(qiaojia, CREATE_SITE, { ...site, areaCode: '530626100001' }, 'FORBIDDEN');
    const created = await env.query(qiaojia, CREATE_SITE, { input: site });
    expect(created.data.createSite).toMatchObject({ name: site.name, areaCode: DEMO_AREAS.wenbi, maxExtraArea: 15 });
    await refused(qiaojia, CREATE_SITE, site, 'CONFLICT', 'input.name');

    const siteId = created.data.createSite.id;
    await refused(qiaojia, CREATE_BUILDING, { siteId, number: '1幢', floors: 61, units: 1 }, 'BAD_USER_INPUT', 'input.floors');
    const building = (await env.query(qiaojia, CREATE_BUILDING, { input: { siteId, number: '1幢', floors: 3, units: 1 } })).data.createBuilding;
    await refused(qiaojia, CREATE_BUILDING, { siteId, number: '1幢', floors: 3, units: 1 }, 'CONFLICT', 'input.number');
    const unitId = building.units[0].id;
    const flat = { floor: 1, number: '0101', floorArea: 88, category: 'BASIC' };
    await refused(qiaojia, CREATE_FLATS, { unitId, flats: [{ ...flat, floor: 4 }] }, 'BAD_USER_INPUT', 'input.flats[0].floor');
    await refused(qiaojia, CREATE_FLATS, { unitId, flats: [flat, { ...flat }] }, 'BAD_USER_INPUT', 'input.flats[1].number');
    await refused(qiaojia, CREATE_FLATS, { unitId, flats: [{ ...flat, floorArea: 5 }] }, 'BAD_USER_INPUT', 'input.flats[0].floorArea');
    expect((await env.query(qiaojia, CREATE_FLATS, { input: { unitId, flats: [flat] } })).errors).toBeUndefined();
    await refused(qiaojia, CREATE_FLATS, { unitId, flats: [{ ...flat, number: '0102' }, flat] }, 'CONFLICT', 'input.flats[1].number');
    await refused(qiaojia, CREATE_FLATS, { unitId: randomUUID(), flats: [flat] }, 'NOT_FOUND', 'input.unitId');
    const suijiangUnit = data.units.find((u) => u.county_code === DEMO_AREAS.suijiang)!;
    await refused(qiaojia, CREATE_FLATS, { unitId: suijiangUnit.id, flats: [flat] }, 'FORBIDDEN');
  });
});
