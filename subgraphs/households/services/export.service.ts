import type { BaseContext } from '../../../platform/graphql/context';
import { EXPORT_PAGE, exportCondition } from '../../../platform/imports/export-query';
import { PersonStatus } from '../households.enums';
import { schemaName } from '../../../platform/db/data-source';

/** The households sheet's rows inside the caller's jurisdiction (narrowed to `area`), by registry number. */
export async function* exportHouseholds(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  const { sql, values } = exportCondition(ctx, 'h.area_code', area, 2);
  let after = '';
  for (;;) {
    const rows: Record<string, unknown>[] = await ctx.dataSource.query(
      `SELECT h.registry_no AS "registryNo", h.id AS "householdId", h.station_id AS "stationId", h.original_area_code AS "originalAreaCode",
              h.area_code AS "areaCode", h.relocation_mode AS "relocationMode", h.housing_mode AS "housingMode",
              h.registered_on AS "registeredOn", h.relocated_on AS "relocatedOn"
         FROM "${schema}".household h WHERE h.registry_no > $1 AND ${sql} ORDER BY h.registry_no LIMIT ${EXPORT_PAGE}`, [after, ...values]);
    yield* rows;
    if (rows.length < EXPORT_PAGE) return;
    after = rows[rows.length - 1].registryNo as string;
  }
}

/** The persons sheet's rows inside the caller's jurisdiction (narrowed to `area`); the file route masks the sensitive columns. */
export async function* exportPersons(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  const { sql, values } = exportCondition(ctx, 'p.area_code', area, 4);
  let after = ['', ''];
  for (;;) {
    const rows: Record<string, unknown>[] = await ctx.dataSource.query(
      `SELECT h.registry_no AS "registryNo", h.id AS "householdId", p.id AS "personId", p.name, p.id_number AS "idNumber", p.sex, p.birth_date AS "birthDate", p.ethnicity,
              p.relation, p.phone, p.production_mode AS "productionMode", p.left_behind_elderly AS "leftBehindElderly",
              p.left_behind_child AS "leftBehindChild", p.disabled, p.minimum_living_allowance AS "minimumLivingAllowance"
         FROM "${schema}".person p JOIN "${schema}".household h ON h.id = p.household_id
        WHERE p.status = $1 AND (h.registry_no, p.id_number) > ($2, $3) AND ${sql}
        ORDER BY h.registry_no, p.id_number LIMIT ${EXPORT_PAGE}`, [PersonStatus.ACTIVE, ...after, ...values]);
    yield* rows;
    if (rows.length < EXPORT_PAGE) return;
    const last = rows[rows.length - 1];
    after = [last.registryNo as string, last.idNumber as string];
  }
}
