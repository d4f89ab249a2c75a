import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { areaPrefix, type Scope } from '../../../platform/security/scope';
import { today } from '../../../platform/graphql/validation';
import { OPEN_STATUSES } from '../party-building.enums';
import { schemaName } from '../../../platform/db/data-source';

/**
 * Aggregates contributed to `AdminArea`, computed in SQL (GROUP BY / count) for a whole batch of
 * areas and periods in one statement each, and scoped: the caller's jurisdiction narrows every
 * table read, so a county officer asking the prefecture's totals gets their county's only.
 */

/** A batch key: area code, first and last day of the period (`~` when open-ended). */
export const statsKey = (code: string, from?: string | null, to?: string | null) => `${code}|${from ?? ''}|${to ?? ''}`;
const OPEN_FROM = '0001-01-01';
const OPEN_TO = '9999-12-31';

export interface StructureCounts {
  organisations: number;
  grids: number;
  gridUnits: number;
  householdsInUnits: number;
  cadresInGrids: number;
  cadreWorkUnits: number;
  pairedHouseholds: number;
}

/** Positional parameters for raw SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The batch as a table `k(key, lo, d_from, d_to)` of prefix ranges and periods. */
function batchTable(keys: readonly string[], params: Params): string {
  const parts = keys.map((k) => k.split('|'));
  return `unnest(${params.add(keys)}::text[], ${params.add(parts.map(([code]) => areaPrefix(code)))}::text[],
    ${params.add(parts.map(([, from]) => from || OPEN_FROM))}::date[], ${params.add(parts.map(([, , to]) => to || OPEN_TO))}::date[]) AS k(key, lo, d_from, d_to)`;
}

/** `alias.area_code` inside the batch key's area and inside the jurisdiction. */
function within(alias: string, scope: Scope, params: Params): string {
  const ranges = scope.prefixes.map((p) => `(${alias}.area_code >= ${params.add(p)} AND ${alias}.area_code < ${params.add(`${p}~`)})`);
  return `${alias}.area_code >= k.lo COLLATE "C" AND ${alias}.area_code < (k.lo || '~') COLLATE "C" AND (${ranges.join(' OR ') || 'FALSE'})`;
}

function grouped<V>(run: (keys: readonly string[]) => Promise<{ key: string; label: string; n: string | number }[]>, make: (label: string, n: number) => V) {
  return new DataLoader<string, V[]>(async (keys) => {
    const rows = await run(keys);
    return keys.map((key) => rows.filter((r) => r.key === key).map((r) => make(r.label, Number(r.n))));
  });
}

export function createStatsLoaders(dataSource: DataSource, scope: Scope) {
  const schema = `"${schemaName(dataSource)}"`;
  const run = (sql: string, params: Params) => dataSource.query(sql, params.values);

  const countBy = (table: string, label: string, dateColumn: string, extra = '') =>
    (keys: readonly string[]) => {
      const params = new Params();
      const k = batchTable(keys, params);
      return run(
        `SELECT k.key, t.${label} AS label, count(*) AS n FROM ${k} JOIN ${schema}.${table} t ON ${within('t', scope, params)}
         AND t.${dateColumn} BETWEEN k.d_from AND k.d_to ${extra} GROUP BY k.key, t.${label} ORDER BY t.${label}`,
        params,
      );
    };

  return {
    /** Activities held in the period, by type. */
    statsActivities: grouped(countBy('party_activity', 'type', 'held_on'), (type, count) => ({ type, count })),
    /** Cases opened in the period, by current status. */
    statsCasesByStatus: grouped(countBy('governance_case', 'status', 'opened_on'), (status, count) => ({ status, count })),
    /** Cases resolved in the period, by category (problems solved). */
    statsSolved: grouped(countBy('governance_case', 'category', 'closed_on', `AND t.status = 'RESOLVED'`), (category, count) => ({ category, count })),
    /** Cases still being handled whose deadline has passed (today, not the period). */
    statsOverdue: new DataLoader<string, number>(async (keys) => {
      const params = new Params();
      const k = batchTable(keys, params);
      const rows: { key: string; n: string }[] = await run(
        `SELECT k.key, count(t.id) AS n FROM ${k} LEFT JOIN ${schema}.governance_case t ON ${within('t', scope, params)}
         AND t.status = ANY(${params.add(OPEN_STATUSES)}) AND t.deadline < ${params.add(today())}::date GROUP BY k.key`,
        params,
      );
      return keys.map((key) => Number(rows.find((r) => r.key === key)?.n ?? 0));
    }),
    /** Grids, units, households, cadres and pairings at or below the area (now). */
    statsStructure: new DataLoader<string, StructureCounts>(async (keys) => {
      const params = new Params();
      const k = batchTable(keys, params);
      const count = (table: string, what = 'count(*)', extra = '') => `(SELECT ${what} FROM ${schema}.${table} t WHERE ${within('t', scope, params)} ${extra})`;
      const rows: Record<string, string>[] = await run(
        `SELECT k.key,
           ${count('party_organisation')} AS organisations,
           ${count('grid')} AS grids,
           ${count('grid_unit')} AS grid_units,
           ${count('household_unit')} AS households_in_units,
           ${count('cadre', 'count(*)', 'AND t.grid_id IS NOT NULL')} AS cadres_in_grids,
           ${count('cadre', 'count(DISTINCT t.work_unit)', 'AND t.grid_id IS NOT NULL')} AS cadre_work_units,
           ${count('cadre_pairing', 'count(DISTINCT t.household_id)', 'AND t.ended_on IS NULL')} AS paired_households
         FROM ${k}`,
        params,
      );
      return keys.map((key) => {
        const r = rows.find((row) => row.key === key)!;
        return {
          organisations: Number(r.organisations),
          grids: Number(r.grids),
          gridUnits: Number(r.grid_units),
          householdsInUnits: Number(r.households_in_units),
          cadresInGrids: Number(r.cadres_in_grids),
          cadreWorkUnits: Number(r.cadre_work_units),
          pairedHouseholds: Number(r.paired_households),
        };
      });
    }),
  };
}
