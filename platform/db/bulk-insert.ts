import type { EntityManager } from 'typeorm';
import { schemaName } from './data-source';

/** PostgreSQL allows 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

/**
 * Inserts plain rows (keys = column names) with multi-row INSERT statements, as many rows per
 * statement as the parameter limit allows. Used for demo data and bulk loads.
 */
export async function bulkInsert(
  manager: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
  onBatch?: (inserted: number) => void,
): Promise<void> {
  if (!rows.length) return;
  const schema = schemaName(manager.connection);
  const columns = Object.keys(rows[0]);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const target = `${schema ? `"${schema}".` : ''}"${table}"`;
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      const placeholders = columns.map((c) => {
        params.push(row[c]);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO ${target} (${columnList}) VALUES ${tuples.join(', ')}`, params);
    onBatch?.(batch.length);
  }
}
