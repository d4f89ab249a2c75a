import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';
import { APP_ROLE } from '../../../platform/security/row-level-security';

/** A function the serving role may call (and no one else). */
const grant = (signature: string) => [`REVOKE ALL ON FUNCTION {s}.${signature} FROM PUBLIC`, `GRANT EXECUTE ON FUNCTION {s}.${signature} TO ${APP_ROLE}`];

/**
 * A county office records a person's subsidy card (`recordSubsidyCard`, `services/subsidy-card.service.ts`):
 * - `subsidy_card.id_number`: the ID number the office recorded with the card (its holder's),
 *   so the card's change history shows who recorded which number; empty for cards whose holder's
 *   number came from the registry (the demo's);
 * - an ID number held by another active person, or a card number held by another person, is
 *   refused whichever county holds it: `held_id_numbers` and `held_card_numbers` look past
 *   row-level security (as the owner) and answer the holder's id and county (a message names
 *   the county only), each indexed; a sheet asks for a chunk's numbers at once.
 */
export class SupportSubsidyCards1765500000001 implements MigrationInterface {
  name = 'SupportSubsidyCards1765500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `ALTER TABLE {s}.subsidy_card ADD COLUMN id_number varchar(18) COLLATE "C" CHECK (id_number ~ '^[0-9]{17}[0-9X]$')`,
      'CREATE INDEX registry_person_id_number_idx ON {s}.registry_person (id_number)',
      'CREATE INDEX subsidy_card_card_no_idx ON {s}.subsidy_card (card_no)',
      `CREATE FUNCTION {s}.held_id_numbers(numbers text[]) RETURNS TABLE (id_number text, person_id uuid, county_code text)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
         SELECT p.id_number::text, p.person_id, p.county_code::text FROM {s}.registry_person p WHERE p.id_number = ANY (numbers) AND p.status = 'ACTIVE'
       $fn$`,
      ...grant('held_id_numbers(text[])'),
      `CREATE FUNCTION {s}.held_card_numbers(numbers text[]) RETURNS TABLE (card_no text, person_id uuid, county_code text)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
         SELECT c.card_no::text, c.person_id, c.county_code::text FROM {s}.subsidy_card c WHERE c.card_no = ANY (numbers)
       $fn$`,
      ...grant('held_card_numbers(text[])'),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      'DROP FUNCTION {s}.held_card_numbers(text[])',
      'DROP FUNCTION {s}.held_id_numbers(text[])',
      'DROP INDEX {s}.subsidy_card_card_no_idx',
      'DROP INDEX {s}.registry_person_id_number_idx',
      'ALTER TABLE {s}.subsidy_card DROP COLUMN id_number',
    ]);
  }
}
