import type { BaseContext } from '../../../platform/graphql/context';
import { EXPORT_PAGE, exportCondition } from '../../../platform/imports/export-query';
import { schemaName } from '../../../platform/db/data-source';

/**
 * Rows of one sheet a page at a time, in the order of `key` (one column, unique): `select` is
 * the query's select list and joins; the scope (on `areaColumn`) and the page follow.
 */
async function* pages(ctx: BaseContext, area: string | undefined, query: { select: string; areaColumn: string; key: string; keyAs: string }) {
  const { sql, values } = exportCondition(ctx, query.areaColumn, area, 2);
  let after = '';
  for (;;) {
    const rows: Record<string, unknown>[] = await ctx.dataSource.query(
      `${query.select} WHERE ${query.key} > $1 AND ${sql} ORDER BY ${query.key} LIMIT ${EXPORT_PAGE}`, [after, ...values]);
    yield* rows;
    if (rows.length < EXPORT_PAGE) return;
    after = String(rows[rows.length - 1][query.keyAs]);
  }
}

/** The grid assignments sheet's rows inside the caller's jurisdiction (narrowed to `area`), by household. */
export function exportGridAssignments(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  return pages(ctx, area, {
    select: `SELECT x.household_id::text AS "householdId", g.area_code AS "communityCode", g.number::text AS "gridNumber", u.number::text AS "unitNumber",
                    CASE WHEN length(x.area_code) = 15 THEN x.area_code END AS "householdAreaCode", x.assigned_on AS "assignedOn"
               FROM "${schema}".household_unit x JOIN "${schema}".grid_unit u ON u.id = x.unit_id JOIN "${schema}".grid g ON g.id = u.grid_id`,
    areaColumn: 'x.area_code', key: 'x.household_id::text', keyAs: 'householdId',
  });
}

/** The cadres sheet's rows inside the caller's jurisdiction (narrowed to `area`), by phone; the file route masks phones by the policy. */
export async function* exportCadres(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  yield* pages(ctx, area, {
    select: `SELECT c.phone, c.name, c.work_unit AS "workUnit", c.party_member AS "partyMember", c.area_code AS "areaCode", g.number::text AS "gridNumber"
               FROM "${schema}".cadre c LEFT JOIN "${schema}".grid g ON g.id = c.grid_id`,
    areaColumn: 'c.area_code', key: 'c.phone', keyAs: 'phone',
  });
}

/** The pairings sheet's rows inside the caller's jurisdiction (narrowed to `area`), by pairing id; the file route masks the cadre's phone by the policy. */
export async function* exportPairings(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  const rows = pages(ctx, area, {
    select: `SELECT p.id::text AS id, c.phone AS "cadrePhone", c.name AS "cadreName", p.household_id::text AS "householdId", p.started_on AS "startedOn", p.ended_on AS "endedOn"
               FROM "${schema}".cadre_pairing p JOIN "${schema}".cadre c ON c.id = p.cadre_id`,
    areaColumn: 'p.area_code', key: 'p.id::text', keyAs: 'id',
  });
  for await (const { id: _id, ...row } of rows) yield row;
}
