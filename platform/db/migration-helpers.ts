import type { QueryRunner } from 'typeorm';

/** The schema the data source keeps its tables in (each subgraph has its own). */
export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.driver.options as { schema?: string }).schema;
  if (!schema) throw new Error('data source has no schema');
  return schema;
}

/** Runs statements one at a time, each with `{s}` replaced by the quoted schema name. */
export async function runStatements(queryRunner: QueryRunner, statements: string[]): Promise<void> {
  const schema = `"${schemaOf(queryRunner)}"`;
  for (const sql of statements) await queryRunner.query(sql.replace(/\{s\}/g, schema));
}

/**
 * `CHECK (column IN (...))`. A migration writes the values out: it must create the same table
 * however the enums change later (a later migration changes the constraint).
 */
export function oneOf(column: string, values: readonly string[]): string {
  return `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;
}
