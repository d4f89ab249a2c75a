import type { MigrationInterface, QueryRunner } from 'typeorm';
import { oneOf, runStatements } from '../../../platform/db/migration-helpers';

/** Registry rows carry the county and area code of the person/household/area they belong to (scoping). */
export class EmploymentSchema1732250000000 implements MigrationInterface {
  name = 'EmploymentSchema1732250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.labour_status (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL UNIQUE,
        household_id uuid NOT NULL,
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        birth_date date NOT NULL,
        status varchar(24) NOT NULL ${oneOf('status', ['EMPLOYED', 'UNEMPLOYED_SEEKING', 'STUDENT', 'DISABLED', 'CARING', 'RETIRED'])},
        verified_on date NOT NULL,
        note varchar(200)
      )`,
      `CREATE INDEX labour_status_area_idx ON {s}.labour_status (area_code)`,
      `CREATE INDEX labour_status_county_idx ON {s}.labour_status (county_code)`,
      `CREATE TABLE {s}.employer (
        id uuid PRIMARY KEY,
        name varchar(64) NOT NULL,
        kind varchar(24) NOT NULL ${oneOf('kind', ['ASSISTANCE_WORKSHOP', 'ENTERPRISE', 'COOPERATIVE', 'PUBLIC_BODY'])},
        sector varchar(32) NOT NULL,
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        contact_name varchar(32),
        contact_phone varchar(20)
      )`,
      `CREATE INDEX employer_area_idx ON {s}.employer (area_code)`,
      `CREATE INDEX employer_county_idx ON {s}.employer (county_code)`,
      `CREATE TABLE {s}.placement (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        household_id uuid NOT NULL,
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        type varchar(24) NOT NULL ${oneOf('type', ['LOCAL_ENTERPRISE', 'ASSISTANCE_WORKSHOP', 'PUBLIC_WELFARE_POST', 'LABOUR_EXPORT', 'SELF_EMPLOYED'])},
        employer_id uuid REFERENCES {s}.employer (id),
        destination_province varchar(8),
        self_employment_kind varchar(24) ${oneOf('self_employment_kind', ['RESTAURANT', 'BED_AND_BREAKFAST', 'E_COMMERCE', 'SHOP', 'TRANSPORT', 'OTHER'])},
        full_time boolean NOT NULL,
        start_date date NOT NULL,
        end_date date,
        monthly_wage integer CHECK (monthly_wage >= 0),
        end_reason varchar(200),
        CHECK (end_date IS NULL OR end_date >= start_date)
      )`,
      `CREATE INDEX placement_person_idx ON {s}.placement (person_id)`,
      `CREATE INDEX placement_area_idx ON {s}.placement (area_code)`,
      `CREATE INDEX placement_county_idx ON {s}.placement (county_code)`,
      `CREATE INDEX placement_employer_idx ON {s}.placement (employer_id)`,
      `CREATE INDEX placement_type_idx ON {s}.placement (type, area_code)`,
      // backstop for "no overlapping full-time placements": at most one open one per person
      `CREATE UNIQUE INDEX placement_open_full_time_uq ON {s}.placement (person_id) WHERE full_time AND end_date IS NULL`,
      `CREATE TABLE {s}.training_course (
        id uuid PRIMARY KEY,
        name varchar(64) NOT NULL,
        kind varchar(24) NOT NULL ${oneOf('kind', ['PRACTICAL_TECHNOLOGY', 'VOCATIONAL_SKILL', 'VOCATIONAL_EDUCATION'])},
        provider varchar(64) NOT NULL,
        hours integer NOT NULL CHECK (hours > 0),
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL
      )`,
      `CREATE INDEX training_course_area_idx ON {s}.training_course (area_code)`,
      `CREATE INDEX training_course_county_idx ON {s}.training_course (county_code)`,
      `CREATE TABLE {s}.training_session (
        id uuid PRIMARY KEY,
        course_id uuid NOT NULL REFERENCES {s}.training_course (id),
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        venue varchar(64) NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        CHECK (ends_on >= starts_on)
      )`,
      `CREATE INDEX training_session_course_idx ON {s}.training_session (course_id)`,
      `CREATE INDEX training_session_area_idx ON {s}.training_session (area_code)`,
      `CREATE INDEX training_session_county_idx ON {s}.training_session (county_code)`,
      `CREATE TABLE {s}.training_enrolment (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES {s}.training_session (id),
        course_id uuid NOT NULL REFERENCES {s}.training_course (id),
        course_kind varchar(24) NOT NULL ${oneOf('course_kind', ['PRACTICAL_TECHNOLOGY', 'VOCATIONAL_SKILL', 'VOCATIONAL_EDUCATION'])},
        person_id uuid NOT NULL,
        household_id uuid NOT NULL,
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        status varchar(16) NOT NULL ${oneOf('status', ['ENROLLED', 'COMPLETED', 'DROPPED'])},
        enrolled_on date NOT NULL,
        completed_on date,
        certificate_no varchar(32),
        UNIQUE (session_id, person_id)
      )`,
      `CREATE INDEX training_enrolment_person_idx ON {s}.training_enrolment (person_id)`,
      `CREATE INDEX training_enrolment_area_idx ON {s}.training_enrolment (area_code)`,
      `CREATE INDEX training_enrolment_county_idx ON {s}.training_enrolment (county_code)`,
      `CREATE TABLE {s}.income_survey (
        id uuid PRIMARY KEY,
        household_id uuid NOT NULL,
        area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        household_size integer NOT NULL CHECK (household_size BETWEEN 1 AND 30),
        net_income integer NOT NULL CHECK (net_income >= 0),
        per_capita_net_income integer NOT NULL CHECK (per_capita_net_income >= 0),
        surveyed_on date NOT NULL,
        UNIQUE (household_id, year)
      )`,
      `CREATE INDEX income_survey_area_idx ON {s}.income_survey (area_code, year)`,
      `CREATE INDEX income_survey_county_idx ON {s}.income_survey (county_code)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `DROP TABLE {s}.income_survey`,
      `DROP TABLE {s}.training_enrolment`,
      `DROP TABLE {s}.training_session`,
      `DROP TABLE {s}.training_course`,
      `DROP TABLE {s}.placement`,
      `DROP TABLE {s}.employer`,
      `DROP TABLE {s}.labour_status`,
    ]);
  }
}
