import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from './migration-helpers';
import { setChangeSource } from './request-scope';
import { APP_ROLE, inScope } from './row-level-security';

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

/** Old and new values of the columns that differ (`[{field, old, new}]`, by column name); for inserts and deletes, the non-null ones. */
const RECORD_CHANGE = `CREATE FUNCTION {s}.record_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  cur jsonb := coalesce(new_row, old_row);
  diff jsonb;
BEGIN
  SELECT coalesce(jsonb_agg(jsonb_build_object('field', k, 'old', old_row -> k, 'new', new_row -> k) ORDER BY k), '[]'::jsonb)
    INTO diff
    FROM jsonb_object_keys(cur) AS k
   WHERE coalesce(old_row -> k, 'null'::jsonb) IS DISTINCT FROM coalesce(new_row -> k, 'null'::jsonb);
  IF TG_OP = 'UPDATE' AND diff = '[]'::jsonb THEN
    RETURN NULL;
  END IF;
  INSERT INTO {s}.change_log (table_name, record_id, operation, area_code, county_code, actor_subject, actor_role, source, changes)
  VALUES (TG_TABLE_NAME, cur ->> TG_ARGV[0], TG_OP, cur ->> 'area_code', cur ->> 'county_code',
          nullif(current_setting('zrg.subject', true), ''), nullif(current_setting('zrg.role', true), ''),
          nullif(current_setting('zrg.source', true), ''), diff);
  RETURN NULL;
END
$fn$`;

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

/**
 * Runs a bulk load (the demo) with the change-history triggers of the schema's tables off, inside
 * the caller's transaction, and turns them back on after: a load is not a change anyone made.
 */
export async function withChangeHistoryPaused<T>(manager: EntityManager, load: () => Promise<T>): Promise<T> {
  const schema = (manager.connection.driver.options as { schema?: string }).schema ?? 'public';
  const tables: { name: string }[] = await manager.query(
    `SELECT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND t.tgname = $2`,
    [schema, TRIGGER],
  );
  for (const { name } of tables) await manager.query(`ALTER TABLE "${schema}"."${name}" DISABLE TRIGGER ${TRIGGER}`);
  const result = await load();
  for (const { name } of tables) await manager.query(`ALTER TABLE "${schema}"."${name}" ENABLE TRIGGER ${TRIGGER}`);
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
