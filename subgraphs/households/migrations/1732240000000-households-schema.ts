import type { MigrationInterface, QueryRunner } from 'typeorm';
import { oneOf, runStatements } from '../../../platform/db/migration-helpers';

export class HouseholdsSchema1732240000000 implements MigrationInterface {
  name = 'HouseholdsSchema1732240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.admin_area (
        code varchar(15) COLLATE "C" PRIMARY KEY,
        name varchar(64) NOT NULL,
        level varchar(16) NOT NULL ${oneOf('level', ['PREFECTURE', 'COUNTY', 'TOWNSHIP', 'COMMUNITY', 'GROUP'])},
        parent_code varchar(15) COLLATE "C" REFERENCES {s}.admin_area (code),
        county_code varchar(6) COLLATE "C"
      )`,
      `CREATE INDEX admin_area_parent_idx ON {s}.admin_area (parent_code)`,
      `CREATE INDEX admin_area_level_idx ON {s}.admin_area (level, code)`,
      `CREATE TABLE {s}.power_station (
        id varchar(16) PRIMARY KEY,
        name varchar(32) NOT NULL,
        river varchar(16) NOT NULL,
        capacity_mw integer NOT NULL CHECK (capacity_mw > 0),
        affected_county_codes varchar[] NOT NULL
      )`,
      `CREATE TABLE {s}.household (
        id uuid PRIMARY KEY,
        registry_no varchar(32) COLLATE "C" NOT NULL UNIQUE,
        station_id varchar(16) NOT NULL REFERENCES {s}.power_station (id),
        original_area_code varchar(15) COLLATE "C" NOT NULL REFERENCES {s}.admin_area (code),
        area_code varchar(15) COLLATE "C" NOT NULL REFERENCES {s}.admin_area (code),
        county_code varchar(6) COLLATE "C" NOT NULL,
        relocation_mode varchar(24) NOT NULL ${oneOf('relocation_mode', ['URBANISATION', 'CENTRALISED', 'SCATTERED', 'OUT_MIGRATION', 'WITH_RELATIVES'])},
        housing_mode varchar(24) NOT NULL ${oneOf('housing_mode', ['UNIFIED', 'INFRASTRUCTURE_UNIFIED', 'SELF_BUILT'])},
        head_id uuid,
        status varchar(16) NOT NULL ${oneOf('status', ['REGISTERED', 'RELOCATED', 'CANCELLED'])},
        registered_on date NOT NULL,
        relocated_on date,
        support_cohort varchar(16) ${oneOf('support_cohort', ['EXISTING', 'ORIGINAL'])},
        support_start date,
        support_end date
      )`,
      `CREATE INDEX household_area_idx ON {s}.household (area_code)`,
      `CREATE INDEX household_county_idx ON {s}.household (county_code)`,
      `CREATE INDEX household_station_idx ON {s}.household (station_id)`,
      `CREATE INDEX household_relocation_idx ON {s}.household (relocation_mode, area_code)`,
      `CREATE TABLE {s}.person (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL REFERENCES {s}.household (id),
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        name varchar(32) NOT NULL,
        id_number varchar(18) COLLATE "C" NOT NULL,
        sex varchar(8) NOT NULL ${oneOf('sex', ['MALE', 'FEMALE'])},
        birth_date date NOT NULL,
        ethnicity varchar(16) NOT NULL,
        relation varchar(16) NOT NULL ${oneOf('relation', ['HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'GRANDPARENT', 'SIBLING', 'OTHER'])},
        phone varchar(20),
        production_mode varchar(24) NOT NULL ${oneOf('production_mode', ['ANNUAL_COMPENSATION', 'AGRICULTURAL', 'SELF_EMPLOYMENT', 'PENSION', 'OTHER'])},
        left_behind_elderly boolean NOT NULL DEFAULT false,
        left_behind_child boolean NOT NULL DEFAULT false,
        disabled boolean NOT NULL DEFAULT false,
        minimum_living_allowance boolean NOT NULL DEFAULT false,
        status varchar(16) NOT NULL DEFAULT 'ACTIVE' ${oneOf('status', ['ACTIVE', 'REMOVED'])},
        removal_reason varchar(16) ${oneOf('removal_reason', ['DECEASED', 'MOVED_OUT', 'MARRIED_OUT', 'DUPLICATE', 'OTHER'])},
        removal_note varchar(200),
        removed_on date
      )`,
      `ALTER TABLE {s}.household ADD CONSTRAINT household_head_fk
        FOREIGN KEY (head_id) REFERENCES {s}.person (id) DEFERRABLE INITIALLY DEFERRED`,
      `CREATE INDEX person_household_idx ON {s}.person (household_id)`,
      `CREATE INDEX person_area_idx ON {s}.person (area_code)`,
      `CREATE INDEX person_county_idx ON {s}.person (county_code)`,
      `CREATE INDEX person_name_idx ON {s}.person (name varchar_pattern_ops)`,
      `CREATE INDEX person_id_number_idx ON {s}.person (id_number)`,
      `CREATE UNIQUE INDEX person_id_number_active_uq ON {s}.person (id_number) WHERE status = 'ACTIVE'`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `ALTER TABLE {s}.household DROP CONSTRAINT household_head_fk`,
      `DROP TABLE {s}.person`,
      `DROP TABLE {s}.household`,
      `DROP TABLE {s}.power_station`,
      `DROP TABLE {s}.admin_area`,
    ]);
  }
}
