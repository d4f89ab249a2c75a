import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../db/migration-helpers';
import { APP_ROLE, inScope } from '../security/row-level-security';

/**
 * Exact rollups of registry tables, kept in the writing transaction, so that a prefecture-wide
 * statistics table reads a few thousand pre-counted rows instead of every person.
 *
 * A rollup is a table of counts by area code (the full code, so every jurisdiction and area
 * filter still applies: row-level security scopes it like the registry) and the other keys of
 * its grain. Writes to the watched tables note the area codes they touched (statement-level
 * triggers over the transition tables, so a set-based import notes each area once per
 * statement); a deferred trigger recounts those areas once, at commit, inside the same
 * transaction: the rollups commit or roll back with the change, whoever made it. A TRUNCATE
 * recounts everything. Bulk loads pause the noting (`pauseRollups`) and fill the rollups once,
 * set-based, at the end (`refreshRollups`).
 *
 * Distinct counts (households of persons, persons paid) do not add up across rows; a rollup
 * keeps them exact as bits (`rollupSelect`): within each area code every member is numbered, and
 * a row holds the bit string of its members, so a cell's distinct members are the bits of its
 * rows' OR within each area, summed over the areas (`StatisticsSpec.partition`).
 *
 * A rollup whose keys depend on the date (an age band today) is counted as of one date kept with
 * it (`{asOf}` in its select, `rollup_as_of`); the first write of a later day recounts the areas
 * whose keys changed since (`RollupOptions.dated`), and a table reads such a rollup only when
 * its date is the reader's `CURRENT_DATE`.
 */

export interface RollupSpec {
  /** Table name in the subgraph's schema. */
  table: string;
  /** Column definitions, keys first then measures. */
  columns: string[];
  /** The grain (unique, NULLs equal); the first is the area code. */
  keys: string[];
  /** `SELECT` of the columns in order, with `{areas}` where the area-code restriction goes (`AND …` or nothing). */
  select: string;
  /** The restriction to the rows of the area codes in the array `areas` (without the `AND`), written so that it is read through indexes. */
  restriction: string;
  /** The area-code column row-level security scopes (default `area_code`, the column recounts go by). */
  scope?: string;
}

export interface WatchedTable {
  table: string;
  /** SQL selecting the area codes a set of changed rows (a transition table named `rows`) touches. */
  areas: (rows: string) => string;
  /**
   * On UPDATE, SQL selecting the area codes from the rows before and after together (the
   * transition tables `oldRows`, `newRows`), so that an update that cannot change a rollup (a
   * column it does not read) notes nothing; default: `areas` of the old rows and of the new.
   */
  updated?: (oldRows: string, newRows: string) => string;
}

export interface RollupOptions {
  /** Keys of some rollups depend on the date: SQL selecting the area codes whose keys differ between the dates `since` and `until` (SQL expressions). */
  dated?: { crossings: (since: string, until: string) => string };
}

const PAUSED = 'zrg.rollups_paused';

/** The date a dated rollup is counted as of (`{asOf}` in a select). */
export const ROLLUP_AS_OF = '(SELECT as_of FROM {s}.rollup_as_of)';

/**
 * The `select` of a rollup: `rows` (a SELECT with `{areas}`, giving an `area_code` column, the
 * other keys and what the sums and distinct members read), grouped by `keys`, with `sums`
 * (aggregates over `x.…`) and, for each column of `distinct`, the bit string of its distinct
 * non-null values, numbered within each area code (every row of one area has the same length).
 */
export function rollupSelect(o: { rows: string; keys: string[]; sums: string[]; distinct: string[] }): string {
  const ords = o.distinct.map((m, i) => `dense_rank() OVER (PARTITION BY y.area_code ORDER BY y.${m}) - 1 AS ord${i}`);
  const widths = o.distinct.map((_, i) => `max(z.ord${i}) OVER (PARTITION BY z.area_code) + 1 AS width${i}`);
  const bits = o.distinct.map((m, i) => `bit_or(CASE WHEN x.${m} IS NOT NULL THEN set_bit(repeat('0', x.width${i}::int)::varbit, x.ord${i}::int, 1) END)::varbit`);
  return `SELECT ${[...o.keys.map((k) => `x.${k}`), ...o.sums, ...bits].join(', ')}
    FROM (SELECT z.*${widths.map((w) => `, ${w}`).join('')} FROM (SELECT y.*${ords.map((w) => `, ${w}`).join('')} FROM (${o.rows}) y) z) x
   GROUP BY ${o.keys.map((k) => `x.${k}`).join(', ')}`;
}

