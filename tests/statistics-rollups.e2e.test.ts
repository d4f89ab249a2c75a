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
