import type { EntityManager } from 'typeorm';

/**
 * Inserts plain rows (keys = column names) column-wise: one array parameter per column,
 * `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`, many thousand rows per statement.
 * Binding a handful of arrays instead of one parameter per value is several times faster than
 * `bulkInsert` on the embedded engine. `types` gives each column's SQL type.
 */
export async function bulkInsertColumns(
  manager: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
  types: Record<string, string>,
  rowsPerStatement = 20_000,
): Promise<void> {
  if (!rows.length) return;
  const schema = (manager.connection.driver.options as { schema?: string }).schema;
  const target = `${schema ? `"${schema}".` : ''}"${table}"`;
  const columns = Object.keys(types);
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${types[c]}[]`).join(', ');
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const batch = rows.slice(start, start + rowsPerStatement);
    await manager.query(`INSERT INTO ${target} (${columnList}) SELECT * FROM unnest(${arrays})`, columns.map((c) => batch.map((row) => row[c] ?? null)));
  }
}
