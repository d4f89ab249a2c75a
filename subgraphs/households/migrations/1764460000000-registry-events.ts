import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';

/**
 * The registry's outbox: one row per change another subgraph depends on, written in the same
 * transaction as the change. `sequence` increases in commit order: every insert first takes a
 * transaction lock on the outbox of this schema (a statement trigger), held until commit, so a
 * later sequence never commits before an earlier one and a reader that has seen sequence N has
 * seen everything below it. The serving role may only insert; the relay reads as the owner.
 * `registry_relay` is how far the relay has published (processes apart, NATS).
 */
export class HouseholdsRegistryEvents1764460000000 implements MigrationInterface {
  name = 'HouseholdsRegistryEvents1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.registry_event (
        sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type varchar(32) NOT NULL CHECK (type IN ('HOUSEHOLD_REGISTERED', 'HOUSEHOLD_MOVED', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'ID_NUMBER_CORRECTED')),
        household_id uuid NOT NULL,
        person_id uuid,
        payload jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX registry_event_household_idx ON {s}.registry_event (household_id, sequence)`,
      `CREATE FUNCTION {s}.serialize_registry_events() RETURNS trigger
       LANGUAGE plpgsql AS $fn$
       BEGIN
         PERFORM pg_advisory_xact_lock(hashtext(TG_TABLE_SCHEMA || '.registry_event'));
         RETURN NULL;
       END
       $fn$`,
      `CREATE TRIGGER serialize_registry_events BEFORE INSERT ON {s}.registry_event FOR EACH STATEMENT EXECUTE FUNCTION {s}.serialize_registry_events()`,
      `CREATE TABLE {s}.registry_relay (id int PRIMARY KEY DEFAULT 1 CHECK (id = 1), sequence bigint NOT NULL)`,
      `INSERT INTO {s}.registry_relay (sequence) VALUES (0)`,
      `GRANT INSERT ON {s}.registry_event TO zrg_app`,
      `GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO zrg_app`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `DROP TABLE {s}.registry_relay`,
      `DROP TABLE {s}.registry_event`,
      `DROP FUNCTION {s}.serialize_registry_events()`,
    ]);
  }
}
