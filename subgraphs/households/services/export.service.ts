import type { BaseContext } from '../../shared/context';
import { maskIdNumber, maskPhone } from '../../shared/id-number';
import { SensitiveCategory } from '../../shared/purposes';
import { seesInFull } from '../../shared/sensitive';
import { areaPrefix, checkAreaFilter, prefixCondition } from '../../shared/scope';
import { PersonStatus } from '../household.enums';
import { RegistrySheet } from '../imports/import.enums';

const PAGE = 5_000;

/** The SQL condition for the caller's jurisdiction, narrowed to `area` when given (checked like a filter). */
function where(ctx: BaseContext, column: string, area: string | undefined): { clause: string; params: Record<string, string> } {
  const scope = ctx.scope.condition(column, 'export_scope');
  if (!area) return scope;
  const narrowed = prefixCondition(column, [areaPrefix(checkAreaFilter(ctx.scope, area, 'area'))], 'export_area');
  return { clause: `${scope.clause} AND ${narrowed.clause}`, params: { ...scope.params, ...narrowed.params } };
}

/** Numbered parameters for TypeORM-style named ones, in order. */
function numbered(clause: string, params: Record<string, string>, first: number): { sql: string; values: string[] } {
  const values: string[] = [];
  const sql = clause.replace(/:(\w+)/g, (_m, name: string) => {
    values.push(params[name]);
    return `$${first + values.length - 1}`;
  });
  return { sql, values };
}

async function* households(ctx: BaseContext, schema: string, area?: string): AsyncGenerator<Record<string, unknown>> {
  const { sql, values } = numbered(where(ctx, 'h.area_code', area).clause, where(ctx, 'h.area_code', area).params, 2);
  let after = '';
  for (;;) {
    const rows: Record<string, unknown>[] = await ctx.dataSource.query(
      `SELECT h.registry_no AS "registryNo", h.station_id AS "stationId", h.original_area_code AS "originalAreaCode",
              h.area_code AS "areaCode", h.relocation_mode AS "relocationMode", h.housing_mode AS "housingMode",
              h.registered_on AS "registeredOn", h.relocated_on AS "relocatedOn"
         FROM "${schema}".household h WHERE h.registry_no > $1 AND ${sql} ORDER BY h.registry_no LIMIT ${PAGE}`, [after, ...values]);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].registryNo as string;
  }
}

async function* persons(ctx: BaseContext, schema: string, area?: string): AsyncGenerator<Record<string, unknown>> {
  const { sql, values } = numbered(where(ctx, 'p.area_code', area).clause, where(ctx, 'p.area_code', area).params, 4);
  // the masking policy, as for the fields in the graph: a partner sees what its purposes need
  const fullId = seesInFull(ctx.identity, SensitiveCategory.ID_NUMBER);
  const fullPhone = seesInFull(ctx.identity, SensitiveCategory.PHONE);
  let after = ['', ''];
  for (;;) {
    const rows: Record<string, unknown>[] = await ctx.dataSource.query(
      `SELECT h.registry_no AS "registryNo", p.name, p.id_number AS "idNumber", p.sex, p.birth_date AS "birthDate", p.ethnicity,
              p.relation, p.phone, p.production_mode AS "productionMode", p.left_behind_elderly AS "leftBehindElderly",
              p.left_behind_child AS "leftBehindChild", p.disabled, p.minimum_living_allowance AS "minimumLivingAllowance"
         FROM "${schema}".person p JOIN "${schema}".household h ON h.id = p.household_id
        WHERE p.status = $1 AND (h.registry_no, p.id_number) > ($2, $3) AND ${sql}
        ORDER BY h.registry_no, p.id_number LIMIT ${PAGE}`, [PersonStatus.ACTIVE, ...after, ...values]);
    for (const row of rows) {
      const idNumber = row.idNumber as string;
      const phone = row.phone as string | null;
      yield { ...row, idNumber: fullId ? idNumber : maskIdNumber(idNumber), phone: phone && !fullPhone ? maskPhone(phone) : phone };
    }
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    after = [last.registryNo as string, last.idNumber as string];
  }
}

/**
 * A sheet's rows inside the caller's jurisdiction (narrowed to `area` when given), in the
 * sheet's format, read a page at a time; ID numbers and phones masked unless the caller's role
 * sees them in full.
 */
export function exportRows(ctx: BaseContext, sheet: RegistrySheet, area?: string): AsyncGenerator<Record<string, unknown>> {
  if (area) checkAreaFilter(ctx.scope, area, 'area');
  const schema = (ctx.dataSource.driver.options as { schema?: string }).schema!;
  return sheet === RegistrySheet.HOUSEHOLDS ? households(ctx, schema, area) : persons(ctx, schema, area);
}
