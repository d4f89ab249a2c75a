import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';
import { inScope, isAncestor, keyProbeFunction, type KeyProbe } from '../../../platform/security/row-level-security';

/** The key probes of `1765000000001-row-level-security.ts`, as released. */
const PROBES: KeyProbe[] = [
  { table: 'registry_person', column: 'person_id', type: 'uuid' },
  { table: 'registry_household', column: 'household_id', type: 'uuid' },
  { table: 'verification', column: 'id', type: 'uuid' },
  { table: 'verification_entry', column: 'id', type: 'uuid' },
  { table: 'payment_standard', column: 'id', type: 'uuid' },
  { table: 'payment_cycle', column: 'id', type: 'uuid' },
  { table: 'payment_line', column: 'id', type: 'uuid' },
  { table: 'ledger_entry', column: 'id', type: 'uuid' },
  { table: 'support_project', column: 'id', type: 'uuid' },
];

/**
 * What the support files need of the database:
 * - a county's verification (its year and whether it is open, no person in it) is visible from
 *   below, as standards are: a community worker returning results for their groups must know the
 *   county's year is open; it is still written only inside the jurisdiction (the county office);
 * - a cycle named by its code (the bank files name cycles so) outside the caller's counties is
 *   FORBIDDEN, not NOT_FOUND: the key probe answers for `payment_cycle.code` too.
 */
export class SupportFiles1765000000007 implements MigrationInterface {
  name = 'SupportFiles1765000000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `ALTER POLICY jurisdiction ON {s}.verification USING (${inScope('area_code')} OR ${isAncestor('area_code')}) WITH CHECK (${inScope('area_code')})`,
      keyProbeFunction([...PROBES, { table: 'payment_cycle', column: 'code', type: 'text' }]),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      keyProbeFunction(PROBES),
      `ALTER POLICY jurisdiction ON {s}.verification USING (${inScope('area_code')}) WITH CHECK (${inScope('area_code')})`,
    ]);
  }
}
