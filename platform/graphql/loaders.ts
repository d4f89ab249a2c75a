import DataLoader from 'dataloader';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { isUuid } from './validation';

/**
 * A per-request loader of one row per key: `fetch` runs one SQL statement for the whole
 * batch; keys it did not return become `missing(keys)` (null, or an error such as FORBIDDEN).
 */
export function rowLoader<K extends string, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
  missing: (keys: K[]) => Promise<Map<K, Error | null>> | Map<K, Error | null> = () => new Map(),
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
    const absent = keys.filter((k) => !byKey.has(k));
    const reasons = absent.length ? await missing([...new Set(absent)]) : new Map<K, Error | null>();
    return keys.map((k) => byKey.get(k) ?? reasons.get(k) ?? null);
  });
}

/** A per-request loader of a list of rows per key (children, members …), one statement per batch. */
export function groupLoader<K extends string, T>(fetch: (keys: readonly K[]) => Promise<T[]>, keyOf: (row: T) => K): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * For keys a scoped query did not return: FORBIDDEN for those that exist outside the
 * jurisdiction (only their keys are read, never their data), null for those that do not exist.
 */
export function forbiddenIfExists<K extends string>(
  existing: (keys: K[]) => Promise<K[]>,
  error: () => Error,
): (keys: K[]) => Promise<Map<K, Error | null>> {
  return async (keys) => {
    const found = new Set(await existing(keys));
    return new Map(keys.map((k) => [k, found.has(k) ? error() : null] as const));
  };
}

/** Whether a record hidden from the caller (outside the jurisdiction, so row-level security too) exists elsewhere. */
export async function existsElsewhere<T extends ObjectLiteral>(db: DataSource | EntityManager, entity: EntityTarget<T>, column: string, key: string): Promise<boolean> {
  return (await existingKeys(db, entity, column, true)([key])).length > 0;
}

/**
 * Which of `keys` exist in `column` of `entity`, inside the jurisdiction or not (only the keys are
 * read), for `forbiddenIfExists` and for writes that must tell FORBIDDEN from NOT_FOUND. Row-level
 * security hides other areas' rows from the serving role, so this asks the schema's
 * `existing_keys` function, which runs as the owner and answers for registered key columns only.
 */
export function existingKeys<T extends ObjectLiteral>(db: DataSource | EntityManager, entity: EntityTarget<T>, column: string, uuidKeys = false) {
  return async (keys: string[]): Promise<string[]> => {
    const { schema, tableName } = (db instanceof DataSource ? db : db.connection).getMetadata(entity);
    const rows: { key: string }[] = await db.query(`SELECT k AS key FROM "${schema}".existing_keys($1, $2, $3) k`, [
      tableName, column, uuidKeys ? keys.filter(isUuid).map((k) => k.toLowerCase()) : keys,
    ]);
    return rows.map((r) => r.key);
  };
}
