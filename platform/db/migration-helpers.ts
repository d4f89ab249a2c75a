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

/** `CHECK (column IN (...))` for an enum's values. */
export function oneOf(column: string, values: Record<string, string>): string {
  return `CHECK (${column} IN (${Object.values(values).map((v) => `'${v}'`).join(', ')}))`;
}
