import pg from 'pg';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { makeIdNumber } from '../platform/domain/id-number';
import type { Identity } from '../platform/security/identity';
import { createTestEnvironment, engines, type TestEnvironment } from './environment';

const { prefecture, qiaojia, analyst } = DEMO_IDENTITIES;
const SCALE = 0.005;

const TABLE = `query ($groupBy: [HouseholdDimension!]!) { householdStatistics(groupBy: $groupBy) {
  minCell suppressedCells rows { county { code } community { code } relocationMode households persons suppressed } total { households persons } } }`;

interface Table {
  minCell: number | null;
  suppressedCells: number;
  rows: { county?: { code: string } | null; community?: { code: string } | null; households: number | null; persons: number | null; suppressed: boolean }[];
  total: { households: number; persons: number } | null;
}

/**
 * Statistics and area indicators are kept per process until the data change (`data-version.ts`):
 * a committed write, by the API or by anyone else, is in the next answer; an uncommitted or
 * rolled-back one never is; what is kept is per jurisdiction, and suppression still applies.
 */
describe.each(engines('the data version: writes committed, open and rolled back by concurrent writers'))('kept aggregates and the data version (%s)', (engine) => {
  const itWithConcurrentWriters = (name: string, fn: () => Promise<void>) => {
    if (engine === 'postgres') it(name, fn);
  };
  let env: TestEnvironment;
  let schema: string;
  let sequence = 0;
  const data: DemoData = generateDemoData({ scale: SCALE });

  async function table(as: Identity = prefecture, groupBy = ['COUNTY']): Promise<Table> {
    const res = await env.query(as, TABLE, { groupBy });
    expect(res.errors).toBeUndefined();
    return res.data.householdStatistics;
  }

  /** Runs SQL as the owner, outside the platform (another process, an administrator). */
  const owner = (sql: string, params: unknown[] = []) => env.subgraphs.households.dataSource.query(sql.replace(/\{s\}/g, `"${schema}"`), params);

  /** Cancels one more household still counted, outside the API; returns its id. */
  async function householdToCancel(): Promise<string> {
    const [row] = await owner(`SELECT id FROM {s}.household WHERE status <> 'CANCELLED' AND registry_no NOT LIKE 'DV-%' ORDER BY registry_no OFFSET $1 LIMIT 1`, [sequence++]);
    return row.id;
  }

  beforeAll(async () => {
    env = await createTestEnvironment({ engine, scale: SCALE, subgraphs: ['households'] });
    schema = (env.subgraphs.households.dataSource.options as { schema: string }).schema;
  });
  afterAll(() => env?.close());

  it('serves a repeated table from what it kept: one statement, the version', async () => {
    const first = await table(prefecture, ['RELOCATION_MODE']);
    const before = env.statements('households');
    const again = await table(prefecture, ['RELOCATION_MODE']);
    expect(again).toEqual(first);
    expect(env.statements('households') - before).toBe(1);
  });

  it('counts a write committed outside the API in the very next answer', async () => {
    const before = (await table()).total!;
    await table(); // kept
    const id = await householdToCancel();
    await owner(`UPDATE {s}.household SET status = 'CANCELLED' WHERE id = $1`, [id]);
    const after = (await table()).total!;
    expect(after.households).toBe(before.households - 1);
    expect(after.persons).toBeLessThan(before.persons);
  });

  it('counts a household registered through the API in the next answer', async () => {
    const before = (await table()).total!;
    const group = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.wenbi))!.code;
    const village = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia)!.original_area_code;
    const res = await env.query(qiaojia, `mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, {
      input: {
        registryNo: 'DV-0001', stationId: 'BAIHETAN', originalAreaCode: village, areaCode: group,
        relocationMode: 'URBANISATION', housingMode: 'UNIFIED', registeredOn: '2020-03-01',
        members: [
          { name: '测试甲', idNumber: makeIdNumber('530622', '1970-01-05', 901), ethnicity: '汉族', relation: 'HEAD', productionMode: 'ANNUAL_COMPENSATION' },
          { name: '测试乙', idNumber: makeIdNumber('530622', '1972-03-07', 902), ethnicity: '汉族', relation: 'SPOUSE', productionMode: 'ANNUAL_COMPENSATION' },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    const after = (await table()).total!;
    expect(after).toEqual({ households: before.households + 1, persons: before.persons + 2 });
  });

  it('keeps what each jurisdiction sees apart, and suppresses small cells for the analyst from kept cells too', async () => {
    const all = await table(prefecture, ['COMMUNITY']);
    const county = await table(qiaojia, ['COMMUNITY']);
    expect(county.rows.length).toBeGreaterThan(0);
    expect(county.rows.every((r) => r.community!.code.startsWith(DEMO_AREAS.qiaojia))).toBe(true);
    expect(county.rows.length).toBeLessThan(all.rows.length);
    const masked = await table(analyst, ['COMMUNITY']);
    expect(masked.minCell).toBe(5);
    expect(masked.suppressedCells).toBeGreaterThan(0);
    expect(masked.rows.filter((r) => r.suppressed).every((r) => r.households === null && r.persons === null)).toBe(true);
    const exact = await table(prefecture, ['COMMUNITY']);
    expect(exact).toEqual(all);
    expect(exact.suppressedCells).toBe(0);
  });

  // PGlite has one connection: no second transaction can stay open beside the platform's, so
  // these two are PostgreSQL's only
  itWithConcurrentWriters('never keeps an answer past the commit of a write that was still open when it was computed', async () => {
    const start = (await table()).total!;
    const client = new pg.Client({ connectionString: env.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE "${schema}".household SET status = 'CANCELLED' WHERE id = $1`, [await householdToCancel()]);
      // the open write is not seen, and this answer is kept
      expect((await table()).total!.households).toBe(start.households);
      expect((await table()).total!.households).toBe(start.households);
      await client.query('COMMIT');
      expect((await table()).total!.households).toBe(start.households - 1);

      // a write rolled back leaves the version, and the answer, as they were
      await client.query('BEGIN');
      await client.query(`UPDATE "${schema}".household SET status = 'CANCELLED' WHERE id = $1`, [await householdToCancel()]);
      await client.query('ROLLBACK');
      await table(prefecture, ['RELOCATION_MODE']);
      const before = env.statements('households');
      expect((await table(prefecture, ['RELOCATION_MODE'])).total!.households).toBe(start.households - 1);
      expect(env.statements('households') - before).toBe(1);
    } finally {
      await client.end();
    }
  });

  itWithConcurrentWriters('stays right under writes committing while the table is asked for again and again', async () => {
    const expected = (await table()).total!.households;
    const ids = await Promise.all(Array.from({ length: 6 }, () => householdToCancel()));
    let cancelled = 0;
    const writer = (async () => {
      for (const id of ids) {
        await owner(`UPDATE {s}.household SET status = 'CANCELLED' WHERE id = $1`, [id]);
        cancelled++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const readers = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 10; i++) {
        const committed = cancelled; // writes known committed before this request starts
        const seen = (await table()).total!.households;
        expect(seen).toBeLessThanOrEqual(expected - committed);
      }
    });
    await Promise.all([writer, ...readers]);
    expect((await table()).total!.households).toBe(expected - ids.length);
  });
});
