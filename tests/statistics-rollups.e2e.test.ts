import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { csvText, householdRow, memberRows, HOUSEHOLDS_SHEET, PERSONS_SHEET } from './import-files';
import { newHouseholdInput, REGISTER_HOUSEHOLD } from './support/registration';
import { createTestEnvironment, engines, type TestEnvironment } from './environment';

const { prefecture, qiaojia } = DEMO_IDENTITIES;
const SCALE = 0.005;

const IMPORT = `mutation ($input: ImportFileInput!) { importRegistryFile(input: $input) { status inserted } }`;
const MOVE = `mutation ($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }`;
const REMOVE = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { status } }`;
const PERSONS = `query ($groupBy: [PersonDimension!]!) { personStatistics(groupBy: $groupBy) {
  rows { county { code } relocationMode relocationYear persons households } total { persons households } } }`;
const PROFILE = `query ($groupBy: [PersonDimension!]!, $filter: PersonStatisticsFilter) { personStatistics(groupBy: $groupBy, filter: $filter) {
  rows { county { code } community { code } sex ageBand ethnicity vulnerable persons households } total { persons households } } }`;
const HOUSEHOLDS = `query ($groupBy: [HouseholdDimension!]!) { householdStatistics(groupBy: $groupBy) {
  rows { county { code } housingMode station households persons } total { households persons } } }`;

/**
 * The statistics rollups (`platform/statistics/rollups.ts`) stay exact: after every kind of
 * write — registration, a sheet import, member removal, a move, updates and deletes outside
 * the API, concurrent registrations, a rolled-back transaction — the rollup rows equal a recount
 * of the registry by independent SQL, and the tables the gateway answers from them equal the
 * same tables counted over the persons and households themselves.
 */
describe.each(engines('the rollups kept by writes from several connections'))('statistics rollups (%s)', (engine) => {
  let env: TestEnvironment;
  let schema: string;
  let data: DemoData;
  let wenbiGroup: string;
  let serial = 700;
  const owner = (sql: string, params: unknown[] = []) => env.subgraphs.households.dataSource.query(sql.replace(/\{s\}/g, `"${schema}"`), params);

  const PERSON_COUNT = `SELECT p.area_code, h.station_id, h.relocation_mode, EXTRACT(YEAR FROM h.relocated_on)::int AS relocation_year,
      count(*)::int AS persons, count(DISTINCT h.id)::int AS households
    FROM {s}.person p JOIN {s}.household h ON h.id = p.household_id WHERE p.status = 'ACTIVE' GROUP BY 1, 2, 3, 4`;
  const HOUSEHOLD_COUNT = `SELECT h.area_code, h.station_id, h.relocation_mode, EXTRACT(YEAR FROM h.relocated_on)::int AS relocation_year, h.housing_mode, h.status,
      count(*)::int AS households, (SELECT count(*) FROM {s}.person p WHERE p.household_id = ANY (array_agg(h.id)) AND p.status = 'ACTIVE')::int AS persons
    FROM {s}.household h GROUP BY 1, 2, 3, 4, 5, 6`;
  const ORDER = (n: number) => ` ORDER BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`;
  const AGE = `date_part('year', age(CURRENT_DATE, p.birth_date))`;
  const BAND = `CASE WHEN ${AGE} < 16 THEN 'AGE_0_15' WHEN ${AGE} < 60 THEN 'AGE_16_59' ELSE 'AGE_60_PLUS' END`;
  const PROFILE_KEYS = 'area_code, station_id, relocation_mode, relocation_year, sex, age_band, ethnicity, production_mode, left_behind_elderly, left_behind_child, disabled, minimum_living_allowance';
  const PROFILE_COUNT = `SELECT p.area_code, h.station_id, h.relocation_mode, EXTRACT(YEAR FROM h.relocated_on)::int AS relocation_year, p.sex, ${BAND} AS age_band,
      p.ethnicity, p.production_mode, p.left_behind_elderly, p.left_behind_child, p.disabled, p.minimum_living_allowance,
      count(*)::int AS persons, count(DISTINCT p.household_id)::int AS households
    FROM {s}.person p JOIN {s}.household h ON h.id = p.household_id WHERE p.status = 'ACTIVE' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`;

  /** Rollup rows against a recount of the registry. */
  async function expectRollupsExact(): Promise<void> {
    expect(await owner(`SELECT area_code, station_id, relocation_mode, relocation_year, persons, households FROM {s}.person_rollup${ORDER(4)}`)).toEqual(await owner(PERSON_COUNT + ORDER(4)));
    expect(await owner(`SELECT area_code, station_id, relocation_mode, relocation_year, housing_mode, status, households, persons FROM {s}.household_rollup${ORDER(6)}`))
      .toEqual(await owner(HOUSEHOLD_COUNT + ORDER(6)));
    // the profile rollup: persons and each row's households, as of today
    expect(await owner(`SELECT ${PROFILE_KEYS}, persons, bit_count(households)::int AS households FROM {s}.person_profile_rollup${ORDER(12)}`)).toEqual(await owner(PROFILE_COUNT + ORDER(12)));
    expect(await owner(`SELECT area_code, station_id, relocation_mode, relocation_year, sex, age_band, persons, bit_count(households)::int AS households FROM {s}.person_age_rollup${ORDER(6)}`)).toEqual(
      await owner(`SELECT p.area_code, h.station_id, h.relocation_mode, EXTRACT(YEAR FROM h.relocated_on)::int AS relocation_year, p.sex, ${BAND} AS age_band,
          count(*)::int AS persons, count(DISTINCT p.household_id)::int AS households
        FROM {s}.person p JOIN {s}.household h ON h.id = p.household_id WHERE p.status = 'ACTIVE' GROUP BY 1, 2, 3, 4, 5, 6${ORDER(6)}`));
    expect(await owner(`SELECT as_of = CURRENT_DATE AS today FROM {s}.rollup_as_of`)).toEqual([{ today: true }]);
    // a household's bit is the same in every row of its area: an area's rows together count its households
    expect(await owner(`SELECT area_code, bit_count(bit_or(households))::int AS households FROM {s}.person_profile_rollup GROUP BY 1${ORDER(1)}`)).toEqual(
      await owner(`SELECT p.area_code, count(DISTINCT p.household_id)::int AS households FROM {s}.person p WHERE p.status = 'ACTIVE' GROUP BY 1${ORDER(1)}`),
    );
  }

  /** Person tables by person-level dimensions, through the gateway, against the same tables counted over the registry. */
  async function expectProfileTablesExact(): Promise<void> {
    const bySexAge = await env.query(prefecture, PROFILE, { groupBy: ['COUNTY', 'SEX', 'AGE_BAND'] });
    expect(bySexAge.errors).toBeUndefined();
    const counted = await owner(`SELECT substr(p.area_code, 1, 6) AS county, p.sex, ${BAND} AS band, count(*)::int AS persons, count(DISTINCT p.household_id)::int AS households
      FROM {s}.person p WHERE p.status = 'ACTIVE' GROUP BY 1, 2, 3${ORDER(3)}`);
    expect(bySexAge.data.personStatistics.rows).toEqual(counted.map((r: any) => ({ county: { code: r.county }, community: null, sex: r.sex, ageBand: r.band, ethnicity: null, vulnerable: null, persons: r.persons, households: r.households })));
    const [total] = await owner(`SELECT count(*)::int AS persons, count(DISTINCT household_id)::int AS households FROM {s}.person WHERE status = 'ACTIVE'`);
    expect(bySexAge.data.personStatistics.total).toEqual(total);

    const byEthnicityAge = await env.query(prefecture, PROFILE, { groupBy: ['ETHNICITY', 'AGE_BAND'], filter: { sex: 'FEMALE' } });
    expect(byEthnicityAge.errors).toBeUndefined();
    const women = await owner(`SELECT p.ethnicity, ${BAND} AS band, count(*)::int AS persons, count(DISTINCT p.household_id)::int AS households
      FROM {s}.person p WHERE p.status = 'ACTIVE' AND p.sex = 'FEMALE' GROUP BY 1, 2${ORDER(2)}`);
    expect(byEthnicityAge.data.personStatistics.rows).toEqual(women.map((r: any) => ({ county: null, community: null, sex: null, ageBand: r.band, ethnicity: r.ethnicity, vulnerable: null, persons: r.persons, households: r.households })));

    const byEthnicity = await env.query(prefecture, PROFILE, { groupBy: ['COMMUNITY', 'ETHNICITY', 'VULNERABLE'], filter: { vulnerability: 'DISABLED' } });
    expect(byEthnicity.errors).toBeUndefined();
    const disabled = await owner(`SELECT substr(p.area_code, 1, 12) AS community, p.ethnicity, (p.left_behind_elderly OR p.left_behind_child OR p.disabled OR p.minimum_living_allowance) AS vulnerable,
        count(*)::int AS persons, count(DISTINCT p.household_id)::int AS households
      FROM {s}.person p WHERE p.status = 'ACTIVE' AND p.disabled GROUP BY 1, 2, 3${ORDER(3)}`);
    expect(byEthnicity.data.personStatistics.rows.map((r: any) => ({ ...r, county: undefined, community: r.community.code })))
      .toEqual(disabled.map((r: any) => ({ county: undefined, community: r.community, sex: null, ageBand: null, ethnicity: r.ethnicity, vulnerable: r.vulnerable, persons: r.persons, households: r.households })));
  }

  /** The rollups exact, and the gateway's tables equal to the same tables counted over the registry. */
  async function expectExact(): Promise<void> {
    await expectRollupsExact();

    const persons = await env.query(prefecture, PERSONS, { groupBy: ['COUNTY', 'RELOCATION_MODE', 'RELOCATION_YEAR'] });
    expect(persons.errors).toBeUndefined();
    const counted = await owner(`SELECT substr(p.area_code, 1, 6) AS county, h.relocation_mode AS mode, EXTRACT(YEAR FROM h.relocated_on)::int AS year,
        count(*)::int AS persons, count(DISTINCT h.id)::int AS households
      FROM {s}.person p JOIN {s}.household h ON h.id = p.household_id WHERE p.status = 'ACTIVE' GROUP BY 1, 2, 3${ORDER(3)}`);
    expect(persons.data.personStatistics.rows).toEqual(counted.map((r: any) => ({ county: { code: r.county }, relocationMode: r.mode, relocationYear: r.year, persons: r.persons, households: r.households })));
    const [total] = await owner(`SELECT count(*)::int AS persons, count(DISTINCT household_id)::int AS households FROM {s}.person WHERE status = 'ACTIVE'`);
    expect(persons.data.personStatistics.total).toEqual(total);

    const households = await env.query(prefecture, HOUSEHOLDS, { groupBy: ['COUNTY', 'HOUSING_MODE', 'STATION'] });
    expect(households.errors).toBeUndefined();
    const byHousing = await owner(`SELECT substr(h.area_code, 1, 6) AS county, h.housing_mode, h.station_id, count(DISTINCT h.id)::int AS households, count(p.id)::int AS persons
      FROM {s}.household h LEFT JOIN {s}.person p ON p.household_id = h.id AND p.status = 'ACTIVE' WHERE h.status <> 'CANCELLED' GROUP BY 1, 2, 3${ORDER(3)}`);
    expect(households.data.householdStatistics.rows).toEqual(byHousing.map((r: any) => ({ county: { code: r.county }, housingMode: r.housing_mode, station: r.station_id, households: r.households, persons: r.persons })));
    await expectProfileTablesExact();
  }

  async function register(): Promise<string> {
    const input = newHouseholdInput(data, `RU-${serial}`, serial, ['汇总甲', '汇总乙']);
    serial += 2;
    const res = await env.query(qiaojia, REGISTER_HOUSEHOLD, { input });
    expect(res.errors).toBeUndefined();
    return res.data.registerHousehold.id;
  }

  beforeAll(async () => {
    data = generateDemoData({ scale: SCALE });
    env = await createTestEnvironment({ engine, scale: SCALE, subgraphs: ['households'] });
    schema = (env.subgraphs.households.dataSource.options as { schema: string }).schema;
    wenbiGroup = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.wenbi))!.code;
  });
  afterAll(() => env?.close());

  it('are filled once after the demo load, hundreds of rows for the whole prefecture', async () => {
    const [{ rows }] = await owner(`SELECT count(*)::int AS rows FROM {s}.person_rollup`);
    const [{ persons }] = await owner(`SELECT count(*)::int AS persons FROM {s}.person WHERE status = 'ACTIVE'`);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(persons);
    await expectExact();
  });

  it('count registrations, one at a time and several at once', async () => {
    await register();
    await expectExact();
    await Promise.all([register(), register(), register()]);
    await expectExact();
  });

  it('count a sheet import of households and their members', async () => {
    const village = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia)!.original_area_code;
    const upload = async (sheet: string, content: string) => {
      const res = await env.query(qiaojia, IMPORT, { input: { sheet, fileName: 'x.csv', contentBase64: Buffer.from(content).toString('base64'), commit: true, wait: true } });
      expect(res.errors).toBeUndefined();
      return res.data.importRegistryFile;
    };
    const numbers = ['530622-RU-000001', '530622-RU-000002'];
    expect(await upload('HOUSEHOLDS', csvText(HOUSEHOLDS_SHEET, numbers.map((no) => householdRow(no, wenbiGroup, village))))).toMatchObject({ status: 'COMMITTED', inserted: 2 });
    expect(await upload('PERSONS', csvText(PERSONS_SHEET, numbers.flatMap((no) => memberRows(no))))).toMatchObject({ status: 'COMMITTED', inserted: 6 });
    await expectExact();
  });

  it('count a member removed and a household moved to another county', async () => {
    const id = await register();
    const [spouse] = await owner(`SELECT id FROM {s}.person WHERE household_id = $1 AND relation = 'SPOUSE'`, [id]);
    expect((await env.query(qiaojia, REMOVE, { input: { personId: spouse.id, reason: 'MARRIED_OUT', removedOn: '2024-05-01' } })).errors).toBeUndefined();
    await expectExact();
    const target = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.suijiang))!.code;
    const moved = await env.query(prefecture, MOVE, { input: { householdId: id, areaCode: target, reason: 'RESETTLEMENT_ADJUSTED', movedOn: '2024-06-01' } });
    expect(moved.errors).toBeUndefined();
    const [after] = await owner(`SELECT persons FROM {s}.person_rollup WHERE area_code = $1 AND relocation_mode = 'URBANISATION' AND station_id = 'BAIHETAN' AND relocation_year IS NULL`, [target]);
    expect(after.persons).toBeGreaterThanOrEqual(1);
    await expectExact();
  });

  it('count updates and deletes made outside the API, and nothing of a rolled-back transaction', async () => {
    await owner(`UPDATE {s}.household SET relocation_mode = 'SCATTERED', relocated_on = DATE '2019-09-09'
      WHERE id IN (SELECT id FROM {s}.household WHERE relocation_mode <> 'SCATTERED' ORDER BY registry_no LIMIT 7)`);
    await owner(`UPDATE {s}.household SET status = 'CANCELLED' WHERE id IN (SELECT id FROM {s}.household WHERE status <> 'CANCELLED' ORDER BY registry_no DESC LIMIT 3)`);
    await owner(`UPDATE {s}.person SET status = 'REMOVED', removal_reason = 'DECEASED' WHERE id IN (SELECT id FROM {s}.person WHERE relation = 'CHILD' AND status = 'ACTIVE' ORDER BY id LIMIT 11)`);
    await owner(`DELETE FROM {s}.person WHERE id IN (SELECT p.id FROM {s}.person p WHERE p.relation = 'GRANDCHILD' ORDER BY p.id LIMIT 5)`);
    await expectExact();
    // a member written into another group than its household's (outside the API): both groups recounted
    const [member] = await owner(`SELECT p.id, p.area_code FROM {s}.person p WHERE p.status = 'ACTIVE' AND p.relation = 'SPOUSE' ORDER BY p.id LIMIT 1`);
    const other = data.areas.find((a) => a.level === 'GROUP' && a.code !== member.area_code)!.code;
    await owner(`UPDATE {s}.person SET area_code = $2 WHERE id = $1`, [member.id, other]);
    await expectRollupsExact();
    await owner(`UPDATE {s}.person SET area_code = $2 WHERE id = $1`, [member.id, member.area_code]);
    await expectExact();

    const before = await owner(`SELECT * FROM {s}.person_rollup${ORDER(4)}`);
    const runner = env.subgraphs.households.dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`UPDATE "${schema}".person SET status = 'REMOVED' WHERE area_code = $1`, [wenbiGroup]);
    await runner.query(`SET CONSTRAINTS ALL IMMEDIATE`); // the recount runs inside the transaction, then is rolled back with it
    await runner.rollbackTransaction();
    await runner.release();
    expect(await owner(`SELECT * FROM {s}.person_rollup${ORDER(4)}`)).toEqual(before);
    await expectExact();
  });

  it('keep age bands exact across days: a rollup of an earlier date is not read by age, and the next write recounts the areas whose bands changed', async () => {
    // the rollups as if last counted three years ago (every area recounted as of then)
    await owner(`UPDATE {s}.rollup_as_of SET as_of = CURRENT_DATE - 3 * 365`);
    await owner(`SELECT {s}.refresh_rollups(ARRAY(SELECT DISTINCT area_code::text FROM {s}.person))`);
    const [{ stale }] = await owner(`SELECT count(*)::int AS stale FROM (${PROFILE_COUNT} EXCEPT SELECT ${PROFILE_KEYS}, persons, bit_count(households)::int FROM {s}.person_profile_rollup) x`);
    expect(stale).toBeGreaterThan(0); // some persons have changed band since
    await expectProfileTablesExact(); // counted over the persons, in the same statement
    await register(); // the first write of the day
    await expectExact();
  });
});

const LAND = `{ landStatistics(groupBy: [COUNTY, LAND_USE, OWNER]) { rows { county { code } landUse owner parcels floodedLandMu households } total { parcels floodedLandMu households } } }`;
const HOUSES = `{ houseStatistics(groupBy: [COMMUNITY, STRUCTURE]) { rows { community { code } structure houses originalFloorArea households } total { houses households } } }`;
const FLAT_TABLE = `{ flatStatistics(groupBy: [COUNTY, FLAT_STATUS]) { rows { county { code } flatStatus flats floorArea households } total { flats households } } }`;
const FLAT_STATUS = `CASE WHEN a.id IS NULL THEN 'UNALLOCATED' WHEN a.handed_over_on IS NULL THEN 'AWAITING_HANDOVER' ELSE a.occupancy_status END`;
const LABOUR = `{ labourStatistics(groupBy: [COUNTY, AGE_BAND, LABOUR_STATUS], year: 2023) { rows { county { code } ageBand labourStatus persons workingAge employed unemployed } total { persons workingAge employed } } }`;
const INCOME = `{ incomeStatistics(groupBy: [COUNTY, YEAR]) { rows { county { code } year households members meanPerCapitaNetIncome } total { households members } } }`;

/**
 * The land, house, flat, labour and income rollups stay exact the same way: after inserts in bulk,
 * updates, a household's land moved to another group, deletes and a rolled-back transaction
 * (all outside the API, on the owner's connection, as an import or an administrator writes),
 * the rollups equal a recount by independent SQL and the gateway's tables equal the same tables
 * counted over the rows themselves.
 */
describe.each(engines('the rollups of the other subgraphs kept by writes outside the API'))('statistics rollups of land, houses, flats, labour and income (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  const sql = (subgraph: 'land-housing' | 'employment', text: string, params: unknown[] = []) => {
    const source = env.subgraphs[subgraph].dataSource;
    return source.query(text.replace(/\{s\}/g, `"${(source.options as { schema: string }).schema}"`), params);
  };
  const land = (text: string, params?: unknown[]) => sql('land-housing', text, params);
  const labour = (text: string, params?: unknown[]) => sql('employment', text, params);
  const ORDER = (n: number) => ` ORDER BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`;
  const AGE = `date_part('year', age(DATE '2023-12-31', x.birth_date))`;
  const BAND = `CASE WHEN ${AGE} < 16 THEN 'AGE_0_15' WHEN ${AGE} < 60 THEN 'AGE_16_59' ELSE 'AGE_60_PLUS' END`;

  async function expectRollupsExact(): Promise<void> {
    expect(await land(`SELECT area_code, station_id, land_use, owner_kind, parcels, area_mu::text, coalesce(bit_count(households), 0)::int AS households FROM {s}.land_rollup${ORDER(4)}`)).toEqual(
      await land(`SELECT area_code, station_id, land_use, owner_kind, count(*)::int AS parcels, sum(area_mu)::text AS area_mu, count(DISTINCT household_id)::int AS households
        FROM {s}.land_parcel GROUP BY 1, 2, 3, 4${ORDER(4)}`));
    expect(await land(`SELECT area_code, coalesce(bit_count(bit_or(households)), 0)::int AS households FROM {s}.land_rollup GROUP BY 1${ORDER(1)}`)).toEqual(
      await land(`SELECT area_code, count(DISTINCT household_id)::int AS households FROM {s}.land_parcel GROUP BY 1${ORDER(1)}`));
    expect(await land(`SELECT area_code, structure, houses, floor_area::text, bit_count(households)::int AS households FROM {s}.house_rollup${ORDER(2)}`)).toEqual(
      await land(`SELECT area_code, structure, count(*)::int AS houses, sum(floor_area)::text AS floor_area, count(DISTINCT household_id)::int AS households FROM {s}.original_house GROUP BY 1, 2${ORDER(2)}`));
    const FLATS = `SELECT coalesce(a.area_code, f.area_code) AS area_code, f.area_code AS flat_area_code, ${FLAT_STATUS} AS flat_status, f.floor_area, a.household_id
      FROM {s}.flat f LEFT JOIN {s}.allocation a ON a.flat_id = f.id`;
    expect(await land(`SELECT area_code, flat_area_code, flat_status, flats, floor_area::text, coalesce(bit_count(households), 0)::int AS households FROM {s}.flat_rollup${ORDER(3)}`)).toEqual(
      await land(`SELECT area_code, flat_area_code, flat_status, count(*)::int AS flats, sum(floor_area)::text AS floor_area, count(DISTINCT household_id)::int AS households
        FROM (${FLATS}) x GROUP BY 1, 2, 3${ORDER(3)}`));
    expect(await land(`SELECT area_code, coalesce(bit_count(bit_or(households)), 0)::int AS households FROM {s}.flat_rollup GROUP BY 1${ORDER(1)}`)).toEqual(
      await land(`SELECT area_code, count(DISTINCT household_id)::int AS households FROM (${FLATS}) x GROUP BY 1${ORDER(1)}`));
    expect(await labour(`SELECT area_code, birth_year, status, persons FROM {s}.labour_rollup${ORDER(3)}`)).toEqual(
      await labour(`SELECT area_code, EXTRACT(YEAR FROM birth_date)::int AS birth_year, status, count(*)::int AS persons FROM {s}.labour_status GROUP BY 1, 2, 3${ORDER(3)}`));
    expect(await labour(`SELECT area_code, year, households, members::int, net_income::int FROM {s}.income_rollup${ORDER(2)}`)).toEqual(
      await labour(`SELECT area_code, year, count(*)::int AS households, sum(household_size)::int AS members, sum(net_income)::int AS net_income FROM {s}.income_survey GROUP BY 1, 2${ORDER(2)}`));
  }

  async function expectExact(): Promise<void> {
    await expectRollupsExact();
    const answer = async (query: string) => {
      const res = await env.query(prefecture, query);
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const num = (v: unknown) => Math.round(Number(v) * 100) / 100;

    const { landStatistics } = await answer(LAND);
    const parcels = await land(`SELECT substr(area_code, 1, 6) AS county, land_use, owner_kind, count(*)::int AS parcels, sum(area_mu) AS mu, count(DISTINCT household_id)::int AS households
      FROM {s}.land_parcel GROUP BY 1, 2, 3${ORDER(3)}`);
    expect(landStatistics.rows).toEqual(parcels.map((r: any) => ({ county: { code: r.county }, landUse: r.land_use, owner: r.owner_kind, parcels: r.parcels, floodedLandMu: num(r.mu), households: r.households })));
    const [landTotal] = await land(`SELECT count(*)::int AS parcels, sum(area_mu) AS mu, count(DISTINCT household_id)::int AS households FROM {s}.land_parcel`);
    expect(landStatistics.total).toEqual({ parcels: landTotal.parcels, floodedLandMu: num(landTotal.mu), households: landTotal.households });

    const { houseStatistics } = await answer(HOUSES);
    const houses = await land(`SELECT substr(area_code, 1, 12) AS community, structure, count(*)::int AS houses, sum(floor_area) AS area, count(DISTINCT household_id)::int AS households
      FROM {s}.original_house GROUP BY 1, 2${ORDER(2)}`);
    expect(houseStatistics.rows).toEqual(houses.map((r: any) => ({ community: { code: r.community }, structure: r.structure, houses: r.houses, originalFloorArea: num(r.area), households: r.households })));
    const [houseTotal] = await land(`SELECT count(*)::int AS houses, count(DISTINCT household_id)::int AS households FROM {s}.original_house`);
    expect(houseStatistics.total).toEqual(houseTotal);

    const { flatStatistics } = await answer(FLAT_TABLE);
    const flats = await land(`SELECT substr(f.area_code, 1, 6) AS county, ${FLAT_STATUS} AS status, count(*)::int AS flats, sum(f.floor_area) AS area, count(DISTINCT a.household_id)::int AS households
      FROM {s}.flat f LEFT JOIN {s}.allocation a ON a.flat_id = f.id GROUP BY 1, 2${ORDER(2)}`);
    expect(flatStatistics.rows).toEqual(flats.map((r: any) => ({ county: { code: r.county }, flatStatus: r.status, flats: r.flats, floorArea: num(r.area), households: r.households })));
    const [flatTotal] = await land(`SELECT count(*)::int AS flats, count(DISTINCT a.household_id)::int AS households FROM {s}.flat f LEFT JOIN {s}.allocation a ON a.flat_id = f.id`);
    expect(flatStatistics.total).toEqual(flatTotal);

    const { labourStatistics } = await answer(LABOUR);
    const working = `${AGE} BETWEEN 16 AND 60`;
    const statuses = await labour(`SELECT substr(x.area_code, 1, 6) AS county, ${BAND} AS band, x.status, count(*)::int AS persons, count(*) FILTER (WHERE ${working})::int AS working,
        count(*) FILTER (WHERE ${working} AND x.status = 'EMPLOYED')::int AS employed, count(*) FILTER (WHERE ${working} AND x.status = 'UNEMPLOYED_SEEKING')::int AS unemployed
      FROM {s}.labour_status x GROUP BY 1, 2, 3${ORDER(3)}`);
    expect(labourStatistics.rows).toEqual(statuses.map((r: any) => ({ county: { code: r.county }, ageBand: r.band, labourStatus: r.status, persons: r.persons, workingAge: r.working, employed: r.employed, unemployed: r.unemployed })));

    const { incomeStatistics } = await answer(INCOME);
    const surveys = await labour(`SELECT substr(area_code, 1, 6) AS county, year, count(*)::int AS households, sum(household_size)::int AS members, sum(net_income)::float / sum(household_size) AS mean
      FROM {s}.income_survey GROUP BY 1, 2${ORDER(2)}`);
    expect(incomeStatistics.rows).toEqual(surveys.map((r: any) => ({ county: { code: r.county }, year: r.year, households: r.households, members: r.members, meanPerCapitaNetIncome: num(r.mean) })));
  }

  beforeAll(async () => {
    data = generateDemoData({ scale: SCALE });
    env = await createTestEnvironment({ engine, scale: SCALE, subgraphs: ['households', 'land-housing', 'employment'] });
  });
  afterAll(() => env?.close());

  it('are filled once after the demo load', async () => {
    const [{ rows }] = await land(`SELECT count(*)::int AS rows FROM {s}.land_rollup`);
    const [{ parcels }] = await land(`SELECT count(*)::int AS parcels FROM {s}.land_parcel`);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(parcels);
    await expectExact();
  });

  it('count rows inserted in bulk, updated, moved to another group and deleted', async () => {
    await land(`INSERT INTO {s}.land_parcel (id, station_id, owner_kind, household_id, area_code, county_code, village_code, land_use, area_mu, surveyed_on, parcel_no)
      SELECT gen_random_uuid(), station_id, owner_kind, household_id, area_code, county_code, village_code, 'ORCHARD', area_mu + 0.25, surveyed_on, parcel_no || 'R'
        FROM {s}.land_parcel ORDER BY id LIMIT 25`);
    await land(`UPDATE {s}.land_parcel SET land_use = 'FOREST' WHERE id IN (SELECT id FROM {s}.land_parcel ORDER BY id DESC LIMIT 9)`);
    await land(`UPDATE {s}.original_house SET structure = 'SHED', floor_area = floor_area + 1 WHERE id IN (SELECT id FROM {s}.original_house ORDER BY id LIMIT 6)`);
    await land(`UPDATE {s}.flat SET floor_area = floor_area + 2 WHERE id IN (SELECT id FROM {s}.flat ORDER BY id LIMIT 10)`);
    await land(`UPDATE {s}.allocation SET handed_over_on = NULL, occupied_on = NULL, occupancy_status = NULL WHERE id IN (SELECT id FROM {s}.allocation WHERE handed_over_on IS NOT NULL ORDER BY id LIMIT 4)`);
    // a household allocated a second flat, at a site in another group
    const [allocated] = await land(`SELECT a.household_id, a.area_code, f.area_code AS flat_area FROM {s}.allocation a JOIN {s}.flat f ON f.id = a.flat_id ORDER BY a.id LIMIT 1`);
    await land(`INSERT INTO {s}.allocation (id, flat_id, household_id, area_code, site_area_code, county_code, allocated_area, settlement, allocated_on)
      SELECT gen_random_uuid(), f.id, $1::uuid, $2::text, f.area_code, f.county_code, f.floor_area, 'NO_SWAP', DATE '2024-01-01'
        FROM {s}.flat f WHERE f.area_code <> $3::text AND f.county_code = substr($2::text, 1, 6) AND NOT EXISTS (SELECT 1 FROM {s}.allocation x WHERE x.flat_id = f.id) ORDER BY f.id LIMIT 1`,
      [allocated.household_id, allocated.area_code, allocated.flat_area]);
    await labour(`UPDATE {s}.labour_status SET status = 'EMPLOYED', birth_date = birth_date - 3650 WHERE id IN (SELECT id FROM {s}.labour_status ORDER BY id LIMIT 12)`);
    await labour(`UPDATE {s}.income_survey SET net_income = net_income + 1000, household_size = household_size + 1 WHERE id IN (SELECT id FROM {s}.income_survey ORDER BY id LIMIT 8)`);
    await expectExact();

    // a household's land and houses moved to another group (as the registry projection moves them)
    const [owner] = await land(`SELECT household_id, area_code FROM {s}.land_parcel WHERE household_id IS NOT NULL ORDER BY id LIMIT 1`);
    const target = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.suijiang))!.code;
    await land(`UPDATE {s}.land_parcel SET area_code = $2, county_code = $3 WHERE household_id = $1`, [owner.household_id, target, target.slice(0, 6)]);
    await land(`UPDATE {s}.original_house SET area_code = $2, county_code = $3 WHERE household_id = $1`, [owner.household_id, target, target.slice(0, 6)]);
    await labour(`UPDATE {s}.labour_status SET area_code = $1 WHERE id IN (SELECT id FROM {s}.labour_status ORDER BY id DESC LIMIT 4)`, [target]);
    await expectExact();

    await land(`DELETE FROM {s}.land_parcel WHERE id IN (SELECT id FROM {s}.land_parcel ORDER BY parcel_no LIMIT 7)`);
    await land(`DELETE FROM {s}.original_house WHERE id IN (SELECT id FROM {s}.original_house ORDER BY id DESC LIMIT 3)`);
    await land(`DELETE FROM {s}.allocation WHERE id IN (SELECT id FROM {s}.allocation ORDER BY id DESC LIMIT 3)`);
    await labour(`DELETE FROM {s}.labour_status WHERE id IN (SELECT id FROM {s}.labour_status ORDER BY person_id LIMIT 5)`);
    await labour(`DELETE FROM {s}.income_survey WHERE id IN (SELECT id FROM {s}.income_survey ORDER BY id DESC LIMIT 5)`);
    await expectExact();
  });

  it('count nothing of a rolled-back transaction', async () => {
    const before = await land(`SELECT * FROM {s}.land_rollup${ORDER(4)}`);
    const runner = env.subgraphs['land-housing'].dataSource.createQueryRunner();
    const schema = (env.subgraphs['land-housing'].dataSource.options as { schema: string }).schema;
    await runner.startTransaction();
    await runner.query(`DELETE FROM "${schema}".land_parcel WHERE id IN (SELECT id FROM "${schema}".land_parcel ORDER BY id LIMIT 30)`);
    await runner.query(`SET CONSTRAINTS ALL IMMEDIATE`); // the recount runs inside the transaction, then is rolled back with it
    await runner.rollbackTransaction();
    await runner.release();
    expect(await land(`SELECT * FROM {s}.land_rollup${ORDER(4)}`)).toEqual(before);
    await expectExact();
  });
});

const SUPPORT = `query ($groupBy: [SupportDimension!]!) { supportStatistics(groupBy: $groupBy) {
  rows { county { code } community { code } scheme year status category persons lines amountFen paidFen } total { persons lines amountFen paidFen } } }`;
/** `supportStatistics` as it was counted over the lines themselves (before the rollup). */
const PAID_LINES = `FROM {s}.payment_line l
  JOIN {s}.payment_cycle c ON c.id = l.cycle_id AND c.state <> 'DRAFT'
  LEFT JOIN {s}.bank_return b ON b.line_id = l.id
  LEFT JOIN {s}.ledger_entry r ON r.line_id = l.id AND r.kind = 'REVERSAL'
  LEFT JOIN {s}.registry_household h ON h.household_id = l.household_id`;
const LINE_STATUS = `CASE WHEN r.id IS NOT NULL THEN 'REVERSED' WHEN b.paid IS NULL THEN 'PENDING' WHEN b.paid THEN 'PAID' ELSE 'FAILED' END`;
const LINE_CATEGORY = `CASE WHEN h.relocated_on <= DATE '2006-06-30' THEN 'EXISTING' WHEN h.relocated_on IS NOT NULL THEN 'ORIGINAL' END`;
const SUPPORT_MEASURES = `count(DISTINCT l.person_id)::int AS persons, count(*)::int AS lines, coalesce(sum(l.amount_fen), 0)::float AS fen,
  coalesce(sum(l.amount_fen) FILTER (WHERE ${LINE_STATUS} = 'PAID'), 0)::float AS paid`;

/**
 * The support rollup stays exact the same way: after lines of a new cycle (one person paid in
 * two areas), the cycle submitted and sent back to DRAFT, bank returns, reversals in the ledger
 * and households' relocation dates changed (outside the API, on the owner's connection), and a
 * rolled-back transaction, the rollup equals a recount by independent SQL and the gateway's
 * tables (the prefecture's, a county's under row-level security) equal the same tables counted
 * over the lines.
 */
describe.each(engines('the support rollup kept by writes outside the API, scoped by row-level security'))('statistics rollup of support payments (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  const support = (text: string, params: unknown[] = []) => {
    const source = env.subgraphs.support.dataSource;
    return source.query(text.replace(/\{s\}/g, `"${(source.options as { schema: string }).schema}"`), params);
  };
  const ORDER = (n: number) => ` ORDER BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`;
  const HOME = `(SELECT x.person_id, min(x.area_code) AS home FROM {s}.payment_line x GROUP BY 1) m`;

  async function expectRollupExact(): Promise<void> {
    expect(await support(`SELECT area_code, line_area_code, scheme, year, status, category, lines, amount_fen::text, bit_count(persons)::int AS persons FROM {s}.support_line_rollup${ORDER(6)}`)).toEqual(
      await support(`SELECT m.home AS area_code, l.area_code AS line_area_code, l.scheme, l.year, ${LINE_STATUS} AS status, ${LINE_CATEGORY} AS category,
          count(*)::int AS lines, sum(l.amount_fen)::text AS amount_fen, count(DISTINCT l.person_id)::int AS persons
        ${PAID_LINES} JOIN ${HOME} ON m.person_id = l.person_id GROUP BY 1, 2, 3, 4, 5, 6${ORDER(6)}`));
    // a person's bit is the same in every row of their home area
    expect(await support(`SELECT area_code, bit_count(bit_or(persons))::int AS persons FROM {s}.support_line_rollup GROUP BY 1${ORDER(1)}`)).toEqual(
      await support(`SELECT m.home AS area_code, count(DISTINCT l.person_id)::int AS persons ${PAID_LINES} JOIN ${HOME} ON m.person_id = l.person_id GROUP BY 1${ORDER(1)}`));
  }

  async function expectExact(): Promise<void> {
    await expectRollupExact();
    const table = async (as: typeof prefecture, groupBy: string[]) => {
      const res = await env.query(as, SUPPORT, { groupBy });
      expect(res.errors).toBeUndefined();
      return res.data.supportStatistics;
    };
    const cell = (r: any, keys: Record<string, unknown>) => ({ county: null, community: null, scheme: null, year: null, status: null, category: null, ...keys, persons: r.persons, lines: r.lines, amountFen: r.fen, paidFen: r.paid });
    const total = (r: any) => ({ persons: r.persons, lines: r.lines, amountFen: r.fen, paidFen: r.paid });

    const byCounty = await table(prefecture, ['COUNTY', 'SCHEME', 'YEAR', 'STATUS']);
    const counted = await support(`SELECT substr(l.area_code, 1, 6) AS county, l.scheme, l.year, ${LINE_STATUS} AS status, ${SUPPORT_MEASURES} ${PAID_LINES} GROUP BY 1, 2, 3, 4${ORDER(4)}`);
    expect(byCounty.rows).toEqual(counted.map((r: any) => cell(r, { county: { code: r.county }, scheme: r.scheme, year: r.year, status: r.status })));
    const [all] = await support(`SELECT ${SUPPORT_MEASURES} ${PAID_LINES}`);
    expect(byCounty.total).toEqual(total(all));

    const byCommunity = await table(prefecture, ['COMMUNITY', 'CATEGORY']);
    const communities = await support(`SELECT substr(l.area_code, 1, 12) AS community, ${LINE_CATEGORY} AS category, ${SUPPORT_MEASURES} ${PAID_LINES} GROUP BY 1, 2${ORDER(2)}`);
    expect(byCommunity.rows).toEqual(communities.map((r: any) => cell(r, { community: { code: r.community }, category: r.category })));

    // a county officer: the rollup's rows of the county's lines only (row-level security on the serving role)
    const county = await table(qiaojia, ['YEAR', 'STATUS']);
    const inCounty = await support(`SELECT l.year, ${LINE_STATUS} AS status, ${SUPPORT_MEASURES} ${PAID_LINES} WHERE l.county_code = $1 GROUP BY 1, 2${ORDER(2)}`, [DEMO_AREAS.qiaojia]);
    expect(county.rows).toEqual(inCounty.map((r: any) => cell(r, { year: r.year, status: r.status })));
    const [countyTotal] = await support(`SELECT ${SUPPORT_MEASURES} ${PAID_LINES} WHERE l.county_code = $1`, [DEMO_AREAS.qiaojia]);
    expect(county.total).toEqual(total(countyTotal));
  }

  beforeAll(async () => {
    data = generateDemoData({ scale: SCALE });
    env = await createTestEnvironment({ engine, scale: SCALE, subgraphs: ['households', 'support'] });
  });
  afterAll(() => env?.close());

  it('is filled once after the demo load', async () => {
    const [{ rows, lines }] = await support(`SELECT (SELECT count(*) FROM {s}.support_line_rollup)::int AS rows, (SELECT count(*) FROM {s}.payment_line)::int AS lines`);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(lines);
    await expectExact();
  });

  it('counts a new cycle’s lines once it leaves DRAFT (a person paid in two areas once), bank returns, reversals and relocation dates', async () => {
    const [cycle] = await support(`INSERT INTO {s}.payment_cycle (id, code, scheme, kind, area_code, county_code, year, period, periods, verification_id, state, prepared_by)
      SELECT gen_random_uuid(), c.code || '-R', c.scheme, 'REGULAR', c.area_code, c.county_code, 2025, c.period, c.periods, c.verification_id, 'DRAFT', 'rollup-test'
        FROM {s}.payment_cycle c WHERE c.kind = 'REGULAR' AND c.county_code = $1 AND c.year = 2024 ORDER BY c.code LIMIT 1 RETURNING id, area_code`, [DEMO_AREAS.qiaojia]);
    await support(`INSERT INTO {s}.payment_line (id, cycle_id, scheme, year, person_id, household_id, area_code, county_code, amount_fen)
      SELECT gen_random_uuid(), $1, x.scheme, 2025, x.person_id, x.household_id, x.area_code, x.county_code, x.amount_fen + 100 FROM (
        SELECT DISTINCT ON (l.person_id) l.* FROM {s}.payment_line l JOIN {s}.payment_cycle c ON c.id = l.cycle_id
         WHERE c.county_code = $2 AND c.year = 2024 AND c.kind = 'REGULAR' AND c.scheme = (SELECT scheme FROM {s}.payment_cycle WHERE id = $1) ORDER BY l.person_id, l.id LIMIT 40) x`, [cycle.id, DEMO_AREAS.qiaojia]);
    // one person's line in another group than their earlier lines (moved between cycles): their home is the lesser code
    const other = data.areas.filter((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.qiaojia)).map((a) => a.code).sort()[0];
    const [moved] = await support(`UPDATE {s}.payment_line SET area_code = $2 WHERE id = (SELECT id FROM {s}.payment_line WHERE cycle_id = $1 AND area_code <> $2 ORDER BY id LIMIT 1) RETURNING person_id`, [cycle.id, other]);
    expect(moved).toBeDefined();
    await support(`UPDATE {s}.payment_cycle SET line_count = x.n, total_fen = x.fen FROM (SELECT count(*)::int AS n, sum(amount_fen)::bigint AS fen FROM {s}.payment_line WHERE cycle_id = $1) x WHERE id = $1`, [cycle.id]);
    await expectExact(); // still a DRAFT: not counted
    await support(`UPDATE {s}.payment_cycle SET state = 'SUBMITTED', submitted_by = 'rollup-test', submitted_at = now() WHERE id = $1`, [cycle.id]);
    const [{ lines }] = await support(`SELECT coalesce(sum(lines), 0)::int AS lines FROM {s}.support_line_rollup WHERE year = 2025`);
    expect(lines).toBe(40);
    await expectExact();

    // the bank's return of some approved lines (paid and failed), and reversals of payments in the ledger
    await support(`INSERT INTO {s}.bank_return (line_id, cycle_id, area_code, county_code, paid, reason, returned_on)
      SELECT l.id, l.cycle_id, l.area_code, l.county_code, row_number() OVER (ORDER BY l.id) > 3, CASE WHEN row_number() OVER (ORDER BY l.id) <= 3 THEN '账户已销户' END, DATE '2024-07-20'
        FROM {s}.payment_line l JOIN {s}.payment_cycle c ON c.id = l.cycle_id AND c.state = 'APPROVED' WHERE NOT EXISTS (SELECT 1 FROM {s}.bank_return b WHERE b.line_id = l.id) ORDER BY l.id LIMIT 12`);
    await support(`INSERT INTO {s}.ledger_entry (id, cycle_id, line_id, person_id, household_id, area_code, county_code, scheme, year, kind, amount_fen, reason, reverses_id, recorded_by)
      SELECT gen_random_uuid(), e.cycle_id, e.line_id, e.person_id, e.household_id, e.area_code, e.county_code, e.scheme, e.year, 'REVERSAL', -e.amount_fen, '冲正', e.id, 'rollup-test'
        FROM {s}.ledger_entry e WHERE e.kind = 'PAYMENT' AND NOT EXISTS (SELECT 1 FROM {s}.ledger_entry x WHERE x.reverses_id = e.id) ORDER BY e.id LIMIT 5`);
    await expectExact();

    // relocation dates: categories changed (to 现状, to none), and a change that keeps the category
    await support(`UPDATE {s}.registry_household SET relocated_on = DATE '2005-05-05' WHERE household_id IN (SELECT household_id FROM {s}.registry_household WHERE relocated_on > DATE '2006-06-30' ORDER BY household_id LIMIT 6)`);
    await support(`UPDATE {s}.registry_household SET relocated_on = NULL WHERE household_id IN (SELECT household_id FROM {s}.payment_line ORDER BY id DESC LIMIT 2)`);
    await support(`UPDATE {s}.registry_household SET relocated_on = relocated_on + 1, updated_at = now() WHERE household_id IN (SELECT household_id FROM {s}.registry_household WHERE relocated_on > DATE '2010-01-01' ORDER BY household_id DESC LIMIT 4)`);
    await expectExact();

    // back to DRAFT, and the moved person's line deleted: their home is their other lines' again
    await support(`UPDATE {s}.payment_cycle SET state = 'DRAFT', submitted_by = NULL, submitted_at = NULL WHERE id = $1`, [cycle.id]);
    await expectExact();
    await support(`DELETE FROM {s}.payment_line WHERE cycle_id = $1 AND person_id = $2`, [cycle.id, moved.person_id]);
    await expectExact();
  });

  it('counts nothing of a rolled-back transaction', async () => {
    const before = await support(`SELECT * FROM {s}.support_line_rollup${ORDER(6)}`);
    const runner = env.subgraphs.support.dataSource.createQueryRunner();
    const schema = (env.subgraphs.support.dataSource.options as { schema: string }).schema;
    await runner.startTransaction();
    await runner.query(`UPDATE "${schema}".registry_household SET relocated_on = NULL WHERE county_code = $1`, [DEMO_AREAS.qiaojia]);
    await runner.query(`SET CONSTRAINTS ALL IMMEDIATE`); // the recount runs inside the transaction, then is rolled back with it
    const [{ changed }] = await runner.query(`SELECT count(*)::int AS changed FROM "${schema}".support_line_rollup WHERE category IS NULL AND line_area_code LIKE $1`, [`${DEMO_AREAS.qiaojia}%`]);
    expect(changed).toBeGreaterThan(0);
    await runner.rollbackTransaction();
    await runner.release();
    expect(await support(`SELECT * FROM {s}.support_line_rollup${ORDER(6)}`)).toEqual(before);
    await expectExact();
  });
});
