import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../db/migration-helpers';

/**
 * Row-level security, the backstop behind the jurisdiction filters the services write: the
 * subgraphs serve as a role that owns nothing, and every registry table lets that role see
 * and write only rows whose area code starts with one of the request's jurisdiction prefixes
 * (session setting `zrg.scope`; unset or empty: no rows at all).
 */
export const APP_ROLE = 'zrg_app';

/** Prefixes / codes from a comma-separated setting, computed once per statement (an InitPlan), not per row. */
const setting = (name: string) => `(SELECT string_to_array(current_setting('${name}', true), ','))::text[]`;

/** `column` lies inside the request's jurisdiction. */
export const inScope = (column: string) => `${column}::text ^@ ANY (${setting('zrg.scope')})`;

/** `column` is one of the areas above the jurisdiction (visible for navigation). */
export const isAncestor = (column: string) => `${column}::text = ANY (${setting('zrg.ancestors')})`;

export interface SecuredTable {
  table: string;
  /** Rows the application role may see, update and delete (default: `area_code` in scope). */
  using?: string;
  /** Rows it may write (default: `using`). */
  check?: string;
}

/** A key column a `FORBIDDEN`-or-`NOT_FOUND` probe may look up outside the jurisdiction. */
export interface KeyProbe {
  table: string;
  column: string;
  type: 'uuid' | 'text';
}

/** Creates the application role once per cluster; parallel migrations may race to create it. */
const CREATE_ROLE = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`;

/**
 * `{s}.existing_keys(table, column, keys)`: which of `keys` exist in one of the listed key
 * columns, whatever their area (only the keys are returned, never a row). It runs as the owner
 * (SECURITY DEFINER) so that a record outside the jurisdiction still reads as FORBIDDEN rather
 * than NOT_FOUND; it answers for the listed columns only.
 */
export function keyProbeFunction(probes: KeyProbe[]): string {
  const branches = probes
    .map((p) => `    WHEN '${p.table}.${p.column}' THEN RETURN QUERY SELECT x.${p.column}::text FROM {s}.${p.table} x WHERE x.${p.column} = ANY (keys::${p.type}[]);`)
    .join('\n');
  return `CREATE OR REPLACE FUNCTION {s}.existing_keys(tab text, col text, keys text[]) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  CASE tab || '.' || col
${branches}
    ELSE RAISE EXCEPTION 'no key probe for %.%', tab, col;
  END CASE;
END
$fn$`;
}

/**
 * Statements that give the application role its privileges on `tables` (and `readOnly` tables)
 * and turn on row-level security for `secured`, with the key probe for `probes`.
 */
export function rowLevelSecurityStatements(options: { tables: string[]; secured: SecuredTable[]; probes: KeyProbe[] }): string[] {
  const statements = [
    CREATE_ROLE,
    `GRANT USAGE ON SCHEMA {s} TO ${APP_ROLE}`,
    ...options.tables.map((t) => `GRANT SELECT, INSERT, UPDATE, DELETE ON {s}.${t} TO ${APP_ROLE}`),
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO ${APP_ROLE}`,
  ];
  for (const { table, using = inScope('area_code'), check } of options.secured) {
    statements.push(
      `ALTER TABLE {s}.${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY jurisdiction ON {s}.${table} TO ${APP_ROLE} USING (${using}) WITH CHECK (${check ?? using})`,
    );
  }
  statements.push(
    keyProbeFunction(options.probes),
    `REVOKE ALL ON FUNCTION {s}.existing_keys(text, text, text[]) FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION {s}.existing_keys(text, text, text[]) TO ${APP_ROLE}`,
  );
  return statements;
}

/** Undoes `rowLevelSecurityStatements` (the role stays: other schemas use it). */
export function dropRowLevelSecurityStatements(options: { tables: string[]; secured: SecuredTable[] }): string[] {
  return [
    `DROP FUNCTION {s}.existing_keys(text, text, text[])`,
    ...options.secured.flatMap(({ table }) => [`DROP POLICY jurisdiction ON {s}.${table}`, `ALTER TABLE {s}.${table} DISABLE ROW LEVEL SECURITY`]),
    ...options.tables.map((t) => `REVOKE ALL ON {s}.${t} FROM ${APP_ROLE}`),
    `REVOKE ALL ON SCHEMA {s} FROM ${APP_ROLE}`,
  ];
}

export interface RowLevelSecurityOptions {
  tables: string[];
  secured: SecuredTable[];
  probes: KeyProbe[];
  /** Further statements (and their undoing) the subgraph needs, e.g. another owner-run function. */
  extra?: { up: string[]; down: string[] };
}

/** A subgraph's row-level-security migration (class `name`, ending in its timestamp) from one description of its tables. */
export function rowLevelSecurityMigration(name: string, options: RowLevelSecurityOptions): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [...rowLevelSecurityStatements(options), ...(options.extra?.up ?? [])]);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [...(options.extra?.down ?? []), ...dropRowLevelSecurityStatements(options)]);
    }
  };
}
