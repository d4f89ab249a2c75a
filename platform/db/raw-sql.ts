import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** `"schema"."table"` of an entity, for hand-written SQL. */
export function tableOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  const { schema, tableName } = dataSource.getMetadata(entity);
  return schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
}

/**
 * Runs hand-written SQL with `:named` parameters (the form `Scope.condition` produces), for the
 * aggregates a query builder cannot express in one statement. Counted like every other statement.
 */
export function queryNamed<T = Record<string, unknown>>(dataSource: DataSource, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [query, parameters] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return dataSource.query(query, parameters);
}

/** A LIKE pattern matching text that begins with `prefix` (its `\ % _` taken literally). */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
