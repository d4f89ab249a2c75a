import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';

/**
 * The read audit as one row per request, partitioned by month.
 *
 * A row holds the request (who, which client, which operation, from where, when) and the records
 * it read in full as three aligned arrays: `records` (`Type:id`, e.g. `Person:…` or
 * `export:persons:530621`), `area_codes` (the record's area, for the auditor's jurisdiction) and
 * `fields` (the record's fields read in full, comma-separated). `records` is the GIN-indexed key:
 * it answers "who read this record" and, rechecking `fields` on the few rows found, "who read this
 * record's ID number"; a field per element (`Type:id:field`) would repeat the record for every
 * field and could not answer "who read this record" without knowing its type's fields. The GIN
 * index is written at once (`fastupdate = off`): a pending list of up to 4 MB would be scanned by
 * every lookup and, the rows being TOASTed (the heap small), make the planner prefer reading the
 * whole month; inserting a request's ~270 keys directly costs about 2 ms (docs/benchmarks.md).
 *
 * Months are China Standard Time months (UTC+8, no daylight saving): "March" is the auditor's
 * March, one partition. `read_audit_add_month(at)` creates the month holding `at` (idempotent, safe
 * against a concurrent caller); the gateway calls it at start, daily and when an insert finds no
 * partition. Retention drops whole partitions (gateway/audit/read-audit.retention.ts).
 *
 * Append-only as before: row triggers refuse UPDATE and DELETE (cloned onto every partition), and
 * a statement trigger refuses TRUNCATE on the table and on each partition.
 *
 * The per-record rows written so far are moved here, one row per request, and the old table is
 * dropped: one table to query, nothing lost. `read_audit_record` shows the audit one record per
 * row again, for SQL by hand.
 */