/** A distinct count over a rollup's bit strings (`rollupSelect`), exact within one area: for a spec with `partition` on the area code. */
export const distinctMembers = (bits: string) => `coalesce(bit_count(bit_or(${bits})), 0)`;

const definer = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp`;

function refreshFunction(specs: RollupSpec[], options: RollupOptions): string {
  const fill = (s: RollupSpec, restricted: boolean) =>
    `INSERT INTO {s}.${s.table} SELECT * FROM (${s.select.replace('{areas}', restricted ? `AND ${s.restriction}` : '').replaceAll('{asOf}', ROLLUP_AS_OF)}) x;`;
  return `CREATE FUNCTION {s}.refresh_rollups(areas text[]) RETURNS void ${definer} AS $fn$
BEGIN
  IF areas IS NULL THEN${options.dated ? '\n    UPDATE {s}.rollup_as_of SET as_of = current_date;' : ''}
    ${specs.map((s) => `DELETE FROM {s}.${s.table};\n    ${fill(s, false)}`).join('\n    ')}
  ELSE
    ${specs.map((s) => `DELETE FROM {s}.${s.table} WHERE area_code = ANY (areas);\n    ${fill(s, true)}`).join('\n    ')}
  END IF;
END
$fn$`;
}

function noteFunction(watched: WatchedTable): string {
  const noteAreas = (areas: string) => `INSERT INTO {s}.rollup_dirty (area_code) SELECT DISTINCT a FROM (${areas}) x(a) WHERE a IS NOT NULL ON CONFLICT DO NOTHING;`;
  const note = (rows: string) => noteAreas(watched.areas(rows));
  return `CREATE FUNCTION {s}.note_rollup_change_${watched.table}() RETURNS trigger ${definer} AS $fn$
BEGIN
  IF current_setting('${PAUSED}', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO {s}.rollup_dirty (area_code) VALUES ('*') ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'INSERT' THEN
    ${note('new_rows')}
  ELSIF TG_OP = 'DELETE' THEN
    ${note('old_rows')}
  ELSE
    ${watched.updated ? noteAreas(watched.updated('old_rows', 'new_rows')) : `${note('old_rows')}\n    ${note('new_rows')}`}
  END IF;
  INSERT INTO {s}.rollup_pending DEFAULT VALUES ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$`;
}

/** Before the recount of a dated schema: a later (or earlier) day recounts the areas whose keys changed since the rollups' date. */
const rollDate = (options: RollupOptions) =>
  options.dated
    ? `
  SELECT as_of INTO since FROM {s}.rollup_as_of;
  IF since IS DISTINCT FROM current_date THEN
    INSERT INTO {s}.rollup_dirty (area_code) SELECT DISTINCT a FROM (${options.dated.crossings('since', 'current_date')}) x(a) WHERE a IS NOT NULL ON CONFLICT DO NOTHING;
    IF since IS NULL THEN INSERT INTO {s}.rollup_dirty (area_code) VALUES ('*') ON CONFLICT DO NOTHING; END IF;
    UPDATE {s}.rollup_as_of SET as_of = current_date;
  END IF;`
    : '';

/** At commit: recount the areas this transaction touched, one transaction at a time (a recount reads what committed before it). */
const apply = (options: RollupOptions) => `CREATE FUNCTION {s}.apply_rollup_changes() RETURNS trigger ${definer} AS $fn$
DECLARE
  touched text[];${options.dated ? '\n  since date;' : ''}
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('{s}.rollups'));${rollDate(options)}
  SELECT array_agg(area_code) INTO touched FROM {s}.rollup_dirty WHERE xid = NEW.xid;
  DELETE FROM {s}.rollup_dirty WHERE xid = NEW.xid;
  DELETE FROM {s}.rollup_pending WHERE xid = NEW.xid;
  IF touched IS NOT NULL THEN
    PERFORM {s}.refresh_rollups(CASE WHEN '*' = ANY (touched) THEN NULL ELSE touched END);
  END IF;
  RETURN NULL;
