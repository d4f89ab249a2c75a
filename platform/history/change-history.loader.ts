import DataLoader from 'dataloader';
import type { BaseContext } from '../graphql/context';
import type { ChangeRecord, FieldChange } from './change-record.type';
import { queryNamed } from '../db/raw-sql';
import { reveal, SENSITIVE_COLUMNS } from '../security/sensitive';
import { schemaName } from '../db/data-source';

interface Row {
  table_name: string;
  record_id: string;
  area_code: string | null;
  at: Date | string;
  actor_subject: string | null;
  actor_role: string | null;
  operation: string;
  source: string | null;
  changes: { field: string; old: unknown; new: unknown }[] | string;
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

/** A change history key: a table, how many changes, and a record. */
export const changeKey = (table: string, first: number, id: string) => `${table}\u0000${first}\u0000${id}`;

/**
 * Per-request loader of records' latest changes, newest first: one statement per table and
 * page size in a batch, scoped to the jurisdiction (row-level security applies too). Field names
 * come back as the GraphQL fields (entity properties); sensitive columns (ID numbers, birth
 * dates, phones, incomes: `SENSITIVE_COLUMNS`) go through the disclosure policy (`reveal`):
 * masked or withheld for callers who do not see them in full, and a full value is noted for the
 * read audit like any other.
 */
export function createChangeLoader(ctx: Omit<BaseContext, 'changes'>): DataLoader<string, ChangeRecord[]> {
  const { dataSource, scope } = ctx;
  const schema = schemaName(dataSource);
  const metadataOf = (table: string) => dataSource.entityMetadatas.find((m) => m.tableName === table);
  const fieldName = (table: string, column: string) => metadataOf(table)?.findColumnWithDatabaseName(column)?.propertyName ?? column;
  const toRecord = (row: Row): ChangeRecord => {
    const changes: Exclude<Row['changes'], string> = typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes;
    const record = { type: metadataOf(row.table_name)?.targetName ?? row.table_name, id: row.record_id, areaCode: row.area_code ?? '' };
    const shown = (column: string, value: unknown): string | null => {
      const t = text(value);
      return t !== null && SENSITIVE_COLUMNS[column] ? reveal(ctx as BaseContext, SENSITIVE_COLUMNS[column], record, fieldName(row.table_name, column), t) : t;
    };
    return {
      at: new Date(row.at).toISOString(),
      actorSubject: row.actor_subject,
      actorRole: row.actor_role,
      operation: row.operation,
      source: row.source,
      changes: changes.map((c): FieldChange => ({ field: fieldName(row.table_name, c.field), old: shown(c.field, c.old), new: shown(c.field, c.new) })),
    };
  };
  return new DataLoader<string, ChangeRecord[]>(async (keys) => {
    const groups = new Map<string, { table: string; first: number; ids: string[] }>();
    for (const key of keys) {
      const [table, first, id] = key.split('\u0000');
      const group = groups.get(`${table}\u0000${first}`) ?? { table, first: Number(first), ids: [] };
      group.ids.push(id);
      groups.set(`${table}\u0000${first}`, group);
    }
    const found = new Map<string, ChangeRecord[]>();
    for (const { table, first, ids } of groups.values()) {
      const { clause, params } = scope.condition('c.area_code', 'changes');
      const rows = await queryNamed<Row>(
        dataSource,
        `SELECT * FROM (
           SELECT c.*, row_number() OVER (PARTITION BY c.record_id ORDER BY c.id DESC) AS n
             FROM "${schema}".change_log c
            WHERE c.table_name = :table AND c.record_id = ANY(:ids) AND ${clause}
         ) x WHERE x.n <= :first ORDER BY x.record_id, x.id DESC`,
        { ...params, table, ids, first },
      );
      for (const row of rows) {
        const key = changeKey(table, first, row.record_id);
        const list = found.get(key) ?? [];
        list.push(toRecord(row));
        found.set(key, list);
      }
    }
    return keys.map((key) => found.get(key) ?? []);
  });
}
