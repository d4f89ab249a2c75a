import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_IMPORT_TABLES, DROP_IMPORT_TABLES, GRANT_IMPORT_TABLES, REVOKE_IMPORT_TABLES } from '../../../platform/imports/import-runs.migration';
import { runStatements } from '../../../platform/db/migration-helpers';

/** Imports of the support sheets (the verification list returned, the bank's return file): runs and their problems. */
export class SupportImportRuns1765000000006 implements MigrationInterface {
  name = 'SupportImportRuns1765000000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [...CREATE_IMPORT_TABLES, ...GRANT_IMPORT_TABLES]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [...REVOKE_IMPORT_TABLES, ...DROP_IMPORT_TABLES]);
  }
}
