import type { QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';
import { rollupMigration, rollupSelect } from '../../../platform/statistics/rollups';

/** A line's standing with the bank (`PaymentLine.status`), and the person's category by the household's relocation date (written out: a migration stays as it was released). */
const STATUS = `CASE WHEN r.id IS NOT NULL THEN 'REVERSED' WHEN b.paid IS NULL THEN 'PENDING' WHEN b.paid THEN 'PAID' ELSE 'FAILED' END`;
const category = (h: string) => `CASE WHEN ${h}.relocated_on <= DATE '2006-06-30' THEN 'EXISTING' WHEN ${h}.relocated_on IS NOT NULL THEN 'ORIGINAL' END`;

const KEYS = ['area_code', 'line_area_code', 'scheme', 'year', 'status', 'category'];

/**
 * Lines of cycles past DRAFT with their standing and category, and each person's home area: the
 * least area code of all their lines (any state), where their bit is numbered. A person paid in
 * several areas (moved between cycles) has one home, so the distinct persons of a cell are exact.
 */
const LINES = `SELECT m.home AS area_code, l.area_code AS line_area_code, l.scheme, l.year, ${STATUS} AS status, ${category('h')} AS category, l.amount_fen, l.person_id
    FROM {s}.payment_line l
    JOIN {s}.payment_cycle c ON c.id = l.cycle_id AND c.state <> 'DRAFT'
    LEFT JOIN {s}.bank_return b ON b.line_id = l.id
    LEFT JOIN {s}.ledger_entry r ON r.line_id = l.id AND r.kind = 'REVERSAL'
    LEFT JOIN {s}.registry_household h ON h.household_id = l.household_id
    JOIN (SELECT x.person_id, min(x.area_code) AS home FROM {s}.payment_line x GROUP BY x.person_id) m ON m.person_id = l.person_id
   WHERE TRUE {areas}`;
/** The persons with a line in the areas (every person whose home is one of them), read by key. */
const PERSONS = 'ARRAY(SELECT DISTINCT y.person_id FROM {s}.payment_line y WHERE y.area_code = ANY (areas))';

/** Every area code of the lines of the persons `persons` selects (their homes among them). */
const areasOf = (persons: string) => `SELECT x.area_code::text FROM {s}.payment_line x WHERE x.person_id IN (${persons})`;

/**
 * `support_line_rollup` (`rollups.ts`) serves `supportStatistics`: payment lines of cycles past
 * DRAFT by the person's home area (the recount unit, where persons are numbered as bits), the
 * line's own area (scoped by row-level security and grouped by), scheme, year, the line's
 * standing and the person's category; lines and amounts summed. Recounted at commit for the
 * persons whose lines changed, whose cycle crossed DRAFT, whose line got a bank return or a
 * reversal, or whose household's relocation date changed category.
 */
const Rollups = rollupMigration(
  'SupportStatisticsRollups1765520000000',
  [
    {
      table: 'support_line_rollup',
      columns: [
        'area_code varchar(15) COLLATE "C" NOT NULL',
        'line_area_code varchar(15) COLLATE "C" NOT NULL',
        'scheme varchar(32) NOT NULL',
        'year int NOT NULL',
        'status varchar(16) NOT NULL',
        'category varchar(16)',
        'lines int NOT NULL',
        'amount_fen bigint NOT NULL',
        'persons varbit NOT NULL',
      ],
      keys: KEYS,
      scope: 'line_area_code',
      select: rollupSelect({ rows: LINES, keys: KEYS, sums: ['count(*)::int', 'sum(x.amount_fen)'], distinct: ['person_id'] }),
      restriction: `m.home = ANY (areas) AND l.person_id = ANY (${PERSONS}) AND m.person_id = ANY (${PERSONS})`,
    },
  ],
  [
    {
      // a line of a cycle past DRAFT; or any line of a person with lines in other areas (their home may move)
      table: 'payment_line',
      areas: (rows) => `SELECT n.area_code::text FROM ${rows} n JOIN {s}.payment_cycle c ON c.id = n.cycle_id AND c.state <> 'DRAFT'
        UNION ALL SELECT v.a FROM ${rows} n JOIN {s}.payment_line x ON x.person_id = n.person_id AND x.area_code <> n.area_code
          CROSS JOIN LATERAL (VALUES (n.area_code::text), (x.area_code::text)) v(a)`,
    },
    {
      // a cycle's lines count once it has left DRAFT (or return to it): other updates change nothing
      table: 'payment_cycle',
      areas: (rows) => areasOf(`SELECT l.person_id FROM {s}.payment_line l WHERE l.cycle_id IN (SELECT c.id FROM ${rows} c WHERE c.state <> 'DRAFT')`),
      updated: (oldRows, newRows) =>
        areasOf(`SELECT l.person_id FROM {s}.payment_line l WHERE l.cycle_id IN (SELECT n.id FROM ${newRows} n JOIN ${oldRows} o ON o.id = n.id WHERE (n.state = 'DRAFT') <> (o.state = 'DRAFT'))`),
    },
    { table: 'bank_return', areas: (rows) => areasOf(`SELECT l.person_id FROM {s}.payment_line l WHERE l.id IN (SELECT line_id FROM ${rows})`) },
    { table: 'ledger_entry', areas: (rows) => areasOf(`SELECT l.person_id FROM {s}.payment_line l WHERE l.id IN (SELECT line_id FROM ${rows} WHERE kind = 'REVERSAL')`) },
    {
      // a household's category, by its relocation date
      table: 'registry_household',
      areas: (rows) => areasOf(`SELECT l.person_id FROM {s}.payment_line l WHERE l.household_id IN (SELECT household_id FROM ${rows})`),
      updated: (oldRows, newRows) =>
        areasOf(`SELECT l.person_id FROM {s}.payment_line l WHERE l.household_id IN (
          SELECT coalesce(n.household_id, o.household_id) FROM ${newRows} n FULL JOIN ${oldRows} o ON o.household_id = n.household_id
           WHERE ${category('n')} IS DISTINCT FROM ${category('o')})`),
    },
  ],
);

/** The rollups, and the index a recount finds a line's reversals by (the ledger's other index leaves reversals out): without it, every line of a recount scans the ledger. */
export class SupportStatisticsRollups1765520000000 extends Rollups {
  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`CREATE INDEX ledger_entry_reversal_line_idx ON {s}.ledger_entry (line_id) WHERE kind = 'REVERSAL'`]);
    await super.up(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await super.down(queryRunner);
    await runStatements(queryRunner, ['DROP INDEX {s}.ledger_entry_reversal_line_idx']);
  }
}
