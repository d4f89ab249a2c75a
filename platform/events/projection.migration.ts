import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../db/migration-helpers';
import { APP_ROLE, inScope } from '../security/row-level-security';

/**
 * A subgraph's projection of the registry (read-only to the serving role, written only by
 * applying registry events as the owner):
 * - `household_ref`: a household's current area, county and status;
 * - `person_ref`: a person's household, birth date and status (and the household's area);
 * - `registry_position`: the last event sequence applied (one row).
 * Each fact row keeps the sequence of the event that set it. Both tables are under row-level
 * security by area, like the records; `registry_known` tells (as the owner) which ids exist at
 * all, so that one outside the jurisdiction is FORBIDDEN rather than NOT_FOUND.
 * `existingHouseholdRef`: the subgraph already has a `household_ref (id, area_code, county_code)`
 * (filled from callers before): it gains the status and sequence columns and loses its writers.
 */
export function projectionStatements(options: { existingHouseholdRef?: boolean } = {}): string[] {
  const households = options.existingHouseholdRef
    ? [
        `ALTER TABLE {s}.household_ref ADD COLUMN status varchar(16) NOT NULL DEFAULT 'REGISTERED', ADD COLUMN sequence bigint NOT NULL DEFAULT 0`,
        `REVOKE INSERT, UPDATE, DELETE ON {s}.household_ref FROM ${APP_ROLE}`,
        // not this subgraph's record any more: its history is the registry's outbox
        ...['insert', 'update', 'delete'].map((op) => `DROP TRIGGER IF EXISTS change_history_${op} ON {s}.household_ref`),
      ]
    : [
        `CREATE TABLE {s}.household_ref (
          id uuid PRIMARY KEY,
          area_code varchar(15) COLLATE "C" NOT NULL,
          county_code varchar(6) COLLATE "C" NOT NULL,
          status varchar(16) NOT NULL DEFAULT 'REGISTERED',
          sequence bigint NOT NULL DEFAULT 0
        )`,
        `CREATE INDEX household_ref_area_idx ON {s}.household_ref (area_code)`,
        `GRANT SELECT ON {s}.household_ref TO ${APP_ROLE}`,
        `ALTER TABLE {s}.household_ref ENABLE ROW LEVEL SECURITY`,
        `CREATE POLICY jurisdiction ON {s}.household_ref TO ${APP_ROLE} USING (${inScope('area_code')})`,
      ];
  return [
    ...households,
    `CREATE TABLE {s}.person_ref (
      id uuid PRIMARY KEY,
      household_id uuid NOT NULL,
      area_code varchar(15) COLLATE "C" NOT NULL,
      county_code varchar(6) COLLATE "C" NOT NULL,
      birth_date date NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'ACTIVE',
      sequence bigint NOT NULL DEFAULT 0
    )`,
    `CREATE INDEX person_ref_household_idx ON {s}.person_ref (household_id)`,
    `CREATE INDEX person_ref_area_idx ON {s}.person_ref (area_code)`,
    `GRANT SELECT ON {s}.person_ref TO ${APP_ROLE}`,
    `ALTER TABLE {s}.person_ref ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY jurisdiction ON {s}.person_ref TO ${APP_ROLE} USING (${inScope('area_code')})`,
    `CREATE TABLE {s}.registry_position (stream varchar(32) PRIMARY KEY, sequence bigint NOT NULL)`,
    `INSERT INTO {s}.registry_position (stream, sequence) VALUES ('registry', 0)`,
    `CREATE FUNCTION {s}.registry_known(tab text, ids uuid[]) RETURNS SETOF uuid
     LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
     BEGIN
       IF tab = 'household_ref' THEN RETURN QUERY SELECT x.id FROM {s}.household_ref x WHERE x.id = ANY (ids);
       ELSIF tab = 'person_ref' THEN RETURN QUERY SELECT x.id FROM {s}.person_ref x WHERE x.id = ANY (ids);
       ELSE RAISE EXCEPTION 'no registry probe for %', tab;
       END IF;
     END
     $fn$`,
    `REVOKE ALL ON FUNCTION {s}.registry_known(text, uuid[]) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION {s}.registry_known(text, uuid[]) TO ${APP_ROLE}`,
  ];
}

/** A subgraph's projection migration (class `name`, ending in its timestamp). */
export function projectionMigration(name: string, options: { existingHouseholdRef?: boolean } = {}): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, projectionStatements(options));
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [
        `DROP FUNCTION {s}.registry_known(text, uuid[])`,
        `DROP TABLE {s}.registry_position`,
        `DROP TABLE {s}.person_ref`,
        ...(options.existingHouseholdRef
          ? [`ALTER TABLE {s}.household_ref DROP COLUMN status, DROP COLUMN sequence`, `GRANT INSERT, UPDATE, DELETE ON {s}.household_ref TO ${APP_ROLE}`]
          : [`DROP TABLE {s}.household_ref`]),
      ]);
    }
  };
}
