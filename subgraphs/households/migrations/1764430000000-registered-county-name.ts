import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';
import { APP_ROLE } from '../../../platform/security/row-level-security';

const grant = [
  `REVOKE ALL ON FUNCTION {s}.registered_id_numbers(text[], uuid) FROM PUBLIC`,
  `GRANT EXECUTE ON FUNCTION {s}.registered_id_numbers(text[], uuid) TO ${APP_ROLE}`,
];

/**
 * `registered_id_numbers` also names the county a number is registered in: a duplicate outside
 * the caller's jurisdiction is reported by its county's name ("已在永善县登记"), never by the
 * other record's registry number or anything else of it. County names are public; the rest of
 * the other county's areas stay hidden (row-level security).
 */
export class HouseholdsRegisteredCountyName1764430000000 implements MigrationInterface {
  name = 'HouseholdsRegisteredCountyName1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      'DROP FUNCTION {s}.registered_id_numbers(text[], uuid)',
      `CREATE FUNCTION {s}.registered_id_numbers(numbers text[], except_person uuid) RETURNS TABLE (id_number text, county_code text, county_name text)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
         SELECT p.id_number::text, p.county_code::text, coalesce(a.name, p.county_code)::text FROM {s}.person p
           LEFT JOIN {s}.admin_area a ON a.code = p.county_code
          WHERE p.id_number = ANY (numbers) AND p.status = 'ACTIVE' AND p.id IS DISTINCT FROM except_person
       $fn$`,
      ...grant,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      'DROP FUNCTION {s}.registered_id_numbers(text[], uuid)',
      `CREATE FUNCTION {s}.registered_id_numbers(numbers text[], except_person uuid) RETURNS TABLE (id_number text, county_code text)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
         SELECT p.id_number::text, p.county_code::text FROM {s}.person p
          WHERE p.id_number = ANY (numbers) AND p.status = 'ACTIVE' AND p.id IS DISTINCT FROM except_person
       $fn$`,
      ...grant,
    ]);
  }
}
