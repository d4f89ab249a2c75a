import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../db/migration-helpers';
import { setChangeSource } from '../security/request-scope';
import { APP_ROLE, inScope } from '../security/row-level-security';
import { schemaName } from '../db/data-source';

/**
 * Change history: every insert, update and delete of a registry row is written by a trigger to
 * the schema's `change_log` (who, role, when, operation, source, and the old and new values of
 * the columns that changed). The trigger function runs as the owner; the serving role may only
 * read the log, inside its jurisdiction, so no API call can alter it.
 */

/** A registry table whose rows are tracked, and the column that identifies a row. */
export interface TrackedTable {
  table: string;
  key?: string;
}

const TRIGGER = 'change_history';

/** The settings the change history records with each change: who, in which role, from where. */
const ACTOR = `nullif(current_setting('zrg.subject', true), ''), nullif(current_setting('zrg.role', true), ''),
          nullif(current_setting('zrg.source', true), '')`;

/** Old and new values of the columns that differ (`[{field, old, new}]`, by column name); for inserts and deletes, the non-null ones. */
const DIFF = (oldRow: string, newRow: string, cur: string, into = '') => `SELECT coalesce(jsonb_agg(jsonb_build_object('field', k, 'old', ${oldRow} -> k, 'new', ${newRow} -> k) ORDER BY k), '[]'::jsonb)${into ? `\n    ${into}` : ''}
    FROM jsonb_object_keys(${cur}) AS k
   WHERE coalesce(${oldRow} -> k, 'null'::jsonb) IS DISTINCT FROM coalesce(${newRow} -> k, 'null'::jsonb)`;

/** The first version: a trigger call per row (replaced by `RECORD_CHANGES`, kept for the migrations' `down`). */
const RECORD_CHANGE = `CREATE FUNCTION {s}.record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  cur jsonb := coalesce(new_row, old_row);
  diff jsonb;
BEGIN
  ${DIFF('old_row', 'new_row', 'cur', 'INTO diff')};
  IF TG_OP = 'UPDATE' AND diff = '[]'::jsonb THEN
    RETURN NULL;
  END IF;
  INSERT INTO {s}.change_log (table_name, record_id, operation, area_code, county_code, actor_subject, actor_role, source, changes)
  VALUES (TG_TABLE_NAME, cur ->> TG_ARGV[0], TG_OP, cur ->> 'area_code', cur ->> 'county_code',
          ${ACTOR}, diff);
  RETURN NULL;
END
$fn$`;

/**
 * The change records of one statement's rows, written by one `INSERT … SELECT` from `rows`
 * (giving `old_row` and `new_row` as jsonb, either may be null): the same record per row as
 * `RECORD_CHANGE` wrote, an update that changed nothing leaving none. `OFFSET 0` keeps `rows` a
 * subquery of its own, so each row becomes jsonb once: inlined, `to_jsonb` of the whole row ran
 * again for every key the diff looks up (five times slower).
 */
const insertChanges = (rows: string) => `INSERT INTO {s}.change_log (table_name, record_id, operation, area_code, county_code, actor_subject, actor_role, source, changes)
    SELECT TG_TABLE_NAME, r.cur ->> TG_ARGV[0], TG_OP, r.cur ->> 'area_code', r.cur ->> 'county_code',
           ${ACTOR}, d.diff
      FROM (SELECT x.old_row, x.new_row, coalesce(x.new_row, x.old_row) AS cur FROM (${rows} OFFSET 0) x) r
     CROSS JOIN LATERAL (${DIFF('r.old_row', 'r.new_row', 'r.cur')}) AS d(diff)
     WHERE TG_OP <> 'UPDATE' OR d.diff <> '[]'::jsonb`;

/** The records of one statement's rows, by operation, each from its transition tables. */
const STATIC_CHANGES = `IF TG_OP = 'INSERT' THEN
    ${insertChanges('SELECT NULL::jsonb AS old_row, to_jsonb(n) AS new_row FROM new_rows n')};
  ELSIF TG_OP = 'DELETE' THEN
    ${insertChanges('SELECT to_jsonb(o) AS old_row, NULL::jsonb AS new_row FROM old_rows o')};
  ELSE
    ${insertChanges(`SELECT o.j AS old_row, n.j AS new_row
        FROM (SELECT to_jsonb(o) AS j FROM old_rows o) o
        JOIN (SELECT to_jsonb(n) AS j FROM new_rows n) n ON n.j ->> TG_ARGV[0] = o.j ->> TG_ARGV[0]`)};
  END IF;`;

