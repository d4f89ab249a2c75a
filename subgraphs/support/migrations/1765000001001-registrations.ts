import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';

/**
 * Persons the registry registers after support's population was taken are learned from the
 * registry's events, which never carry the ID number: `registry_person.id_number` may be empty
 * for them.
 */
export class SupportRegistrations1765000001001 implements MigrationInterface {
  name = 'SupportRegistrations1765000001001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, ['ALTER TABLE {s}.registry_person ALTER COLUMN id_number DROP NOT NULL']);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, ['ALTER TABLE {s}.registry_person ALTER COLUMN id_number SET NOT NULL']);
  }
}
