import type { MigrationInterface, QueryRunner } from 'typeorm';
import { oneOf, runStatements } from '../../../platform/db/migration-helpers';

/** Every table carries the area and county of its record (COLLATE "C", indexed): reads are scoped in SQL. */
const AREA = `area_code varchar(15) COLLATE "C" NOT NULL, county_code varchar(6) COLLATE "C" NOT NULL`;
const areaIndexes = (table: string) => [
  `CREATE INDEX ${table}_area_idx ON {s}.${table} (area_code)`,
  `CREATE INDEX ${table}_county_idx ON {s}.${table} (county_code)`,
];

export class PartyBuildingSchema1732500000000 implements MigrationInterface {
  name = 'PartyBuildingSchema1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.party_organisation (
        id uuid PRIMARY KEY,
        name varchar(64) NOT NULL,
        level varchar(16) NOT NULL ${oneOf('level', ['LEADING_GROUP', 'BRANCH', 'SMALL_GROUP', 'RED_GRID'])},
        parent_id uuid REFERENCES {s}.party_organisation (id),
        ${AREA}
      )`,
      ...areaIndexes('party_organisation'),
      `CREATE INDEX party_organisation_parent_idx ON {s}.party_organisation (parent_id)`,
      `CREATE TABLE {s}.grid (
        id uuid PRIMARY KEY,
        name varchar(64) NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        organisation_id uuid REFERENCES {s}.party_organisation (id),
        ${AREA},
        UNIQUE (area_code, number)
      )`,
      ...areaIndexes('grid'),
      `CREATE INDEX grid_organisation_idx ON {s}.grid (organisation_id)`,
      `CREATE TABLE {s}.grid_unit (
        id uuid PRIMARY KEY,
        grid_id uuid NOT NULL REFERENCES {s}.grid (id),
        name varchar(64) NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        manager_person_id uuid,
        ${AREA},
        UNIQUE (grid_id, number)
      )`,
      ...areaIndexes('grid_unit'),
      `CREATE TABLE {s}.household_unit (
        household_id uuid PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES {s}.grid_unit (id),
        grid_id uuid NOT NULL REFERENCES {s}.grid (id),
        assigned_on date NOT NULL,
        ${AREA}
      )`,
      ...areaIndexes('household_unit'),
      `CREATE INDEX household_unit_unit_idx ON {s}.household_unit (unit_id)`,
      `CREATE INDEX household_unit_grid_idx ON {s}.household_unit (grid_id)`,
      `CREATE TABLE {s}.cadre (
        id uuid PRIMARY KEY,
        name varchar(32) NOT NULL,
        work_unit varchar(64) NOT NULL,
        party_member boolean NOT NULL,
        grid_id uuid REFERENCES {s}.grid (id),
        ${AREA}
      )`,
      ...areaIndexes('cadre'),
      `CREATE INDEX cadre_grid_idx ON {s}.cadre (grid_id)`,
      `CREATE TABLE {s}.cadre_pairing (
        id uuid PRIMARY KEY,
        cadre_id uuid NOT NULL REFERENCES {s}.cadre (id),
        household_id uuid NOT NULL,
        started_on date NOT NULL,
        ended_on date,
        ${AREA},
        CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`,
      ...areaIndexes('cadre_pairing'),
      `CREATE INDEX cadre_pairing_household_idx ON {s}.cadre_pairing (household_id)`,
      `CREATE INDEX cadre_pairing_cadre_idx ON {s}.cadre_pairing (cadre_id)`,
      `CREATE UNIQUE INDEX cadre_pairing_active_uq ON {s}.cadre_pairing (cadre_id, household_id) WHERE ended_on IS NULL`,
      `CREATE TABLE {s}.cadre_visit (
        id uuid PRIMARY KEY,
        cadre_id uuid NOT NULL REFERENCES {s}.cadre (id),
        household_id uuid NOT NULL,
        visited_on date NOT NULL,
        notes varchar(500) NOT NULL,
        follow_up varchar(500),
        follow_up_due date,
        ${AREA}
      )`,
      ...areaIndexes('cadre_visit'),
      `CREATE INDEX cadre_visit_household_idx ON {s}.cadre_visit (household_id, visited_on)`,
      `CREATE TABLE {s}.party_activity (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES {s}.party_organisation (id),
        type varchar(32) NOT NULL ${oneOf('type', ['BRANCH_GENERAL_MEETING', 'BRANCH_COMMITTEE_MEETING', 'SMALL_GROUP_MEETING', 'PARTY_LESSON', 'THEME_PARTY_DAY', 'MICRO_LECTURE', 'COURTYARD_MEETING', 'POLICY_BRIEFING', 'LEGAL_TALK'])},
        held_on date NOT NULL,
        topic varchar(200) NOT NULL,
        attendees integer NOT NULL CHECK (attendees > 0),
        ${AREA}
      )`,
      ...areaIndexes('party_activity'),
      `CREATE INDEX party_activity_organisation_idx ON {s}.party_activity (organisation_id, held_on)`,
      `CREATE TABLE {s}.governance_case (
        id uuid PRIMARY KEY,
        case_no varchar(32) COLLATE "C" NOT NULL UNIQUE,
        category varchar(24) NOT NULL ${oneOf('category', ['GRID_PROBLEM', 'LIVELIHOOD_TASK', 'DISPUTE_MEDIATION', 'PETITION'])},
        title varchar(100) NOT NULL,
        description varchar(1000),
        household_id uuid,
        grid_id uuid REFERENCES {s}.grid (id),
        first_responsible_id uuid NOT NULL REFERENCES {s}.cadre (id),
        assignee_id uuid REFERENCES {s}.cadre (id),
        status varchar(16) NOT NULL ${oneOf('status', ['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED'])},
        opened_on date NOT NULL,
        deadline date NOT NULL CHECK (deadline >= opened_on),
        closed_on date,
        outcome varchar(1000),
        ${AREA}
      )`,
      ...areaIndexes('governance_case'),
      `CREATE INDEX governance_case_household_idx ON {s}.governance_case (household_id)`,
      `CREATE INDEX governance_case_status_idx ON {s}.governance_case (status, deadline)`,
      `CREATE TABLE {s}.case_transition (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES {s}.governance_case (id),
        from_status varchar(16) ${oneOf('from_status', ['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED'])},
        to_status varchar(16) NOT NULL ${oneOf('to_status', ['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'ESCALATED'])},
        actor varchar(128) NOT NULL,
        at timestamptz NOT NULL,
        note varchar(1000),
        ${AREA}
      )`,
      ...areaIndexes('case_transition'),
      `CREATE INDEX case_transition_case_idx ON {s}.case_transition (case_id, at)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      'case_transition', 'governance_case', 'party_activity', 'cadre_visit', 'cadre_pairing', 'cadre', 'household_unit', 'grid_unit', 'grid', 'party_organisation',
    ].map((t) => `DROP TABLE {s}.${t}`));
  }
}
