import { APP_ROLE, inScope, isAncestor, rowLevelSecurityMigration } from '../../../platform/security/row-level-security';

/**
 * An ID number is registered once in the whole prefecture: registration asks which of some
 * numbers an active person already holds (and in which county), whatever the caller's
 * jurisdiction. Runs as the owner and returns those two columns only.
 */
const REGISTERED_ID_NUMBERS = [
  `CREATE FUNCTION {s}.registered_id_numbers(numbers text[], except_person uuid) RETURNS TABLE (id_number text, county_code text)
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
     SELECT p.id_number::text, p.county_code::text FROM {s}.person p
      WHERE p.id_number = ANY (numbers) AND p.status = 'ACTIVE' AND p.id IS DISTINCT FROM except_person
   $fn$`,
  `REVOKE ALL ON FUNCTION {s}.registered_id_numbers(text[], uuid) FROM PUBLIC`,
  `GRANT EXECUTE ON FUNCTION {s}.registered_id_numbers(text[], uuid) TO ${APP_ROLE}`,
];

/**
 * The serving role and its policies: households and persons by area; areas inside the
 * jurisdiction or above it (navigation). Power stations are public reference data: no policy.
 */
export const HouseholdsRowLevelSecurity1732900000000 = rowLevelSecurityMigration('HouseholdsRowLevelSecurity1732900000000', {
  tables: ['admin_area', 'power_station', 'household', 'person'],
  secured: [
    { table: 'admin_area', using: `${inScope('code')} OR ${isAncestor('code')}`, check: inScope('code') },
    { table: 'household' },
    { table: 'person' },
  ],
  probes: [
    { table: 'admin_area', column: 'code', type: 'text' },
    { table: 'household', column: 'id', type: 'uuid' },
    { table: 'household', column: 'registry_no', type: 'text' },
    { table: 'person', column: 'id', type: 'uuid' },
  ],
  extra: { up: REGISTERED_ID_NUMBERS, down: ['DROP FUNCTION {s}.registered_id_numbers(text[], uuid)'] },
});

