import { schemaName } from '../db/data-source';
import type { BaseContext } from '../graphql/context';
import { areaPrefix, checkAreaFilter, prefixCondition } from '../security/scope';

/** Rows an export reads per statement. */
export const EXPORT_PAGE = 5_000;

/**
 * The SQL condition of an export: the caller's jurisdiction on `column`, narrowed to `area`
 * when given (checked like a filter), with numbered parameters from `$first` on.
 */
export function exportCondition(ctx: BaseContext, column: string, area: string | undefined, first: number): { sql: string; values: string[] } {
  const scope = ctx.scope.condition(column, 'export_scope');
  const narrowed = area ? prefixCondition(column, [areaPrefix(checkAreaFilter(ctx.scope, area, 'area'))], 'export_area') : undefined;
  const clause = narrowed ? `${scope.clause} AND ${narrowed.clause}` : scope.clause;
  const params: Record<string, string> = { ...scope.params, ...narrowed?.params };
  const values: string[] = [];
  const sql = clause.replace(/:(\w+)/g, (_m, name: string) => {
    values.push(params[name]);
    return `$${first + values.length - 1}`;
  });
  return { sql, values };
}

/**
 * Reads an export a page at a time, by a key that grows: `select(schema, condition)` returns the
 * page after the last key (its parts in `$1…$k`), then `fixed` values (`$k+1…`, e.g. a cycle or
 * a year), then the jurisdiction's values.
 */
export async function* exportPages(
  ctx: BaseContext, column: string, area: string | undefined, start: string[],
  select: (schema: string, condition: string) => string, keyOf: (row: Record<string, unknown>) => string[],
  fixed: unknown[] = [],
): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  const { sql, values } = exportCondition(ctx, column, area, start.length + fixed.length + 1);
  let after = start;
  for (;;) {
    const rows: Record<string, unknown>[] = await ctx.dataSource.query(`${select(schema, sql)} LIMIT ${EXPORT_PAGE}`, [...after, ...fixed, ...values]);
    yield* rows;
    if (rows.length < EXPORT_PAGE) return;
    after = keyOf(rows[rows.length - 1]);
  }
}
