import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_IMPORT_TABLES, DROP_IMPORT_TABLES } from '../../../platform/imports/import-runs.migration';
import { runStatements } from '../../../platform/db/migration-helpers';

/** Imports of registry files and the problems they found. */
export class ImportRuns1764400000000 implements MigrationInterface {
  name = 'ImportRuns1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, CREATE_IMPORT_TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, DROP_IMPORT_TABLES);
  }
}
