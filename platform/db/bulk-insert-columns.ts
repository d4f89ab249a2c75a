import type { EntityManager } from 'typeorm';
import { schemaName } from './data-source';

/** Rows per statement: each column travels as one array parameter, so the limit is memory, not parameters. */
const ROWS_PER_STATEMENT = 25_000;

/** The table's schema-qualified name and its columns' SQL types, read from the catalogue; throws on an unknown column. */
export async function columnTypes(manager: EntityManager, table: string, columns: string[]): Promise<{ target: string; typeOf: Map<string, string> }> {
  const schema = schemaName(manager.connection);
  const types: { name: string; type: string }[] = await manager.query(
    `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema, table],
  );
  const typeOf = new Map(types.map((t) => [t.name, t.type]));
  const missing = columns.filter((c) => !typeOf.has(c));
  if (missing.length) throw new Error(`${table} has no column ${missing.join(', ')}`);
  return { target: `"${schema}"."${table}"`, typeOf };
}

/**
 * The one row of `from` matching `where` (a unique key), as the body of a `CROSS JOIN LATERAL`
 * from the chunk's keys: `SELECT … FROM unnest($1) AS k(key) CROSS JOIN LATERAL (byKey(…)) x`.
 * The `LIMIT 1` keeps the planner from flattening it into a join, which for a chunk of thousands of
 * keys it would run as a hash join over the whole table, each chunk again (the import's lookups
 * growing with the registry); this way each key is one probe of the key's index.
 */
export const byKey = (columns: string, from: string, where: string) => `SELECT ${columns} FROM ${from} WHERE ${where} LIMIT 1`;

/**
 * A statement that reads the rows an insert has just written (e.g. the events they make), run
 * in the same statement as the insert (a data-modifying `WITH`): `sql` gets the name the inserted
 * rows go by (all their columns) and the number of its first parameter, `params` follow the
 * insert's own.
 */
export interface FromInsertedRows {
  sql(inserted: string, firstParam: number): string;
  params: unknown[];
}

/**
 * Inserts plain rows (keys = column names) as `INSERT … SELECT * FROM unnest($1::type[], …)`:
 * one array parameter per column instead of one parameter per value. On PGlite this is several
 * times faster than multi-row VALUES (far fewer parameters to bind); on PostgreSQL it is as fast.
 * Column types are read from the catalogue once per call. With `then`, that statement runs over
 * the inserted rows in the same statement (no second read of them by key).
 */
export async function bulkInsertColumns(manager: EntityManager, table: string, rows: Record<string, unknown>[], then?: FromInsertedRows): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const { target, typeOf } = await columnTypes(manager, table, columns);
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${typeOf.get(c)}[]`).join(', ');
  const insert = `INSERT INTO ${target} (${columnList}) SELECT * FROM unnest(${arrays})`;
  const sql = then ? `WITH inserted AS (${insert} RETURNING *) ${then.sql('inserted', columns.length + 1)}` : insert;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    await manager.query(sql, [...columns.map((c) => batch.map((row) => row[c] ?? null)), ...(then?.params ?? [])]);
  }
}

/**
 * Updates rows matched by `key` (the first column given is the key; keys = column names) with
 * one `UPDATE … FROM unnest(…)` per batch: every other column given is set from its row.
 */
export async function bulkUpdateColumns(manager: EntityManager, table: string, key: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  if (!columns.includes(key)) throw new Error(`rows for ${table} lack the key ${key}`);
  const { target, typeOf } = await columnTypes(manager, table, columns);
  const arrays = columns.map((c, i) => `$${i + 1}::${typeOf.get(c)}[]`).join(', ');
  const sets = columns.filter((c) => c !== key).map((c) => `"${c}" = v."${c}"`).join(', ');
  const sql = `UPDATE ${target} AS t SET ${sets} FROM unnest(${arrays}) AS v(${columns.map((c) => `"${c}"`).join(', ')}) WHERE t."${key}" = v."${key}"`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    await manager.query(sql, columns.map((c) => batch.map((row) => row[c] ?? null)));
  }
}
