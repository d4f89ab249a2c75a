import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_IMPORT_TABLES, DROP_IMPORT_TABLES, GRANT_IMPORT_TABLES, REVOKE_IMPORT_TABLES } from '../../../platform/imports/import-runs.migration';
import { runStatements } from '../../../platform/db/migration-helpers';

/** Imports of the land-housing sheets and the problems they found; the serving role records and reads them. */
export class LandHousingImportRuns1764430000000 implements MigrationInterface {
  name = 'LandHousingImportRuns1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [...CREATE_IMPORT_TABLES, ...GRANT_IMPORT_TABLES]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [...REVOKE_IMPORT_TABLES, ...DROP_IMPORT_TABLES]);
  }
}
