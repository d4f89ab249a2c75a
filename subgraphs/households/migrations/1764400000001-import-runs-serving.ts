import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../shared/migration-helpers';
import { APP_ROLE } from '../../shared/row-level-security';

/**
 * The serving role may record and read import runs and their problems. Which runs a caller sees
 * is decided in the query (the run's areas against the jurisdiction); these tables hold no
 * registry rows, only counts and the problems' messages.
 */
export class ImportRunsServing1764400000001 implements MigrationInterface {
  name = 'ImportRunsServing1764400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`GRANT SELECT, INSERT, UPDATE ON {s}.import_run, {s}.import_problem TO ${APP_ROLE}`]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`REVOKE ALL ON {s}.import_run, {s}.import_problem FROM ${APP_ROLE}`]);
  }
}
