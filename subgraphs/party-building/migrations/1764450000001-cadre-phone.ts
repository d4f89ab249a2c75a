import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';
import { keyProbeFunction } from '../../../platform/security/row-level-security';
import { PARTY_BUILDING_PROBES } from './1732900000000-row-level-security';

/**
 * A cadre's mobile phone: how clerks tell cadres apart in the cadres and pairings sheets (the
 * cadres sheet's natural key), unique. Cadres recorded before (the demo's) get a number of the
 * demo's series (`138` then 8 digits, in the order of county, area and id), as the demo generator
 * now gives them. The owner-run key probe answers for it, so an import can tell a cadre of
 * another county from an unknown one.
 */
export class CadrePhone1764450000001 implements MigrationInterface {
  name = 'CadrePhone1764450000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `ALTER TABLE {s}.cadre ADD COLUMN phone varchar(11) COLLATE "C"`,
      `UPDATE {s}.cadre c SET phone = '138' || lpad(n.rn::text, 8, '0')
         FROM (SELECT id, row_number() OVER (ORDER BY county_code, area_code, id) AS rn FROM {s}.cadre) n WHERE n.id = c.id`,
      `ALTER TABLE {s}.cadre ALTER COLUMN phone SET NOT NULL`,
      `CREATE UNIQUE INDEX cadre_phone_uq ON {s}.cadre (phone)`,
      keyProbeFunction([...PARTY_BUILDING_PROBES, { table: 'cadre', column: 'phone', type: 'text' }]),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [keyProbeFunction(PARTY_BUILDING_PROBES), `ALTER TABLE {s}.cadre DROP COLUMN phone`]);
  }
}
