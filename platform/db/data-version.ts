import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './migration-helpers';
import { currentSettings } from '../security/request-scope';
import { APP_ROLE } from '../security/row-level-security';
import { schemaName } from './data-source';

/**
 * The data version of a subgraph's schema, and the aggregates kept while it stands.
 *
 * Every write statement on a registry table notes its transaction in `data_version_pending`
 * (a statement trigger); a deferred trigger on that note raises `data_version.version` once, at
 * commit, in the same transaction: the version commits or rolls back with the change, and its
 * row is locked only while the writing transaction commits. A bulk path that turns triggers off
 * (`session_replication_role = replica`, `DISABLE TRIGGER ALL`) must raise the version itself.
 *
 * `cachedQuery` keeps an aggregate's rows per process, by the statement, its parameters, the
 * caller's jurisdiction and the database's date, under the version read just before the
 * statement ran (so the rows are at least as new as that version); it serves them again while
 * the version read first by a later request is the same. One statement (the version) per hit.
 */

const NOTE = `CREATE FUNCTION {s}.note_data_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  INSERT INTO {s}.data_version_pending DEFAULT VALUES ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$`;

const RAISE = `CREATE FUNCTION {s}.raise_data_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  UPDATE {s}.data_version SET version = version + 1;
  DELETE FROM {s}.data_version_pending WHERE xid = NEW.xid;
  RETURN NULL;
END
$fn$`;

export function dataVersionStatements(tables: string[]): string[] {
  return [
    `CREATE TABLE {s}.data_version (id int PRIMARY KEY DEFAULT 1 CHECK (id = 1), version bigint NOT NULL)`,
    `INSERT INTO {s}.data_version (version) VALUES (1)`,
    `CREATE TABLE {s}.data_version_pending (xid xid8 PRIMARY KEY DEFAULT pg_current_xact_id())`,
    NOTE,
    RAISE,
    `CREATE CONSTRAINT TRIGGER raise_data_version AFTER INSERT ON {s}.data_version_pending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {s}.raise_data_version()`,
    ...tables.map((t) => `CREATE TRIGGER data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {s}.${t} FOR EACH STATEMENT EXECUTE FUNCTION {s}.note_data_change()`),
    `GRANT SELECT ON {s}.data_version TO ${APP_ROLE}`,
  ];
}

/** A subgraph's data-version migration (class `name`, ending in its timestamp) over its registry `tables`. */
export function dataVersionMigration(name: string, tables: string[]): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, dataVersionStatements(tables));
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [
        ...tables.map((t) => `DROP TRIGGER data_version ON {s}.${t}`),
        'DROP TABLE {s}.data_version_pending',
        'DROP FUNCTION {s}.raise_data_version()',
        'DROP FUNCTION {s}.note_data_change()',
        'DROP TABLE {s}.data_version',
      ]);
    }
  };
}

interface Entry {
  version: string;
  rows: unknown[];
}

/** Entries kept per data source (the oldest go first). */
const MAX_ENTRIES = 500;
const caches = new WeakMap<DataSource, Map<string, Entry>>();

/**
 * Runs `query` (an aggregate over the schema's registry tables), or serves its rows from an
 * earlier run at the same data version. The version is always read on the primary
 * (`dataSource`); given a streaming replica (`reads`), the query runs there when the replica has
 * already replayed that version (one statement to check), else on the primary: rows kept under a
 * version are never older than it, however far the replica lags.
 */
export async function cachedQuery<T = Record<string, unknown>>(dataSource: DataSource, query: string, parameters: unknown[], reads: DataSource = dataSource): Promise<T[]> {
  const schema = schemaName(dataSource);
  const [{ version, today }] = await dataSource.query(`SELECT version::text AS version, current_date::text AS today FROM "${schema}".data_version`);
  // the settings row-level security reads: jurisdiction, areas above it, role
  const [scope, ancestors, , role] = currentSettings().values;
  const key = JSON.stringify([query, parameters, scope, ancestors, role, today]);
  let cache = caches.get(dataSource);
  if (!cache) caches.set(dataSource, (cache = new Map()));
  const kept = cache.get(key);
  if (kept && kept.version === version) return kept.rows as T[];
  const rows: T[] = await (await caughtUp(reads, dataSource, schema, version)).query(query, parameters);
  cache.delete(key);
  cache.set(key, { version, rows: Object.freeze(rows) as unknown[] });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return rows;
}

/** The replica when it shows the primary's data version (or a later one: it replays in commit order), else the primary. */
async function caughtUp(replica: DataSource, primary: DataSource, schema: string, version: string): Promise<DataSource> {
  if (replica === primary) return primary;
  const [row] = await replica.query(`SELECT version::text AS version FROM "${schema}".data_version`);
  return row && BigInt(row.version) >= BigInt(version) ? replica : primary;
}

/** `cachedQuery` with `:named` parameters (the form `Scope.condition` produces). */
export function cachedQueryNamed<T = Record<string, unknown>>(dataSource: DataSource, sql: string, params: Record<string, unknown>, reads: DataSource = dataSource): Promise<T[]> {
  const [query, parameters] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return cachedQuery<T>(dataSource, query, parameters, reads);
}