/**
 * Statement-level: one call per INSERT, UPDATE or DELETE statement, reading the statement's rows
 * from its transition tables (`new_rows`, `old_rows`; an update's old and new rows paired by the
 * key column `TG_ARGV[0]`), instead of one call and one insert per row.
 */
const RECORD_CHANGES = `CREATE FUNCTION {s}.record_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
  ${STATIC_CHANGES}
  RETURN NULL;
END
$fn$`;

/** Rows from which a statement's records are built by the generated statement: below, generating and planning it costs more than it saves. */
const GENERATED_FROM = 32;

/**
 * Types whose SQL equality and `IS NULL` agree with the jsonb comparison of the first version
 * (`coalesce(old -> k, 'null') IS DISTINCT FROM coalesce(new -> k, 'null')`): their columns are
 * compared as they are; any other type (json, jsonb, a composite …) as jsonb, as before.
 */
const PLAIN_TYPES = ['uuid', 'text', 'varchar', 'date', 'bool', 'int2', 'int4', 'int8', 'numeric', 'timestamptz', 'varchar[]', 'text[]', 'uuid[]'];

/**
 * The same records as `RECORD_CHANGES`, built as text for a statement of many rows (an import's
 * chunk; a few rows keep the static statement): the statement that writes them is
 * generated from the table's columns at each call (`EXECUTE`, which reads the transition tables
 * too), one `CASE` per column in the order of their names, so each record is one string parsed
 * once as jsonb instead of `jsonb_agg` of a `jsonb_build_object` per column over `to_jsonb` of the
 * whole row (about three times faster on an import's persons; the records are equal, as jsonb,
 * to the first version's: `tests/change-history.e2e.test.ts`).
 */
const RECORD_CHANGES_AS_TEXT = `CREATE OR REPLACE FUNCTION {s}.record_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  cur text := CASE WHEN TG_OP = 'DELETE' THEN 'o' ELSE 'n' END;
  entries text;
  has_area boolean;
  has_county boolean;
  plain_key boolean;
  small boolean;
BEGIN
  -- a statement of a few rows (a mutation) keeps the static statement, planned once per session
  IF TG_OP = 'INSERT' THEN
    small := (SELECT count(*) FROM (SELECT FROM new_rows LIMIT ${GENERATED_FROM}) x) < ${GENERATED_FROM};
  ELSE
    small := (SELECT count(*) FROM (SELECT FROM old_rows LIMIT ${GENERATED_FROM}) x) < ${GENERATED_FROM};
  END IF;
  IF small THEN
    ${STATIC_CHANGES}
    RETURN NULL;
  END IF;
  SELECT string_agg(format('CASE WHEN %s THEN %L || %s || %L || %s || ''}'' END',
           CASE WHEN a.plain THEN
             CASE TG_OP WHEN 'INSERT' THEN format('n.%I IS NOT NULL', a.attname) WHEN 'DELETE' THEN format('o.%I IS NOT NULL', a.attname)
               ELSE format('o.%1$I IS DISTINCT FROM n.%1$I', a.attname) END
           ELSE
             CASE TG_OP WHEN 'INSERT' THEN format('coalesce(to_jsonb(n.%I), ''null'') <> ''null''', a.attname)
               WHEN 'DELETE' THEN format('coalesce(to_jsonb(o.%I), ''null'') <> ''null''', a.attname)
               ELSE format('coalesce(to_jsonb(o.%1$I), ''null'') IS DISTINCT FROM coalesce(to_jsonb(n.%1$I), ''null'')', a.attname) END
           END,
           '{"field": ' || to_json(a.attname::text)::text || ', "old": ',
           CASE WHEN TG_OP = 'INSERT' THEN '''null''' ELSE format('coalesce(to_jsonb(o.%I), ''null'')::text', a.attname) END,
           ', "new": ',
           CASE WHEN TG_OP = 'DELETE' THEN '''null''' ELSE format('coalesce(to_jsonb(n.%I), ''null'')::text', a.attname) END),
         ', ' ORDER BY a.attname::text),
         bool_or(a.attname = 'area_code'), bool_or(a.attname = 'county_code'), bool_or(a.attname = TG_ARGV[0] AND a.plain)
    INTO entries, has_area, has_county, plain_key
    FROM (SELECT attname, atttypid IN (${PLAIN_TYPES.map((t) => `'${t}'::regtype`).join(', ')}) AS plain
            FROM pg_attribute WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped) a;
  EXECUTE format($q$INSERT INTO {s}.change_log (table_name, record_id, operation, area_code, county_code, actor_subject, actor_role, source, changes)
      SELECT $1, x.record_id, $2, x.area_code, x.county_code,
             ${ACTOR}, ('[' || x.changes || ']')::jsonb
        FROM (SELECT to_jsonb(%1$s.%2$I) #>> '{}' AS record_id, %3$s AS area_code, %4$s AS county_code,
                     array_to_string(ARRAY[%5$s], ', ') AS changes
                FROM %6$s) x
       WHERE $2 <> 'UPDATE' OR x.changes <> ''$q$,
    cur, TG_ARGV[0],
    CASE WHEN has_area THEN format('to_jsonb(%s.area_code) #>> ''{}''', cur) ELSE 'NULL' END,
    CASE WHEN has_county THEN format('to_jsonb(%s.county_code) #>> ''{}''', cur) ELSE 'NULL' END,
    entries,
    CASE TG_OP WHEN 'INSERT' THEN 'new_rows n' WHEN 'DELETE' THEN 'old_rows o'
      ELSE CASE WHEN plain_key THEN format('old_rows o JOIN new_rows n ON n.%1$I = o.%1$I', TG_ARGV[0])
        ELSE format('old_rows o JOIN new_rows n ON (to_jsonb(n.%1$I) #>> ''{}'') = (to_jsonb(o.%1$I) #>> ''{}'')', TG_ARGV[0]) END END)
    USING TG_TABLE_NAME, TG_OP;
  RETURN NULL;
END
$fn$`;