export class ReadAuditPerRequest1733000000000 implements MigrationInterface {
  name = 'ReadAuditPerRequest1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `ALTER TABLE {s}.read_audit RENAME TO read_audit_per_record`,
      `ALTER INDEX {s}.read_audit_record RENAME TO read_audit_per_record_record`,
      `ALTER INDEX {s}.read_audit_subject RENAME TO read_audit_per_record_subject`,
      `ALTER INDEX {s}.read_audit_at RENAME TO read_audit_per_record_at`,
      `CREATE TABLE {s}.read_audit (
        id bigserial NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        request_id uuid NOT NULL,
        subject varchar(128) NOT NULL,
        role varchar(24) NOT NULL,
        client_id uuid,
        client_name varchar(64),
        operation_name varchar(128),
        client_address varchar(64),
        records text[] NOT NULL,
        area_codes text[] COLLATE "C" NOT NULL,
        fields text[] NOT NULL,
        PRIMARY KEY (at, id),
        CHECK (cardinality(records) > 0 AND cardinality(area_codes) = cardinality(records) AND cardinality(fields) = cardinality(records))
      ) PARTITION BY RANGE (at)`,
      `CREATE INDEX read_audit_records ON {s}.read_audit USING gin (records) WITH (fastupdate = off)`,
      `CREATE INDEX read_audit_subject ON {s}.read_audit (subject, at)`,
      `CREATE TRIGGER read_audit_no_change BEFORE UPDATE OR DELETE ON {s}.read_audit
        FOR EACH ROW EXECUTE FUNCTION {s}.read_audit_append_only()`,
      `CREATE TRIGGER read_audit_no_truncate BEFORE TRUNCATE ON {s}.read_audit
        FOR EACH STATEMENT EXECUTE FUNCTION {s}.read_audit_append_only()`,
      `CREATE FUNCTION {s}.read_audit_add_month(at timestamptz) RETURNS text LANGUAGE plpgsql AS $$
        DECLARE
          month date := date_trunc('month', (at + interval '8 hours') AT TIME ZONE 'UTC')::date;
          name text := 'read_audit_' || to_char(month, 'YYYYMM');
          lo timestamptz := (to_char(month, 'YYYY-MM-DD') || ' 00:00:00+08')::timestamptz;
          hi timestamptz := (to_char(month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+08')::timestamptz;
        BEGIN
          IF to_regclass('{s}.' || quote_ident(name)) IS NOT NULL THEN RETURN name; END IF;
          EXECUTE format('CREATE TABLE {s}.%I PARTITION OF {s}.read_audit FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
          EXECUTE format('CREATE TRIGGER read_audit_no_truncate BEFORE TRUNCATE ON {s}.%I FOR EACH STATEMENT EXECUTE FUNCTION {s}.read_audit_append_only()', name);
          RETURN name;
        EXCEPTION WHEN duplicate_table OR duplicate_object THEN
          RETURN name;
        END $$`,
      // the months the rows so far fall in, then the rows, one per request, records in the order written
      `SELECT {s}.read_audit_add_month(m) FROM (SELECT DISTINCT date_trunc('hour', at) AS m FROM {s}.read_audit_per_record) AS hours`,
      `INSERT INTO {s}.read_audit (at, request_id, subject, role, client_id, client_name, operation_name, client_address, records, area_codes, fields)
       SELECT min(at), request_id, subject, role, client_id, client_name, operation_name, client_address,
         array_agg(record_type || ':' || record_id ORDER BY id), array_agg(area_code ORDER BY id), array_agg(array_to_string(fields, ',') ORDER BY id)
       FROM {s}.read_audit_per_record
       GROUP BY request_id, subject, role, client_id, client_name, operation_name, client_address
       ORDER BY min(id)`,
      `DROP TABLE {s}.read_audit_per_record`,
      `CREATE VIEW {s}.read_audit_record AS
       SELECT r.id, e.ord, r.at, r.request_id, r.subject, r.role, r.client_id, r.client_name, r.operation_name, r.client_address,
         r.records AS request_records,
         substring(e.record from '^((?:export:)?[^:]*):') AS record_type,
         regexp_replace(e.record, '^(?:export:)?[^:]*:', '') AS record_id,
         e.record, e.area_code, string_to_array(e.fields, ',') AS fields
       FROM {s}.read_audit r
       CROSS JOIN LATERAL unnest(r.records, r.area_codes, r.fields) WITH ORDINALITY AS e (record, area_code, fields, ord)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.read_audit_per_record (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        request_id uuid NOT NULL,
        subject varchar(128) NOT NULL,
        role varchar(24) NOT NULL,
        client_id uuid,
        client_name varchar(64),
        operation_name varchar(128),
        client_address varchar(64),
        record_type varchar(64) NOT NULL,
        record_id varchar(64) NOT NULL,
        area_code varchar(15) COLLATE "C" NOT NULL,
        fields varchar(64)[] NOT NULL
      )`,
      `INSERT INTO {s}.read_audit_per_record (at, request_id, subject, role, client_id, client_name, operation_name, client_address, record_type, record_id, area_code, fields)
       SELECT at, request_id, subject, role, client_id, client_name, operation_name, client_address, record_type, record_id, area_code, fields
       FROM {s}.read_audit_record ORDER BY at, id, ord`,
      `DROP VIEW {s}.read_audit_record`,
      `DROP TABLE {s}.read_audit`,
      `DROP FUNCTION {s}.read_audit_add_month(timestamptz)`,
      `ALTER TABLE {s}.read_audit_per_record RENAME TO read_audit`,
      `CREATE INDEX read_audit_record ON {s}.read_audit (record_type, record_id, id)`,
      `CREATE INDEX read_audit_subject ON {s}.read_audit (subject, id)`,
      `CREATE INDEX read_audit_at ON {s}.read_audit (at)`,
      `CREATE TRIGGER read_audit_no_change BEFORE UPDATE OR DELETE ON {s}.read_audit
        FOR EACH ROW EXECUTE FUNCTION {s}.read_audit_append_only()`,
      `CREATE TRIGGER read_audit_no_truncate BEFORE TRUNCATE ON {s}.read_audit
        FOR EACH STATEMENT EXECUTE FUNCTION {s}.read_audit_append_only()`,
    ]);
  }
}
