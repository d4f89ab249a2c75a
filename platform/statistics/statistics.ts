import type { BaseContext } from '../graphql/context';
import { loadConfig } from '../config';
import { badInput } from '../graphql/errors';
import { seesSensitiveFields } from '../security/identity';
import { cachedQueryNamed } from '../db/data-version';
import { areaPrefix, checkAreaFilter, prefixCondition } from '../security/scope';
import { suppressSmallCells } from './suppression';

/**
 * Statistics tables every subgraph offers the same way: the caller picks dimensions, the
 * subgraph's spec says how each maps to SQL, and ONE statement groups the rows
 * (`GROUP BY GROUPING SETS ((dimensions…), ())`: the cells and the total together), scoped to
 * the caller's jurisdiction. No row is loaded into Node; the cells are kept until the data
 * change (`data-version.ts`). Callers who do not see registry data
 * in full (analysts, auditors, partners) get small cells suppressed (`suppression.ts`).
 */

/** How one dimension is computed, and where it goes in a cell. */
export interface DimensionSql {
  sql: string;
  /** Property of the cell the value goes into. */
  field: string;
  /** The value is an area code: the cell gets `area(code)` (an `AdminArea`). */
  area?: boolean;
}

export interface StatisticsSpec<D extends string> {
  /** `FROM …` (tables and joins; no WHERE). */
  from: string;
  /** Area-code column the caller's jurisdiction narrows. */
  areaColumn: string;
  dimensions: Record<D, DimensionSql>;
  /** Measure name → aggregate SQL (a count or a sum). */
  measures: Record<string, string>;
  /** The measure counting the units the suppression threshold applies to; null: never suppressed (no personal data). */
  contributors: string | null;
  /** Measures computed from the others per cell (rates, means); null in suppressed cells like the rest. */
  derive?(measures: Record<string, number>): Record<string, number | null>;
  /**
   * A column the measures are computed within (a rollup's area code, `rollups.ts`): each cell's
   * measures are aggregated per value of it, then summed. A distinct count exact within each
   * area (its members as bits) then adds up across areas.
   */
  partition?: string;
}

/** A SQL condition with its `:named` parameters. */
export interface Condition {
  clause: string;
  params: Record<string, unknown>;
}

export type Cell = Record<string, unknown> & { suppressed: boolean };

export interface StatisticsTable<D extends string = string> {
  groupBy: D[];
  rows: Cell[];
  /** Over every cell, suppressed ones included; null when withheld (see `suppression.ts`). */
  total: Cell | null;
  suppressedCells: number;
  /** The threshold applied, or null when the caller sees exact counts. */
  minCell: number | null;
}

export const MAX_DIMENSIONS = 4;
export const MAX_CELLS = 20_000;

let minCellSetting: number | undefined;
/** `SUPPRESSION_MIN_CELL` (default 5), read once. */
export function suppressionMinCell(): number {
  return (minCellSetting ??= loadConfig().suppressionMinCell);
}

/** Officers and community workers see exact counts inside their jurisdiction; everyone else gets small cells suppressed. */
export function seesExactCounts(ctx: BaseContext): boolean {
  return seesSensitiveFields(ctx.identity);
}

/** The small-cell threshold this caller's aggregates are held to; null when it sees exact figures. */
export function suppressionThreshold(ctx: BaseContext): number | null {
  return seesExactCounts(ctx) ? null : suppressionMinCell();
}

/**
 * A mean, median or rate over `units` units, as this caller may read it: withheld (null) when
 * fewer than the threshold contributed (a mean over one household is its income), as a cell of
 * a statistics table is. `withheld` is told when it is, so the answer can say `suppressed`.
 */
export function overUnits<T>(minCell: number | null, units: number, value: T | null, withheld: () => void): T | null {
  if (minCell === null || value === null || units >= minCell) return value;
  withheld();
  return null;
}

/** Age in whole years at `asOf` (an SQL date expression). */
export const ageSql = (birthDate: string, asOf: string) => `date_part('year', age(${asOf}, ${birthDate}))`;