END
$fn$`;

/** The statements creating `specs`' rollup tables, filled from what is there, and the triggers keeping them on `watched`. */
export function rollupStatements(specs: RollupSpec[], watched: WatchedTable[], options: RollupOptions = {}): string[] {
  return [
    ...specs.flatMap((s) => [
      `CREATE TABLE {s}.${s.table} (${s.columns.join(', ')}, UNIQUE NULLS NOT DISTINCT (${s.keys.join(', ')}))`,
      `ALTER TABLE {s}.${s.table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY jurisdiction ON {s}.${s.table} FOR SELECT TO ${APP_ROLE} USING (${inScope(s.scope ?? 'area_code')})`,
      `GRANT SELECT ON {s}.${s.table} TO ${APP_ROLE}`,
    ]),
    ...(options.dated
      ? [`CREATE TABLE {s}.rollup_as_of (as_of date, single boolean PRIMARY KEY DEFAULT TRUE CHECK (single))`, `INSERT INTO {s}.rollup_as_of (as_of) VALUES (NULL)`, `GRANT SELECT ON {s}.rollup_as_of TO ${APP_ROLE}`]
      : []),
    `CREATE TABLE {s}.rollup_dirty (xid xid8 NOT NULL DEFAULT pg_current_xact_id(), area_code text COLLATE "C" NOT NULL, PRIMARY KEY (xid, area_code))`,
    `CREATE TABLE {s}.rollup_pending (xid xid8 PRIMARY KEY DEFAULT pg_current_xact_id())`,
    refreshFunction(specs, options),
    `REVOKE ALL ON FUNCTION {s}.refresh_rollups(text[]) FROM PUBLIC`,
    apply(options),
    `CREATE CONSTRAINT TRIGGER apply_rollup_changes AFTER INSERT ON {s}.rollup_pending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {s}.apply_rollup_changes()`,
    ...watched.flatMap((w) => [
      noteFunction(w),
      `CREATE TRIGGER rollup_insert AFTER INSERT ON {s}.${w.table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {s}.note_rollup_change_${w.table}()`,
      `CREATE TRIGGER rollup_update AFTER UPDATE ON {s}.${w.table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {s}.note_rollup_change_${w.table}()`,
      `CREATE TRIGGER rollup_delete AFTER DELETE ON {s}.${w.table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {s}.note_rollup_change_${w.table}()`,
      `CREATE TRIGGER rollup_truncate AFTER TRUNCATE ON {s}.${w.table} FOR EACH STATEMENT EXECUTE FUNCTION {s}.note_rollup_change_${w.table}()`,
    ]),
    `SELECT {s}.refresh_rollups(NULL)`,
  ];
}

/** The statements dropping rollup tables `tables`, the triggers on `watched` and the functions. */
export function dropRollupStatements(tables: string[], watched: string[], options: RollupOptions = {}): string[] {
  return [
    ...watched.flatMap((w) => [
      ...['insert', 'update', 'delete', 'truncate'].map((op) => `DROP TRIGGER rollup_${op} ON {s}.${w}`),
      `DROP FUNCTION {s}.note_rollup_change_${w}()`,
    ]),
    'DROP TABLE {s}.rollup_pending',
    'DROP FUNCTION {s}.apply_rollup_changes()',
    'DROP TABLE {s}.rollup_dirty',
    'DROP FUNCTION {s}.refresh_rollups(text[])',
    ...(options.dated ? ['DROP TABLE {s}.rollup_as_of'] : []),
    ...tables.map((t) => `DROP TABLE {s}.${t}`),
  ];
}

/** What a later rollup migration replaces: the rollups an earlier one made (dropped, then made anew with the new set). */
export interface ReplacedRollups {
  tables: string[];
  watched: string[];
  options?: RollupOptions;
  /** The earlier migration's statements, to go back to on `down`. */
  statements: string[];
}

/** A subgraph's rollup migration (class `name`, ending in its timestamp); `replaces`: the earlier rollups of the schema it supersedes. */
export function rollupMigration(name: string, specs: RollupSpec[], watched: WatchedTable[], options: RollupOptions = {}, replaces?: ReplacedRollups): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      if (replaces) await runStatements(queryRunner, dropRollupStatements(replaces.tables, replaces.watched, replaces.options));
      await runStatements(queryRunner, rollupStatements(specs, watched, options));
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, dropRollupStatements(specs.map((s) => s.table), watched.map((w) => w.table), options));
      if (replaces) await runStatements(queryRunner, replaces.statements);
    }
  };
}

/** For the rest of the caller's transaction, writes note nothing for the rollups: a bulk load calls `refreshRollups` when it is done. */
export async function pauseRollups(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('${PAUSED}', 'on', true)`);
}

/** Recounts every rollup of the schema in one set-based pass (after a bulk load), and ends a pause. */
export async function refreshRollups(manager: EntityManager, schema: string): Promise<void> {
  await manager.query(`SELECT "${schema}".refresh_rollups(NULL)`);
  await manager.query(`SELECT set_config('${PAUSED}', 'off', true)`);
}
