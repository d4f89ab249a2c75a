import { stableUuid } from '../../../platform/demo/random';
import { CycleKind, CycleState } from '../support.enums';
import { bucket, md5Uuid } from './hashes';

/**
 * What follows from a demo cycle's lines, as `payment-cycle.service.ts` and the bank return's
 * import write it, with the same ids: a PAYMENT ledger entry per line of a cycle past DRAFT (its
 * approval); for a reconciled cycle the bank's return of every line (about 3 in 1,000 failed,
 * with the bank's reason), a FAILURE entry per failed line and the DRAFT re-payment cycle of the
 * failed lines, prepared by the officer who reconciled.
 */

type Row = Record<string, unknown>;

export interface FollowingRows {
  payment_cycle: Row[];
  payment_line: Row[];
  bank_return: Row[];
  ledger_entry: Row[];
}

/** The bank's answer for a line: 2 in 1,000 accounts closed, 1 in 1,000 name and account not matching, the rest paid. */
function returnOf(lineId: string): string | null {
  const n = bucket(lineId, 1000);
  return n < 2 ? '账户已销户' : n < 3 ? '户名与账号不符' : null;
}

/**
 * A ledger entry, recorded by `by` at `at` (the approval's or the reconciliation's time). Given,
 * not left to the column's default: `clock_timestamp()` is volatile, and a volatile default makes
 * COPY insert row by row instead of in batches (about three times the cost).
 */
function entry(kind: 'PAYMENT' | 'FAILURE', line: Row, amount: number, reason: string | null, by: unknown, at: unknown): Row {
  return { id: md5Uuid(`ledger:${kind}:${line.id}`), cycle_id: line.cycle_id, line_id: line.id, person_id: line.person_id, household_id: line.household_id,
    area_code: line.area_code, county_code: line.county_code, scheme: line.scheme, year: line.year, kind, amount_fen: amount, reason, recorded_by: by, recorded_at: at };
}

/** Appends to `out` what follows from `cycle` (a regular cycle's row, past DRAFT) and its `lines`. */
export function addFollowing(out: FollowingRows, cycle: Row, lines: Row[]): void {
  for (const line of lines) out.ledger_entry.push(entry('PAYMENT', line, Number(line.amount_fen), null, cycle.approved_by, cycle.approved_at));
  if (cycle.state !== CycleState.RECONCILED) return;
  const failed: [Row, string][] = [];
  for (const line of lines) {
    const reason = returnOf(String(line.id));
    out.bank_return.push({ line_id: line.id, cycle_id: line.cycle_id, area_code: line.area_code, county_code: line.county_code, paid: reason === null, reason,
      returned_on: `${line.year}-07-20` });
    if (reason !== null) failed.push([line, reason]);
  }
  if (!failed.length) return;
  const id = stableUuid('support-repayment', String(cycle.id));
  let total = 0;
  for (const [line, reason] of failed) {
    out.ledger_entry.push(entry('FAILURE', line, -Number(line.amount_fen), reason, cycle.reconciled_by, cycle.reconciled_at));
    out.payment_line.push({ id: md5Uuid(`payment-line:${id}:${line.person_id}`), cycle_id: id, scheme: line.scheme, year: line.year, person_id: line.person_id,
      household_id: line.household_id, area_code: line.area_code, county_code: line.county_code, amount_fen: line.amount_fen, source_line_id: line.id });
    total += Number(line.amount_fen);
  }
  out.payment_cycle.push({
    id, code: `${cycle.code}-BF`, scheme: cycle.scheme, kind: CycleKind.REPAYMENT, area_code: cycle.area_code, county_code: cycle.county_code, year: cycle.year,
    period: cycle.period, periods: cycle.periods, verification_id: cycle.verification_id, source_cycle_id: cycle.id, state: CycleState.DRAFT,
    line_count: failed.length, total_fen: total, prepared_by: cycle.reconciled_by, submitted_by: null, submitted_at: null, approved_by: null, approved_at: null,
    exported_by: null, exported_at: null, reconciled_by: null, reconciled_at: null,
  });
}
