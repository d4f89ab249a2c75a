import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import type { Identity } from '../platform/security/identity';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture, qiaojia, analyst, auditor } = DEMO_IDENTITIES;
const MIN_CELL = 5;

const TABLE = `query ($groupBy: [SupportDimension!]!, $filter: SupportStatisticsFilter) { supportStatistics(groupBy: $groupBy, filter: $filter) {
  groupBy minCell suppressedCells
  rows { county { code } community { code } scheme year status category persons lines amountFen paidFen suppressed }
  total { persons lines amountFen paidFen suppressed } } }`;

interface Cell { county: { code: string } | null; community: { code: string } | null; scheme: string; year: number; status: string; category: string | null; persons: number | null; lines: number | null; amountFen: number | null; paidFen: number | null; suppressed: boolean }

/** `supportStatistics` as the other statistics tables: one statement in SQL, exact for offices, small cells withheld for analysts and auditors. */
describe('supportStatistics', () => {
  let env: TestEnvironment;
  const sql = (text: string, params: unknown[] = []) => env.subgraphs.support.dataSource.query(text.replace(/\{s\}/g, `"${schemaName(env.subgraphs.support.dataSource)}"`), params);
  const table = async (as: Identity, groupBy: string[], filter?: Record<string, unknown>) => {
    const res = await env.query(as, TABLE, { groupBy, filter });
    expect(res.errors).toBeUndefined();
    return res.data.supportStatistics as { minCell: number | null; suppressedCells: number; rows: Cell[]; total: Cell | null };
  };

  beforeAll(async () => {
    ({ env } = await startPlatform('pglite', 0.01, ['households', 'support']));
  });
  afterAll(() => env?.close());

  it('gives the prefecture the lines of approved cycles by county, scheme, year and status, exactly, and the total', async () => {
    const t = await table(prefecture, ['COUNTY', 'SCHEME', 'YEAR', 'STATUS']);
    expect(t.minCell).toBeNull();
    expect(t.suppressedCells).toBe(0);
    const expected: { county: string; scheme: string; year: number; lines: number; fen: string }[] = await sql(
      `SELECT l.county_code AS county, l.scheme, l.year, count(*)::int AS lines, sum(l.amount_fen)::text AS fen
         FROM {s}.payment_line l JOIN {s}.payment_cycle c ON c.id = l.cycle_id AND c.state <> 'DRAFT' GROUP BY 1, 2, 3`);
    for (const e of expected) {
      const cells = t.rows.filter((c) => c.county?.code === e.county && c.scheme === e.scheme && c.year === e.year);
      expect(cells.reduce((n, c) => n + c.lines!, 0)).toBe(e.lines);
      expect(cells.reduce((n, c) => n + c.amountFen!, 0)).toBe(Number(e.fen));
    }
    // the 2023 cycles are reconciled (paid, a few failed), the 2024 ones approved and not yet returned
    expect(new Set(t.rows.filter((c) => c.year === 2024).map((c) => c.status))).toEqual(new Set(['PENDING']));
    expect(t.rows.some((c) => c.year === 2023 && c.status === 'FAILED')).toBe(true);
    expect(t.total!.lines).toBe(expected.reduce((n, e) => n + e.lines, 0));
  });

  it('keeps a county officer to their county, by category', async () => {
    const t = await table(qiaojia, ['COUNTY', 'CATEGORY'], { scheme: 'POST_RELOCATION_SUPPORT', yearFrom: 2024, yearTo: 2024 });
    expect(t.rows.map((c) => c.county!.code)).toEqual(t.rows.map(() => DEMO_AREAS.qiaojia));
    expect(t.rows.map((c) => c.category).sort()).toEqual(['EXISTING', 'ORIGINAL'].filter((k) => t.rows.some((c) => c.category === k)));
    expect(t.total!.amountFen).toBe(t.total!.lines! * 60000);
  });

  it.each([['analyst', analyst], ['auditor', auditor]] as const)('an %s gets cells of fewer than %s persons suppressed, the rest exact', async (_role, caller) => {
    const exact = await table(prefecture, ['COMMUNITY', 'STATUS']);
    const shown = await table(caller, ['COMMUNITY', 'STATUS']);
    expect(shown.minCell).toBe(MIN_CELL);
    const small = exact.rows.filter((c) => c.persons! < MIN_CELL);
    expect(small.length).toBeGreaterThan(0);
    for (const cell of shown.rows) {
      const truth = exact.rows.find((c) => c.community?.code === cell.community?.code && c.status === cell.status)!;
      if (truth.persons! < MIN_CELL) expect(cell).toMatchObject({ persons: null, lines: null, amountFen: null, paidFen: null, suppressed: true });
      if (!cell.suppressed) expect(cell).toEqual(truth);
    }
    expect(shown.suppressedCells).toBeGreaterThanOrEqual(small.length);
  });

  it('refuses a dimension twice and a year range backwards, coded', async () => {
    const twice = await env.query(prefecture, TABLE, { groupBy: ['YEAR', 'YEAR'] });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
    const backwards = await env.query(prefecture, TABLE, { groupBy: ['YEAR'], filter: { yearFrom: 2024, yearTo: 2023 } });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
