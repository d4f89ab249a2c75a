import type { BaseContext } from '../../../platform/graphql/context';
import { EXPORT_PAGE, exportCondition } from '../../../platform/imports/export-query';
import { schemaName } from '../../../platform/db/data-source';

const NO_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * A sheet's rows inside the caller's jurisdiction on `column` (narrowed to `area`), a page at a
 * time: `select(scope)` orders by the keys `keyOf` reads, taking the last row's keys as `$1…`.
 */
async function* keysetPages(
  ctx: BaseContext,
  area: string | undefined,
  column: string,
  start: string[],
  keyOf: (row: Record<string, unknown>) => string[],
  select: (scope: string) => string,
): AsyncGenerator<Record<string, unknown>> {
  const { sql, values } = exportCondition(ctx, column, area, start.length + 1);
  let after = start;
  for (;;) {
    const rows: Record<string, unknown>[] = await ctx.dataSource.query(`${select(sql)} LIMIT ${EXPORT_PAGE}`, [...after, ...values]);
    yield* rows;
    if (rows.length < EXPORT_PAGE) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

/** The land-parcels sheet's rows, by village and parcel number. */
export function exportLandParcels(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  return keysetPages(ctx, area, 'p.area_code', ['', ''], (r) => [r.villageCode as string, r.parcelNo as string], (scope) =>
    `SELECT p.village_code AS "villageCode", p.parcel_no AS "parcelNo", p.station_id AS "stationId", p.household_id AS "householdId",
            CASE WHEN p.household_id IS NOT NULL THEN p.area_code END AS "householdAreaCode", p.land_use AS "landUse",
            p.area_mu::text AS "areaMu", p.surveyed_on AS "surveyedOn"
       FROM "${schema}".land_parcel p
      WHERE (p.village_code, p.parcel_no) > ($1, $2) AND ${scope} ORDER BY p.village_code, p.parcel_no`);
}

/** The original-houses sheet's rows, by household and house number. */
export function exportOriginalHouses(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  return keysetPages(ctx, area, 'h.area_code', [NO_UUID, ''], (r) => [r.householdId as string, r.houseNo as string], (scope) =>
    `SELECT h.household_id AS "householdId", h.area_code AS "householdAreaCode", h.house_no AS "houseNo", h.village_code AS "villageCode",
            h.structure, h.floor_area::text AS "floorArea", h.surveyed_on AS "surveyedOn"
       FROM "${schema}".original_house h
      WHERE (h.household_id, h.house_no) > ($1::uuid, $2) AND ${scope} ORDER BY h.household_id, h.house_no`);
}

/** The allocations sheet's rows, by flat; the flat's number (part of an exact address) masked by the file route, by the policy. */
export function exportAllocations(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  const schema = schemaName(ctx.dataSource);
  return keysetPages(ctx, area, 'a.area_code', [NO_UUID], (r) => [r.flatId as string], (scope) =>
    `SELECT a.flat_id AS "flatId", a.household_id AS "householdId", a.area_code AS "householdAreaCode", a.swapped_area::text AS "swappedArea",
            a.allocated_on AS "allocatedOn", a.handed_over_on AS "handedOverOn", a.occupancy_status AS "occupancyStatus", a.occupied_on AS "occupiedOn",
            s.name AS "siteName", b.number AS "buildingNo", u.number AS "unitNo", f.number AS "flatNo", f.floor_area::text AS "flatArea"
       FROM "${schema}".allocation a
       JOIN "${schema}".flat f ON f.id = a.flat_id
       JOIN "${schema}".building_unit u ON u.id = f.unit_id
       JOIN "${schema}".building b ON b.id = f.building_id
       JOIN "${schema}".resettlement_site s ON s.id = f.site_id
      WHERE a.flat_id > $1::uuid AND ${scope} ORDER BY a.flat_id`);
}