/**
 * A subgraph's migration to change records built as text (class `name`, ending in its
 * timestamp): the same statement-level triggers and records, a faster `record_changes()`.
 */
export function changeRecordsAsTextMigration(name: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [RECORD_CHANGES_AS_TEXT]);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [RECORD_CHANGES.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')]);
    }
  };
}

/**
 * `RECORD_CHANGES_AS_TEXT` storing the text it builds as `json` (validated, kept as written)
 * instead of parsing it into jsonb: on an import's persons, that parse was about half of the
 * records' cost. The static statement's jsonb goes in by the assignment cast to json.
 */
const RECORD_CHANGES_AS_JSON = (() => {
  const jsonb = `('[' || x.changes || ']')::jsonb`;
  if (!RECORD_CHANGES_AS_TEXT.includes(jsonb)) throw new Error('record_changes(): the records are no longer parsed as jsonb');
  return RECORD_CHANGES_AS_TEXT.replace(jsonb, `('[' || x.changes || ']')::json`);
})();

/**
 * A subgraph's migration to change records stored as `json` (class `name`, ending in its
 * timestamp): `change_log.changes` becomes `json` (the same values; its one reader parses them
 * in Node, no query reads them with jsonb operators) and `record_changes()` stores the text it
 * builds without converting it.
 */
export function changeRecordsAsJsonMigration(name: string): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [
        `ALTER TABLE {s}.change_log ALTER COLUMN changes TYPE json USING changes::json`,
        RECORD_CHANGES_AS_JSON,
      ]);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [
        RECORD_CHANGES_AS_TEXT,
        `ALTER TABLE {s}.change_log ALTER COLUMN changes TYPE jsonb USING changes::jsonb`,
      ]);
    }
  };
}

export function changeHistoryStatements(tables: TrackedTable[]): string[] {
  return [
    `CREATE TABLE {s}.change_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      table_name varchar(63) NOT NULL,
      record_id varchar(64) COLLATE "C" NOT NULL,
      operation varchar(6) NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
      area_code varchar(15) COLLATE "C",
      county_code varchar(6) COLLATE "C",
      actor_subject varchar(128),
      actor_role varchar(32),
      source varchar(200),
      changes jsonb NOT NULL
    )`,
    `CREATE INDEX change_log_record_idx ON {s}.change_log (table_name, record_id, id)`,
    `CREATE INDEX change_log_area_idx ON {s}.change_log (area_code)`,
    `ALTER TABLE {s}.change_log ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY jurisdiction ON {s}.change_log FOR SELECT TO ${APP_ROLE} USING (${inScope('area_code')})`,
    `GRANT SELECT ON {s}.change_log TO ${APP_ROLE}`,
    ...rowTriggerStatements(tables),
  ];
}