/** The age band (`AgeBand`) of an age in whole years (an SQL expression): 0–15, 16–59, 60 and over. */
export function bandOfAge(age: string): string {
  return `CASE WHEN ${age} < 16 THEN 'AGE_0_15' WHEN ${age} < 60 THEN 'AGE_16_59' ELSE 'AGE_60_PLUS' END`;
}

/** The age band (`AgeBand`) of a birth date at `asOf`. */
export function ageBandSql(birthDate: string, asOf: string): string {
  return bandOfAge(ageSql(birthDate, asOf));
}

/** County, township and community of a full area code column. */
export function areaDimensions(column: string) {
  return {
    COUNTY: { sql: `substr(${column}, 1, 6)`, field: 'county', area: true },
    TOWNSHIP: { sql: `substr(${column}, 1, 9)`, field: 'township', area: true },
    COMMUNITY: { sql: `substr(${column}, 1, 12)`, field: 'community', area: true },
  } satisfies Record<string, DimensionSql>;
}

/** `column` within an area (and below), checked against the jurisdiction like every area filter. */
export function areaCondition(ctx: BaseContext, column: string, code: string, field: string): Condition {
  return prefixCondition(column, [areaPrefix(checkAreaFilter(ctx.scope, code, field))], 'stat_area');
}

/** `expression = :value` (a filter on one dimension), or nothing when the value is absent. */
export function equals(expression: string, value: unknown, name: string): Condition[] {
  return value === undefined || value === null ? [] : [{ clause: `${expression} = :${name}`, params: { [name]: value } }];
}

/** A year range on a year expression; from > to is BAD_USER_INPUT. */
export function yearRange(expression: string, from: number | null | undefined, to: number | null | undefined, field: string): Condition[] {
  if (from != null && to != null && from > to) {
    throw badInput([{ field, zh: '起始年份不能晚于截止年份', en: 'The first year must not be after the last' }]);
  }
  const name = field.replace(/\W/g, '_');
  return [
    ...(from != null ? [{ clause: `${expression} >= :${name}_from`, params: { [`${name}_from`]: from } }] : []),
    ...(to != null ? [{ clause: `${expression} <= :${name}_to`, params: { [`${name}_to`]: to } }] : []),
  ];
}

function checkGroupBy<D extends string>(groupBy: readonly D[], dimensions: Record<D, DimensionSql>): void {
  if (groupBy.length > MAX_DIMENSIONS) {
    throw badInput([{ field: 'groupBy', zh: `最多按 ${MAX_DIMENSIONS} 个维度分组`, en: `Group by at most ${MAX_DIMENSIONS} dimensions` }]);
  }
  if (new Set(groupBy).size !== groupBy.length) throw badInput([{ field: 'groupBy', zh: '分组维度不能重复', en: 'A dimension is listed twice' }]);
  for (const d of groupBy) if (!dimensions[d]) throw badInput([{ field: 'groupBy', zh: `此统计表不能按 ${d} 分组`, en: `This table cannot be grouped by ${d}` }]);
}

const toNumber = (value: unknown) => Math.round(Number(value ?? 0) * 100) / 100;

