import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';

const BEFORE = `('HOUSEHOLD_REGISTERED', 'HOUSEHOLD_MOVED', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'ID_NUMBER_CORRECTED')`;
const AFTER = `('HOUSEHOLD_REGISTERED', 'HOUSEHOLD_MOVED', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'ID_NUMBER_CORRECTED', 'PERSON_UPDATED')`;

/**
 * `PERSON_UPDATED`: a person's name, production mode or birth date changed (`updatePerson`, the
 * persons sheet), so that support's lists and annual compensation follow (docs/registry-events.md).
 */
export class HouseholdsPersonUpdatedEvent1765500000000 implements MigrationInterface {
  name = 'HouseholdsPersonUpdatedEvent1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      'ALTER TABLE {s}.registry_event DROP CONSTRAINT registry_event_type_check',
      `ALTER TABLE {s}.registry_event ADD CONSTRAINT registry_event_type_check CHECK (type IN ${AFTER})`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `DELETE FROM {s}.registry_event WHERE type = 'PERSON_UPDATED'`,
      'ALTER TABLE {s}.registry_event DROP CONSTRAINT registry_event_type_check',
      `ALTER TABLE {s}.registry_event ADD CONSTRAINT registry_event_type_check CHECK (type IN ${BEFORE})`,
    ]);
  }
}
