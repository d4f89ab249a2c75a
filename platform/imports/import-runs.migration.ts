import { oneOf } from '../db/migration-helpers';
import { APP_ROLE } from '../security/row-level-security';

/** The tables of a subgraph's imports: runs and the problems they found (`{s}`: the subgraph's schema). */
export const CREATE_IMPORT_TABLES = [
  `CREATE TABLE {s}.import_run (
    id uuid PRIMARY KEY,
    sheet varchar(32) NOT NULL,
    file_name varchar(200) NOT NULL,
    subject varchar(128) NOT NULL,
    area_codes varchar[] NOT NULL,
    commit_requested boolean NOT NULL,
    status varchar(16) NOT NULL ${oneOf('status', ['VALIDATING', 'WRITING', 'VALIDATED', 'COMMITTED', 'REJECTED', 'FAILED'])},
    rows_read integer NOT NULL DEFAULT 0,
    rows_validated integer NOT NULL DEFAULT 0,
    rows_written integer NOT NULL DEFAULT 0,
    inserted integer NOT NULL DEFAULT 0,
    updated integer NOT NULL DEFAULT 0,
    unchanged integer NOT NULL DEFAULT 0,
    rejected integer NOT NULL DEFAULT 0,
    problem_count integer NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL,
    finished_at timestamptz
  )`,
  `CREATE TABLE {s}.import_problem (
    run_id uuid NOT NULL REFERENCES {s}.import_run (id) ON DELETE CASCADE,
    seq integer NOT NULL,
    row_number integer NOT NULL,
    column_name varchar(64),
    original_value text,
    message_zh text NOT NULL,
    message_en text NOT NULL,
    PRIMARY KEY (run_id, seq)
  )`,
];

export const DROP_IMPORT_TABLES = [`DROP TABLE {s}.import_problem`, `DROP TABLE {s}.import_run`];

/**
 * The serving role may record and read import runs and their problems. Which runs a caller sees
 * is decided in the query (the run's areas against the jurisdiction); these tables hold no
 * registry rows, only counts and the problems' messages.
 */
export const GRANT_IMPORT_TABLES = [`GRANT SELECT, INSERT, UPDATE ON {s}.import_run, {s}.import_problem TO ${APP_ROLE}`];
export const REVOKE_IMPORT_TABLES = [`REVOKE ALL ON {s}.import_run, {s}.import_problem FROM ${APP_ROLE}`];