function rowTriggerStatements(tables: TrackedTable[]): string[] {
  return [
    RECORD_CHANGE,
    `REVOKE ALL ON FUNCTION {s}.record_change() FROM PUBLIC`,
    ...tables.map(
      ({ table, key = 'id' }) => `CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {s}.${table} FOR EACH ROW EXECUTE FUNCTION {s}.record_change('${key}')`,
    ),
  ];
}

/** A subgraph's change-history migration (class `name`, ending in its timestamp). */
export function changeHistoryMigration(name: string, tables: TrackedTable[]): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, changeHistoryStatements(tables));
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [
        ...tables.map(({ table }) => `DROP TRIGGER ${TRIGGER} ON {s}.${table}`),
        'DROP FUNCTION {s}.record_change()',
        'DROP TABLE {s}.change_log',
      ]);
    }
  };
}

/** Per operation: the trigger's name and its transition tables. */
const STATEMENT_TRIGGERS = [
  { op: 'INSERT', name: `${TRIGGER}_insert`, referencing: 'NEW TABLE AS new_rows' },
  { op: 'UPDATE', name: `${TRIGGER}_update`, referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' },
  { op: 'DELETE', name: `${TRIGGER}_delete`, referencing: 'OLD TABLE AS old_rows' },
] as const;

/** Row-level triggers (one call per row) replaced by statement-level ones over transition tables. */
export function changeHistoryPerStatementStatements(tables: TrackedTable[]): string[] {
  return [
    ...tables.map(({ table }) => `DROP TRIGGER ${TRIGGER} ON {s}.${table}`),
    'DROP FUNCTION {s}.record_change()',
    RECORD_CHANGES,
    `REVOKE ALL ON FUNCTION {s}.record_changes() FROM PUBLIC`,
    ...tables.flatMap(({ table, key = 'id' }) => STATEMENT_TRIGGERS.map(({ op, name, referencing }) =>
      `CREATE TRIGGER ${name} AFTER ${op} ON {s}.${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION {s}.record_changes('${key}')`)),
  ];
}

/**
 * A subgraph's migration to statement-level change history (class `name`, ending in its
 * timestamp), for the same tables its change-history migration tracks: the same records, one
 * `INSERT … SELECT` per statement (a 5,000-row import chunk writes its records at once).
 */
export function changeHistoryPerStatementMigration(name: string, tables: TrackedTable[]): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, changeHistoryPerStatementStatements(tables));
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await runStatements(queryRunner, [
        ...tables.flatMap(({ table }) => STATEMENT_TRIGGERS.map(({ name }) => `DROP TRIGGER ${name} ON {s}.${table}`)),
        'DROP FUNCTION {s}.record_changes()',
        ...rowTriggerStatements(tables),
      ]);
    }
  };
}

/**
 * Runs a bulk load (the demo) with the change-history triggers of the schema's tables off, inside
 * the caller's transaction, and turns them back on after: a load is not a change anyone made.
 */
export async function withChangeHistoryPaused<T>(manager: EntityManager, load: () => Promise<T>): Promise<T> {
  const schema = schemaName(manager.connection);
  const triggers: { name: string; table: string }[] = await manager.query(
    `SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND (t.tgname = $2 OR t.tgname LIKE $2 || '\\_%')`,
    [schema, TRIGGER],
  );
  for (const t of triggers) await manager.query(`ALTER TABLE "${schema}"."${t.table}" DISABLE TRIGGER "${t.name}"`);
  const result = await load();
  for (const t of triggers) await manager.query(`ALTER TABLE "${schema}"."${t.table}" ENABLE TRIGGER "${t.name}"`);
  return result;
}

/** Records a GraphQL mutation's changes under `mutation <its root fields>`. */
export function changeSourcePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation') return;
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
          setChangeSource(`mutation ${fields.join(', ')}`.slice(0, 200));
        },
      };
    },
  };
}
