import type { EntityManager } from 'typeorm';
import { schemaName } from './data-source';

interface Deferred {
  table: string;
  name: string;
  definition: string;
}

/**
 * Runs a bulk load into `tables` with their keys, foreign keys and secondary indexes set aside,
 * then puts every one of them back from its own definition: building an index (or checking a
 * foreign key) once over the loaded rows is several times faster than maintaining it row by row.
 * It happens inside the caller's transaction: if the rows break a key, re-adding it fails and
 * nothing is loaded. Keys that tables outside `tables` refer to stay in place.
 */
export async function withKeysDeferred<T>(manager: EntityManager, tables: string[], load: () => Promise<T>): Promise<T> {
  const schema = schemaName(manager.connection);
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const constraints: (Deferred & { type: string })[] = await manager.query(
    `SELECT t.relname AS "table", c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = ANY($2) AND c.contype IN ('p', 'u', 'f')
        AND NOT EXISTS (
          SELECT 1 FROM pg_constraint r JOIN pg_class rt ON rt.oid = r.conrelid
           WHERE r.contype = 'f' AND r.confrelid = c.conrelid AND c.contype IN ('p', 'u') AND NOT (rt.relname = ANY($2) AND rt.relnamespace = n.oid))`,
    [schema, tables],
  );
  const foreign = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  const indexes: Deferred[] = await manager.query(
    `SELECT i.tablename AS "table", i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = $1 AND i.tablename = ANY($2)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND c.conname = i.indexname)`,
    [schema, tables],
  );
  const table = (t: string) => `${q(schema)}.${q(t)}`;
  for (const c of [...foreign, ...keys]) await manager.query(`ALTER TABLE ${table(c.table)} DROP CONSTRAINT ${q(c.name)}`);
  for (const i of indexes) await manager.query(`DROP INDEX ${q(schema)}.${q(i.name)}`);
  const result = await load();
  for (const i of indexes) await manager.query(i.definition);
  for (const c of [...keys, ...foreign]) await manager.query(`ALTER TABLE ${table(c.table)} ADD CONSTRAINT ${q(c.name)} ${c.definition}`);
  return result;
}

/**
 * Refreshes the planner's statistics of the tables that have doubled (by pages) since they were
 * last analysed: a bulk write into a table the planner believes empty would otherwise have its
 * next statements planned as scans of a tiny table. Doubling keeps it to a few times per import
 * (each costs a sample of the table). Inside a transaction ANALYZE counts the transaction's own
 * new rows.
 */
export async function analyzeGrownTables(manager: EntityManager, tables: string[]): Promise<void> {
  const schema = schemaName(manager.connection);
  const grown: { name: string }[] = await manager.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = ANY($2) AND pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 2 + 8`,
    [schema, tables],
  );
  for (const { name } of grown) await manager.query(`ANALYZE "${schema}"."${name.replace(/"/g, '""')}"`);
}
