import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';

/**
 * The numbers clerks know surveyed records by, the natural keys of the land-parcels and
 * original-houses sheets: a parcel's number inside its village (地块编号), a house's number inside
 * its household (房屋编号). Records already there are numbered in the order they were surveyed.
 */
export class LandHousingSurveyNumbers1764430000001 implements MigrationInterface {
  name = 'LandHousingSurveyNumbers1764430000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `SELECT set_config('zrg.source', 'migration ${this.name}', true)`,
      `ALTER TABLE {s}.land_parcel ADD COLUMN parcel_no varchar(32) COLLATE "C"`,
      `UPDATE {s}.land_parcel p SET parcel_no = n.no FROM (
         SELECT id, lpad((row_number() OVER (PARTITION BY village_code ORDER BY surveyed_on, id))::text, 4, '0') AS no FROM {s}.land_parcel
       ) n WHERE n.id = p.id`,
      `ALTER TABLE {s}.land_parcel ALTER COLUMN parcel_no SET NOT NULL`,
      `CREATE UNIQUE INDEX land_parcel_number_idx ON {s}.land_parcel (village_code, parcel_no)`,
      `ALTER TABLE {s}.original_house ADD COLUMN house_no varchar(32) COLLATE "C"`,
      `UPDATE {s}.original_house h SET house_no = n.no FROM (
         SELECT id, (row_number() OVER (PARTITION BY household_id ORDER BY surveyed_on, id))::text AS no FROM {s}.original_house
       ) n WHERE n.id = h.id`,
      `ALTER TABLE {s}.original_house ALTER COLUMN house_no SET NOT NULL`,
      `CREATE UNIQUE INDEX original_house_number_idx ON {s}.original_house (household_id, house_no)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`ALTER TABLE {s}.original_house DROP COLUMN house_no`, `ALTER TABLE {s}.land_parcel DROP COLUMN parcel_no`]);
  }
}
