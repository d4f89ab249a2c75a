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
