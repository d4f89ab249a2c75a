import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';

/**
 * The read audit: one row per record whose sensitive fields a request read in full. Append-only:
 * the gateway only inserts, no endpoint changes or deletes, and a trigger refuses UPDATE, DELETE
 * and TRUNCATE for anyone connecting to the database.
 */
export class ReadAudit1732600000000 implements MigrationInterface {
  name = 'ReadAudit1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.read_audit (
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
      `CREATE INDEX read_audit_record ON {s}.read_audit (record_type, record_id, id)`,
      `CREATE INDEX read_audit_subject ON {s}.read_audit (subject, id)`,
      `CREATE INDEX read_audit_at ON {s}.read_audit (at)`,
      `CREATE FUNCTION {s}.read_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'read_audit is append-only'; END $$`,
      `CREATE TRIGGER read_audit_no_change BEFORE UPDATE OR DELETE ON {s}.read_audit
        FOR EACH ROW EXECUTE FUNCTION {s}.read_audit_append_only()`,
      `CREATE TRIGGER read_audit_no_truncate BEFORE TRUNCATE ON {s}.read_audit
        FOR EACH STATEMENT EXECUTE FUNCTION {s}.read_audit_append_only()`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE {s}.read_audit`, `DROP FUNCTION {s}.read_audit_append_only()`]);
  }
}
