import type { DataSource } from 'typeorm';

/**
 * The read audit's monthly partitions: months are China Standard Time months (UTC+8), each one a
 * partition `read_audit_YYYYMM` made by the migration's `read_audit_add_month(at)`. The gateway
 * makes the current and the next month at start and daily, and the month of a write that finds
 * none (read-audit.store.ts); retention drops whole months, nothing else ever leaves the audit.
 */

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

export const schemaOf = (dataSource: DataSource) => `"${(dataSource.options as { schema?: string }).schema}"`;

/** The month (CST) holding `at`, as `YYYYMM`, shifted by `plus` months. */
export function monthOf(at: Date, plus = 0): string {
  const cst = new Date(at.getTime() + CST_OFFSET_MS);
  const months = cst.getUTCFullYear() * 12 + cst.getUTCMonth() + plus;
  return `${Math.floor(months / 12)}${String((months % 12) + 1).padStart(2, '0')}`;
}

/** Midday (CST) of the 15th of the month `plus` months from `at`'s: safely inside that month. */
function insideMonth(at: Date, plus: number): Date {
  const m = monthOf(at, plus);
  return new Date(`${m.slice(0, 4)}-${m.slice(4)}-15T12:00:00+08:00`);
}

/** Creates the partitions of the month holding `at` and of the `ahead` months after it (idempotent). */
export async function addMonths(dataSource: DataSource, at: Date, ahead = 1): Promise<string[]> {
  const made: string[] = [];
  for (let plus = 0; plus <= ahead; plus++) {
    const [row] = await dataSource.query(`SELECT ${schemaOf(dataSource)}.read_audit_add_month($1) AS name`, [insideMonth(at, plus)]);
    made.push(row.name);
  }
  return made;
}

/** The partitions of the read audit, oldest first. */
export async function auditPartitions(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(
    `SELECT c.relname AS name FROM pg_inherits i
     JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
     WHERE n.nspname = $1 AND p.relname = 'read_audit' ORDER BY c.relname`,
    [(dataSource.options as { schema?: string }).schema],
  );
  return rows.map((r) => r.name);
}

/**
 * Drops the months whose every row is at least `retentionMonths` old on `now`: with 36, the
 * current month and the 36 before it are kept. Returns the partitions dropped.
 */
export async function dropExpiredMonths(dataSource: DataSource, retentionMonths: number, now = new Date()): Promise<string[]> {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 1) throw new Error('read audit retention is at least one month');
  const oldestKept = `read_audit_${monthOf(now, -retentionMonths)}`;
  const expired = (await auditPartitions(dataSource)).filter((name) => /^read_audit_\d{6}$/.test(name) && name < oldestKept);
  for (const name of expired) await dataSource.query(`DROP TABLE ${schemaOf(dataSource)}."${name}"`);
  return expired;
}

/** Months ahead made and expired months dropped; logged, never thrown (writes make their month themselves). */
export async function maintainReadAudit(dataSource: DataSource, retentionMonths: number, now = new Date()): Promise<void> {
  try {
    await addMonths(dataSource, now);
    const dropped = await dropExpiredMonths(dataSource, retentionMonths, now);
    if (dropped.length) console.log(`read audit: dropped ${dropped.join(', ')} (retention ${retentionMonths} months)`);
  } catch (error) {
    console.error(`read audit maintenance failed: ${error instanceof Error ? error.message : error}`);
  }
}

/** Runs the maintenance now and daily; returns the stop. */
export function scheduleReadAuditMaintenance(dataSource: DataSource, retentionMonths: number): { done: Promise<void>; stop(): void } {
  const done = maintainReadAudit(dataSource, retentionMonths);
  const timer = setInterval(() => void maintainReadAudit(dataSource, retentionMonths), DAY_MS);
  timer.unref();
  return { done, stop: () => clearInterval(timer) };
}
