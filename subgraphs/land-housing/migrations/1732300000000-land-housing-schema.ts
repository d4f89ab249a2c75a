import type { MigrationInterface, QueryRunner } from 'typeorm';
import { oneOf, runStatements } from '../../../platform/db/migration-helpers';

export class LandHousingSchema1732300000000 implements MigrationInterface {
  name = 'LandHousingSchema1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.household_ref (
        id uuid PRIMARY KEY,
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL
      )`,
      `CREATE INDEX household_ref_area_idx ON {s}.household_ref (area_code)`,
      `CREATE TABLE {s}.land_parcel (
        id uuid PRIMARY KEY,
        station_id varchar(16) NOT NULL ${oneOf('station_id', ['BAIHETAN', 'XILUODU', 'XIANGJIABA'])},
        owner_kind varchar(16) NOT NULL ${oneOf('owner_kind', ['HOUSEHOLD', 'COLLECTIVE'])},
        household_id uuid REFERENCES {s}.household_ref (id),
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        village_code varchar(12) COLLATE "C" NOT NULL,
        land_use varchar(16) NOT NULL ${oneOf('land_use', ['CULTIVATED', 'ORCHARD', 'FOREST', 'HOMESTEAD', 'OTHER'])},
        area_mu numeric(10, 2) NOT NULL CHECK (area_mu > 0),
        surveyed_on date NOT NULL,
        CHECK ((owner_kind = 'HOUSEHOLD') = (household_id IS NOT NULL))
      )`,
      `CREATE INDEX land_parcel_area_idx ON {s}.land_parcel (area_code) INCLUDE (land_use, owner_kind, area_mu)`,
      `CREATE INDEX land_parcel_household_idx ON {s}.land_parcel (household_id)`,
      `CREATE INDEX land_parcel_village_idx ON {s}.land_parcel (village_code)`,
      `CREATE TABLE {s}.original_house (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES {s}.household_ref (id),
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        village_code varchar(12) COLLATE "C" NOT NULL,
        structure varchar(16) NOT NULL ${oneOf('structure', ['FRAME', 'BRICK_CONCRETE', 'BRICK_WOOD', 'EARTH_WOOD', 'SHED'])},
        floor_area numeric(10, 2) NOT NULL CHECK (floor_area > 0),
        surveyed_on date NOT NULL
      )`,
      `CREATE INDEX original_house_area_idx ON {s}.original_house (area_code) INCLUDE (structure, floor_area)`,
      `CREATE INDEX original_house_household_idx ON {s}.original_house (household_id)`,
      `CREATE TABLE {s}.resettlement_site (
        id uuid PRIMARY KEY,
        name varchar(64) NOT NULL,
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        relocation_type varchar(24) NOT NULL ${oneOf('relocation_type', ['URBAN', 'CENTRALISED_RURAL'])},
        construction_mode varchar(24) NOT NULL ${oneOf('construction_mode', ['UNIFIED', 'INFRASTRUCTURE_UNIFIED', 'SELF_BUILT'])},
        capacity integer NOT NULL CHECK (capacity > 0),
        max_extra_area numeric(6, 2) CHECK (max_extra_area >= 0),
        UNIQUE (area_code, name)
      )`,
      `CREATE TABLE {s}.building (
        id uuid PRIMARY KEY,
        site_id uuid NOT NULL REFERENCES {s}.resettlement_site (id),
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        number varchar(16) NOT NULL,
        floors integer NOT NULL CHECK (floors BETWEEN 1 AND 60),
        UNIQUE (site_id, number)
      )`,
      `CREATE INDEX building_area_idx ON {s}.building (area_code)`,
      `CREATE TABLE {s}.building_unit (
        id uuid PRIMARY KEY,
        building_id uuid NOT NULL REFERENCES {s}.building (id),
        site_id uuid NOT NULL REFERENCES {s}.resettlement_site (id),
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        number varchar(16) NOT NULL,
        UNIQUE (building_id, number)
      )`,
      `CREATE INDEX building_unit_area_idx ON {s}.building_unit (area_code)`,
      `CREATE TABLE {s}.flat (
        id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES {s}.building_unit (id),
        building_id uuid NOT NULL REFERENCES {s}.building (id),
        site_id uuid NOT NULL REFERENCES {s}.resettlement_site (id),
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        floor integer NOT NULL CHECK (floor BETWEEN 1 AND 60),
        number varchar(16) NOT NULL,
        floor_area numeric(8, 2) NOT NULL CHECK (floor_area > 0),
        category varchar(16) NOT NULL ${oneOf('category', ['STANDARD', 'BASIC', 'GUARANTEED'])},
        UNIQUE (unit_id, number)
      )`,
      `CREATE INDEX flat_area_idx ON {s}.flat (area_code) INCLUDE (floor_area)`,
      `CREATE INDEX flat_site_idx ON {s}.flat (site_id)`,
      `CREATE TABLE {s}.allocation (
        id uuid PRIMARY KEY,
        flat_id uuid NOT NULL UNIQUE REFERENCES {s}.flat (id),
        household_id uuid NOT NULL REFERENCES {s}.household_ref (id),
        area_code varchar(15) COLLATE "C" NOT NULL,
        site_area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        swapped_area numeric(8, 2) CHECK (swapped_area > 0),
        allocated_area numeric(8, 2) NOT NULL CHECK (allocated_area > 0),
        settlement varchar(24) NOT NULL ${oneOf('settlement', ['EVEN', 'PAY_DIFFERENCE', 'CASH_COMPENSATION', 'NO_SWAP'])},
        allocated_on date NOT NULL,
        handed_over_on date CHECK (handed_over_on >= allocated_on),
        occupied_on date CHECK (occupied_on >= handed_over_on),
        occupancy_status varchar(16) ${oneOf('occupancy_status', ['OCCUPIED', 'VACANT', 'RENTED_OUT'])},
        CHECK ((handed_over_on IS NULL) = (occupancy_status IS NULL))
      )`,
      `CREATE INDEX allocation_household_idx ON {s}.allocation (household_id)`,
      `CREATE INDEX allocation_area_idx ON {s}.allocation (area_code)`,
      `CREATE INDEX allocation_site_area_idx ON {s}.allocation (site_area_code)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `DROP TABLE {s}.allocation`,
      `DROP TABLE {s}.flat`,
      `DROP TABLE {s}.building_unit`,
      `DROP TABLE {s}.building`,
      `DROP TABLE {s}.resettlement_site`,
      `DROP TABLE {s}.original_house`,
      `DROP TABLE {s}.land_parcel`,
      `DROP TABLE {s}.household_ref`,
    ]);
  }
}
