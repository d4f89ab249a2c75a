import type { MigrationInterface, QueryRunner } from 'typeorm';
import { oneOf, runStatements } from '../../shared/migration-helpers';
import { ImportRunStatus } from '../imports/import.enums';

/** Imports of registry files and the problems they found. */
export class ImportRuns1764400000000 implements MigrationInterface {
  name = 'ImportRuns1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.import_run (
        id uuid PRIMARY KEY,
        sheet varchar(32) NOT NULL,
        file_name varchar(200) NOT NULL,
        subject varchar(128) NOT NULL,
        area_codes varchar[] NOT NULL,
        commit_requested boolean NOT NULL,
        status varchar(16) NOT NULL ${oneOf('status', ImportRunStatus)},
        rows_read integer NOT NULL DEFAULT 0,
        rows_validated integer NOT NULL DEFAULT 0,
        rows_written integer NOT NULL DEFAULT 0,
        inserted integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        problem_count integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL,
        finished_at timestamptz
      )`,
      `CREATE TABLE {s}.import_problem (
        run_id uuid NOT NULL REFERENCES {s}.import_run (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        row_number integer NOT NULL,
        column_name varchar(64),
        original_value text,
        message_zh text NOT NULL,
        message_en text NOT NULL,
        PRIMARY KEY (run_id, seq)
      )`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE {s}.import_problem`, `DROP TABLE {s}.import_run`]);
  }
}
