import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_IMPORT_TABLES, DROP_IMPORT_TABLES, GRANT_IMPORT_TABLES, REVOKE_IMPORT_TABLES } from '../../../platform/imports/import-runs.migration';
import { runStatements } from '../../../platform/db/migration-helpers';
import { APP_ROLE } from '../../../platform/security/row-level-security';

/**
 * Imports of the employment sheets (runs and their problems), and the natural keys the sheets
 * need: a training session's code (班次编号, `PX000001` …, numbered in the order of the sessions'
 * first days for the sessions already there, then by a sequence), and one placement per person
 * and start date.
 */
export class EmploymentImportSheets1764440000000 implements MigrationInterface {
  name = 'EmploymentImportSheets1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      ...CREATE_IMPORT_TABLES,
      ...GRANT_IMPORT_TABLES,
      `CREATE SEQUENCE {s}.training_session_code_seq`,
      `ALTER TABLE {s}.training_session ADD COLUMN code varchar(16) COLLATE "C"`,
      `UPDATE {s}.training_session s SET code = 'PX' || lpad(n.seq::text, 6, '0')
         FROM (SELECT id, row_number() OVER (ORDER BY starts_on, id) AS seq FROM {s}.training_session) n WHERE n.id = s.id`,
      `SELECT setval('{s}.training_session_code_seq', (SELECT count(*) + 1 FROM {s}.training_session), false)`,
      `ALTER TABLE {s}.training_session ALTER COLUMN code SET DEFAULT 'PX' || lpad(nextval('{s}.training_session_code_seq')::text, 6, '0')`,
      `ALTER TABLE {s}.training_session ALTER COLUMN code SET NOT NULL`,
      `CREATE UNIQUE INDEX training_session_code_uq ON {s}.training_session (code)`,
      `GRANT USAGE, SELECT ON SEQUENCE {s}.training_session_code_seq TO ${APP_ROLE}`,
      `CREATE UNIQUE INDEX placement_person_start_uq ON {s}.placement (person_id, start_date)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `DROP INDEX {s}.placement_person_start_uq`,
      `ALTER TABLE {s}.training_session DROP COLUMN code`,
      `DROP SEQUENCE {s}.training_session_code_seq`,
      ...REVOKE_IMPORT_TABLES,
      ...DROP_IMPORT_TABLES,
    ]);
  }
}
