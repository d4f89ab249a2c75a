import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';
import { APP_ROLE } from '../../../platform/security/row-level-security';

/**
 * What the database itself guarantees about money, whoever connects:
 * - the ledger is append-only: UPDATE, DELETE and TRUNCATE raise an error (a trigger, for the
 *   owner too; the serving role is not even granted them);
 * - a cycle's lines change only while the cycle is a DRAFT;
 * - a cycle's amounts and its preparer never change once it has left DRAFT, and its state
 *   moves only forward (SUBMITTED may go back to DRAFT), never deleted after DRAFT;
 * - `cycle_reconciliation`: per cycle, lines = ledger payments = cycle total (the auditor's query).
 */
export class SupportLedger1765000000002 implements MigrationInterface {
  name = 'SupportLedger1765000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE FUNCTION {s}.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'ledger entries are append-only: % refused on %', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END
$fn$`,
      `CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON {s}.ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION {s}.refuse_ledger_change()`,
      `CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON {s}.ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION {s}.refuse_ledger_change()`,
      `CREATE FUNCTION {s}.freeze_cycle_lines() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  -- separate statements: a transition table is only named in the branch of the operations that have it
  IF TG_OP <> 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN {s}.payment_cycle c ON c.id = n.cycle_id WHERE c.state <> 'DRAFT') THEN
      RAISE EXCEPTION 'payment lines of a cycle past DRAFT cannot change' USING ERRCODE = 'P0001';
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN {s}.payment_cycle c ON c.id = o.cycle_id WHERE c.state <> 'DRAFT') THEN
      RAISE EXCEPTION 'payment lines of a cycle past DRAFT cannot change' USING ERRCODE = 'P0001';
    END IF;
  END IF;
  RETURN NULL;
END
$fn$`,
      `CREATE TRIGGER frozen_insert AFTER INSERT ON {s}.payment_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {s}.freeze_cycle_lines()`,
      `CREATE TRIGGER frozen_update AFTER UPDATE ON {s}.payment_line REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {s}.freeze_cycle_lines()`,
      `CREATE TRIGGER frozen_delete AFTER DELETE ON {s}.payment_line REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {s}.freeze_cycle_lines()`,
      `CREATE FUNCTION {s}.guard_cycle() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  states text[] := ARRAY['DRAFT', 'SUBMITTED', 'APPROVED', 'EXPORTED', 'RECONCILED'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'DRAFT' THEN RAISE EXCEPTION 'a payment cycle past DRAFT cannot be deleted' USING ERRCODE = 'P0001'; END IF;
    RETURN OLD;
  END IF;
  IF OLD.state <> 'DRAFT' AND (NEW.line_count, NEW.total_fen, NEW.prepared_by, NEW.scheme, NEW.county_code, NEW.year, NEW.period, NEW.kind)
       IS DISTINCT FROM (OLD.line_count, OLD.total_fen, OLD.prepared_by, OLD.scheme, OLD.county_code, OLD.year, OLD.period, OLD.kind) THEN
    RAISE EXCEPTION 'a payment cycle past DRAFT cannot change its lines or totals' USING ERRCODE = 'P0001';
  END IF;
  IF array_position(states, NEW.state::text) < array_position(states, OLD.state::text) AND NOT (OLD.state = 'SUBMITTED' AND NEW.state = 'DRAFT') THEN
    RAISE EXCEPTION 'a payment cycle cannot go back from % to %', OLD.state, NEW.state USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END
$fn$`,
      `CREATE TRIGGER guard BEFORE UPDATE OR DELETE ON {s}.payment_cycle FOR EACH ROW EXECUTE FUNCTION {s}.guard_cycle()`,
      // the auditor's query: one row per cycle, balanced when lines = ledger payments = the cycle total
      `CREATE VIEW {s}.cycle_reconciliation WITH (security_invoker = true) AS
       SELECT c.id AS cycle_id, c.code, c.scheme, c.county_code, c.area_code, c.year, c.state, c.line_count, c.total_fen,
              l.lines, l.lines_fen, coalesce(e.payments_fen, 0) AS payments_fen, coalesce(e.failures_fen, 0) AS failures_fen,
              coalesce(e.reversals_fen, 0) AS reversals_fen, coalesce(e.net_fen, 0) AS net_fen,
              (l.lines = c.line_count AND l.lines_fen = c.total_fen
               AND (c.state IN ('DRAFT', 'SUBMITTED') OR coalesce(e.payments_fen, 0) = c.total_fen)) AS balanced
         FROM {s}.payment_cycle c
         CROSS JOIN LATERAL (SELECT count(*)::int AS lines, coalesce(sum(amount_fen), 0)::bigint AS lines_fen FROM {s}.payment_line WHERE cycle_id = c.id) l
         LEFT JOIN LATERAL (
           SELECT sum(amount_fen) FILTER (WHERE kind = 'PAYMENT')::bigint AS payments_fen, sum(amount_fen) FILTER (WHERE kind = 'FAILURE')::bigint AS failures_fen,
                  sum(amount_fen) FILTER (WHERE kind = 'REVERSAL')::bigint AS reversals_fen, sum(amount_fen)::bigint AS net_fen
             FROM {s}.ledger_entry WHERE cycle_id = c.id) e ON TRUE`,
      `GRANT SELECT ON {s}.cycle_reconciliation TO ${APP_ROLE}`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      'DROP VIEW {s}.cycle_reconciliation',
      'DROP TRIGGER guard ON {s}.payment_cycle',
      'DROP FUNCTION {s}.guard_cycle()',
      ...['frozen_insert', 'frozen_update', 'frozen_delete'].map((t) => `DROP TRIGGER ${t} ON {s}.payment_line`),
      'DROP FUNCTION {s}.freeze_cycle_lines()',
      'DROP TRIGGER append_only ON {s}.ledger_entry',
      'DROP TRIGGER append_only_truncate ON {s}.ledger_entry',
      'DROP FUNCTION {s}.refuse_ledger_change()',
    ]);
  }
}
