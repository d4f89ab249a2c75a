import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GRANT_IMPORT_TABLES, REVOKE_IMPORT_TABLES } from '../../../platform/imports/import-runs.migration';
import { runStatements } from '../../../platform/db/migration-helpers';

/** The serving role may record and read import runs and their problems. */
export class ImportRunsServing1764400000001 implements MigrationInterface {
  name = 'ImportRunsServing1764400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, GRANT_IMPORT_TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, REVOKE_IMPORT_TABLES);
  }
}
