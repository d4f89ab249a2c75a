import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import { catchUp } from '../platform/events/in-process';
import { readOutbox } from '../platform/events/outbox-reader';
import { applyRegistryEvents, resetProjection } from '../platform/events/projection';
import { generateEmploymentDemo } from '../subgraphs/employment/demo/generator';
import { employmentModule } from '../subgraphs/employment/module';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { generateLandHousingData } from '../subgraphs/land-housing/demo/generator';
import { landHousingModule } from '../subgraphs/land-housing/module';
import { generatePartyBuildingDemo } from '../subgraphs/party-building/demo/generator';
import { partyBuildingModule } from '../subgraphs/party-building/module';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture, qiaojia, suijiang } = DEMO_IDENTITIES;
const SCALE = 0.005;
const CONSUMERS = [landHousingModule, employmentModule, partyBuildingModule];

/** Registry events end to end: a move re-scopes every record of the household, and delivery is idempotent and replayable. */
describe.each(engines('the outbox is written in commit order under a transaction lock, the projections as the owner beside row-level security'))('registry events (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let household: DemoData['households'][number];
  /** The household's own records in the demo, from which its share of each county's statistics is known. */
  let own: { parcelsMu: number; houses: number; floorArea: number; surveyed: number; paired: number; cases: number };

  const db = (name: string) => env.subgraphs[name].dataSource;
  const households = () => db('households');
  /** The projection and every area column that follows it, as text: equal means the same projection and scoping. */
  async function fingerprint(name: string): Promise<string> {
    const s = `"${schemaName(db(name))}"`;
    const records = CONSUMERS.find((m) => m.name === name)!.projection!.householdRecords;
    const tables = ['household_ref', 'person_ref', ...records.map((r) => r.table)];
    const parts = [];
    for (const t of tables) {
      const column = records.find((r) => r.table === t)?.column ?? 'household_id';
      const columns = t.endsWith('_ref') ? `id, area_code, county_code, status${t === 'person_ref' ? ', household_id, birth_date' : ''}` : `${column}, area_code, county_code`;
      const [row] = await db(name).query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM (SELECT ${columns} FROM ${s}.${t}) x`);
      parts.push(`${t}:${row.n}:${row.h}`);
    }
    return parts.join(' ');
  }

  const COUNTS = `query ($h: ID!) {
    mine: landParcels(filter: { householdId: $h }) { totalCount } houses: originalHouses(filter: { householdId: $h }) { totalCount }
    incomes: incomeSurveys(filter: { householdId: $h }) { totalCount }
    allParcels: landParcels { totalCount } allIncomes: incomeSurveys { totalCount } labour: labourStatuses { totalCount } }`;
  const counts = async (as: typeof qiaojia) => {
    const res = await env.query(as, COUNTS, { h: household.id });
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(Object.entries(res.data).map(([k, v]) => [k, (v as { totalCount: number }).totalCount]));
  };

  const STAT_YEAR = 2024;
  /** Each county's statistics that count households and persons (land-housing, employment, party-building), as its officer reads them. */
  const STATS = `query ($c: String!, $y: Int!) { area(code: $c) {
    inventory { floodedLandMu householdLandMu originalHouses originalFloorArea landByUse { landUse parcels mu } housesByStructure { structure houses floorArea } }
    employmentIndicators(year: $y) { workingAgePopulation labourForce employed unemployed trainees trainingPersonTimes householdsSurveyed publicWelfarePostsFilled }
    governanceStats { householdsInUnits pairedHouseholds organisations grids gridUnits cadresInGrids casesByStatus { status count } } } }`;
  const stats = async (as: typeof qiaojia, county: string) => {
    const res = await env.query(as, STATS, { c: county, y: STAT_YEAR });
    expect(res.errors).toBeUndefined();
    return flatten(res.data.area);
  };
  /** Every figure as one number by name (lists by their key), so before and after subtract. */
  function flatten(value: unknown, prefix = '', out: Record<string, number> = {}): Record<string, number> {
    if (typeof value === 'number') out[prefix] = value;
    else if (Array.isArray(value)) for (const item of value) {
      const [key, ...figures] = Object.entries(item as object);
      for (const [k, v] of figures) out[`${prefix}.${key[1]}.${k}`] = v as number;
    }
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return out;
  }
  const round = (n: number) => Math.round(n * 100) / 100;

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, SCALE, ['households', 'land-housing', 'employment', 'party-building']));
    const land = generateLandHousingData(data, { scale: SCALE });
    const employment = generateEmploymentDemo(data, { scale: SCALE });
    const pb = generatePartyBuildingDemo(data, { scale: SCALE });
    // a Wenbi household with parcels, a house, an income survey, checked members, a place in a unit and a cadre
    household = data.households.find((h) => h.area_code.startsWith(DEMO_AREAS.wenbi)
      && land.parcels.some((p) => p.household_id === h.id) && land.houses.some((x) => x.household_id === h.id)
      && employment.income_survey.some((s) => s.household_id === h.id) && employment.labour_status.some((r) => r.household_id === h.id)
      && pb.householdUnits.some((u) => u.household_id === h.id) && pb.pairings.some((p) => p.household_id === h.id && !p.ended_on))!;
    expect(household).toBeDefined();
    const mine = <T extends { household_id: unknown }>(rows: T[]) => rows.filter((r) => r.household_id === household.id);
    own = {
      parcelsMu: mine(land.parcels).reduce((n, p) => n + Number(p.area_mu), 0),
      houses: mine(land.houses).length,
      floorArea: mine(land.houses).reduce((n, x) => n + Number(x.floor_area), 0),
      surveyed: mine(employment.income_survey as { household_id: string; year: number }[]).filter((x) => x.year === STAT_YEAR).length,
      paired: 1,
      cases: mine(pb.cases).length,
    };
  });
  afterAll(() => env?.close());

  it('a Wenbi household moved to Suijiang: its records leave the Qiaojia officer and reach the Suijiang officer, the counts of both change by exactly it', async () => {
    const beforeQ = await counts(qiaojia);
    const beforeS = await counts(suijiang);
    const statsQ = await stats(qiaojia, DEMO_AREAS.qiaojia);
    const statsS = await stats(suijiang, DEMO_AREAS.suijiang);
    expect(beforeQ.mine).toBeGreaterThan(0);
    expect(beforeS.mine).toBe(0);
    const members = data.persons.filter((p) => p.household_id === household.id).map((p) => p.id);
    const checked = (await db('employment').query(`SELECT count(*)::int AS n FROM "${schemaName(db('employment'))}".labour_status WHERE person_id = ANY($1::uuid[])`, [members]))[0].n;
    expect(checked).toBeGreaterThan(0);

    const target = data.areas.find((a) => a.level === 'GROUP' && a.county_code === DEMO_AREAS.suijiang)!.code;
    const moved = await env.query(prefecture, `mutation ($input: MoveHouseholdInput!) { moveHousehold(input: $input) { countyCode } }`, {
      input: { householdId: household.id, areaCode: target, reason: 'RESETTLEMENT_ADJUSTED', movedOn: '2024-06-01' },
    });
    expect(moved.errors).toBeUndefined();
    await env.events.settled();

    const afterQ = await counts(qiaojia);
    const afterS = await counts(suijiang);
    expect(afterQ).toEqual({ ...beforeQ, mine: 0, houses: 0, incomes: 0, allParcels: beforeQ.allParcels - beforeQ.mine, allIncomes: beforeQ.allIncomes - beforeQ.incomes, labour: beforeQ.labour - checked });
    expect(afterS).toEqual({ ...beforeS, mine: beforeQ.mine, houses: beforeQ.houses, incomes: beforeQ.incomes, allParcels: beforeS.allParcels + beforeQ.mine, allIncomes: beforeS.allIncomes + beforeQ.incomes, labour: beforeS.labour + checked });
    // statistics: every figure that left Qiaojia arrived in Suijiang, and those the household's records give are exactly its share
    const afterStatsQ = await stats(qiaojia, DEMO_AREAS.qiaojia);
    const afterStatsS = await stats(suijiang, DEMO_AREAS.suijiang);
    const keys = [...new Set([...Object.keys(statsQ), ...Object.keys(afterStatsQ), ...Object.keys(statsS), ...Object.keys(afterStatsS)])].sort();
    const left = Object.fromEntries(keys.map((k) => [k, round((statsQ[k] ?? 0) - (afterStatsQ[k] ?? 0))]));
    const arrived = Object.fromEntries(keys.map((k) => [k, round((afterStatsS[k] ?? 0) - (statsS[k] ?? 0))]));
    expect(arrived).toEqual(left);
    expect(left).toMatchObject({
      'inventory.householdLandMu': round(own.parcelsMu), 'inventory.floodedLandMu': round(own.parcelsMu),
      'inventory.originalHouses': own.houses, 'inventory.originalFloorArea': round(own.floorArea),
      'employmentIndicators.householdsSurveyed': own.surveyed,
      'governanceStats.householdsInUnits': 1, 'governanceStats.pairedHouseholds': own.paired,
      // grids, units, organisations and cadres stay where they serve
      'governanceStats.organisations': 0, 'governanceStats.grids': 0, 'governanceStats.gridUnits': 0, 'governanceStats.cadresInGrids': 0,
    });
    const casesLeft = keys.filter((k) => k.startsWith('governanceStats.casesByStatus')).reduce((n, k) => n + left[k], 0);
    expect(casesLeft).toBe(own.cases);
    expect(left['employmentIndicators.workingAgePopulation']).toBeGreaterThan(0);

    // the Qiaojia officer may no longer write for it; the Suijiang officer may
    const parcel = { stationId: household.station_id, villageCode: household.original_area_code, householdId: household.id, landUse: 'ORCHARD', areaMu: 1, surveyedOn: '2024-07-01' };
    const refused = await env.query(qiaojia, `mutation ($input: RecordLandParcelInput!) { recordLandParcel(input: $input) { id } }`, { input: parcel });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const survey = { householdId: household.id, year: 2025, householdSize: 3, netIncome: 30_000, surveyedOn: '2025-12-01' };
    expect((await env.query(qiaojia, `mutation ($input: RecordIncomeSurveyInput!) { recordIncomeSurvey(input: $input) { id } }`, { input: survey })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const accepted = await env.query(suijiang, `mutation ($input: RecordIncomeSurveyInput!) { recordIncomeSurvey(input: $input) { areaCode countyCode } }`, { input: survey });
    expect(accepted.data.recordIncomeSurvey).toEqual({ areaCode: target, countyCode: DEMO_AREAS.suijiang });
  });

  it('duplicated deliveries change nothing; a replay from sequence 0 rebuilds the same projection', async () => {
    await env.events.settled();
    const all = await readOutbox(households(), 0, 100_000);
    // in sequence order (not the order of the sequence as text: 1, 10, 100, 101 …)
    expect(all.length).toBeGreaterThan(100);
    expect(all.map((e) => e.sequence)).toEqual(all.map((e) => e.sequence).sort((a, b) => a - b));
    for (const module of CONSUMERS) {
      const before = await fingerprint(module.name);
      // everything delivered again, and the last event once more on its own
      expect((await applyRegistryEvents(db(module.name), module.projection!, all)).applied).toBe(0);
      expect((await applyRegistryEvents(db(module.name), module.projection!, all.slice(-1))).applied).toBe(0);
      expect(await fingerprint(module.name)).toBe(before);
      await resetProjection(db(module.name));
      expect(await catchUp(households(), { name: module.name, dataSource: db(module.name), projection: module.projection! })).toBe(all.length);
      expect(await fingerprint(module.name)).toBe(before);
    }
  });
});