/** Runs one statistics table for the caller: one SQL statement, then suppression in memory over the cells. */
export async function runStatistics<D extends string>(
  ctx: BaseContext,
  spec: StatisticsSpec<D>,
  groupBy: readonly D[],
  where: Condition[],
  area: (code: string) => unknown,
): Promise<StatisticsTable<D>> {
  checkGroupBy(groupBy, spec.dimensions);
  const dims = groupBy.map((d) => spec.dimensions[d]);
  const measureNames = Object.keys(spec.measures);
  const scope = ctx.scope.condition(spec.areaColumn, 'stat_scope');
  const conditions = [scope, ...where];
  const dimSql = dims.map((d) => d.sql);
  const order = `ORDER BY ${dimSql.length ? dimSql.map((_, i) => i + 1).join(', ') : '1'}
  LIMIT ${MAX_CELLS + 2}`;
  const grouped = (measure: (sql: string) => string, partition: string[]) => `SELECT ${[
    ...dimSql.map((s, i) => `${s} AS d${i}`),
    dimSql.length ? `GROUPING(${dimSql.join(', ')}) <> 0 AS is_total` : 'TRUE AS is_total',
    ...measureNames.map((m, i) => `${measure(spec.measures[m])} AS m${i}`),
  ].join(', ')}
  ${spec.from}
  WHERE ${conditions.map((c) => `(${c.clause})`).join(' AND ')}
  GROUP BY GROUPING SETS (${[...(dimSql.length ? [[...partition, ...dimSql]] : []), partition].map((set) => `(${set.join(', ')})`).join(', ')})`;
  const d = dimSql.map((_, i) => `d${i}`);
  const sql = spec.partition
    ? `SELECT ${[...d, 'is_total', ...measureNames.map((_, i) => `sum(m${i})::text AS m${i}`)].join(', ')}
  FROM (${grouped((m) => `(${m})`, [spec.partition])}) per_partition
  GROUP BY ${[...d, 'is_total'].join(', ')}
  ${order}`
    : `${grouped((m) => `(${m})::text`, [])}
  ${order}`;
  const params = Object.assign({}, ...conditions.map((c) => c.params));
  const raw = await cachedQueryNamed<Record<string, unknown>>(ctx.dataSource, sql, params, ctx.reads);
  if (raw.length > MAX_CELLS + 1) {
    throw badInput([{ field: 'groupBy', zh: `结果超过 ${MAX_CELLS} 格，请减少维度或缩小范围`, en: `More than ${MAX_CELLS} cells: use fewer dimensions or a narrower filter` }]);
  }

  const toCell = (row: Record<string, unknown> | undefined, keyed: boolean): { cell: Cell; key: unknown[]; contributors: number } => {
    const measures = Object.fromEntries(measureNames.map((m, i) => [m, toNumber(row?.[`m${i}`])]));
    const key = keyed ? dims.map((_, i) => row?.[`d${i}`] ?? null) : [];
    const cell: Cell = { suppressed: false, ...measures, ...(spec.derive?.(measures) ?? {}) };
    dims.forEach((d, i) => {
      if (!keyed) return;
      if (d.area && key[i] !== null) lazyField(cell, d.field, () => area(String(key[i])));
      else cell[d.field] = key[i];
    });
    return { cell, key, contributors: spec.contributors ? measures[spec.contributors] : 0 };
  };
  const cells = raw.filter((r) => !r.is_total).map((r) => toCell(r, true));
  const total = toCell(raw.find((r) => r.is_total), false);

  const minCell = spec.contributors === null ? null : suppressionThreshold(ctx);
  let totalSuppressed = false;
  if (minCell !== null) {
    const result = suppressSmallCells(cells, minCell);
    totalSuppressed = result.totalSuppressed || (total.contributors > 0 && total.contributors < minCell);
    // the total has the measures (counted and derived) and no dimensions
    const measures = Object.keys(total.cell).filter((k) => k !== 'suppressed');
    result.suppressed.forEach((hidden, i) => {
      if (hidden) blank(cells[i].cell, measures);
    });
  }
  return {
    groupBy: [...groupBy],
    rows: cells.map((c) => c.cell),
    total: totalSuppressed ? null : total.cell,
    suppressedCells: cells.filter((c) => c.cell.suppressed).length,
    minCell,
  };
}

/**
 * Sets `field` to what `compute` gives when it is first read: a row's area is loaded only when
 * the client asks for it (GraphQL reads it), never for a table whose rows it did not select,
 * so no loader work is left running after the answer has been sent.
 */
function lazyField(target: Cell, field: string, compute: () => unknown): void {
  let value: unknown;
  let computed = false;
  Object.defineProperty(target, field, {
    enumerable: true,
    configurable: true,
    get() {
      if (!computed) (value = compute()), (computed = true);
      return value;
    },
  });
}

function blank(cell: Cell, measures: string[]): void {
  for (const m of measures) cell[m] = null;
  cell.suppressed = true;
}
