import type { EntityManager } from 'typeorm';
import { existingKeys } from '../../../platform/graphql/loaders';
import { HOUSEHOLD_AREA, HOUSEHOLD_ID } from '../../../platform/imports/reference-columns';
import { bulkInsertColumns } from '../../../platform/db/bulk-insert-columns';
import type { ChunkPlan, RowProblem } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import type { SheetColumn, SheetFormat, SheetValues } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import { HouseholdRef } from '../entities/household-ref.entity';
import { HouseStructure, LandUse, OccupancyStatus } from '../land-housing.enums';
import { householdAreaProblem } from '../services/household-ref.service';
import { schemaName } from '../../../platform/db/data-source';
import { countyOf } from '../../../platform/domain/area-code';

/** Chinese labels of the enums, as county clerks write them (the sheets show these; codes are accepted too). */
export const LABELS = {
  landUse: {
    [LandUse.CULTIVATED]: '耕地',
    [LandUse.ORCHARD]: '园地',
    [LandUse.FOREST]: '林地',
    [LandUse.HOMESTEAD]: '宅基地',
    [LandUse.OTHER]: '其他土地',
  },
  structure: {
    [HouseStructure.FRAME]: '框架',
    [HouseStructure.BRICK_CONCRETE]: '砖混',
    [HouseStructure.BRICK_WOOD]: '砖木',
    [HouseStructure.EARTH_WOOD]: '土木',
    [HouseStructure.SHED]: '杂房',
  },
  occupancy: {
    [OccupancyStatus.OCCUPIED]: '已入住',
    [OccupancyStatus.VACANT]: '空置',
    [OccupancyStatus.RENTED_OUT]: '出租',
  },
};

/** The household columns of the land-housing sheets: its id, and its resident group the first time. */
export const HOUSEHOLD_COLUMNS = [HOUSEHOLD_ID, HOUSEHOLD_AREA] as const;

/** The header of a sheet's column. */
export const headerOf = (format: SheetFormat, key: string): string => format.columns.find((c) => c.key === key)!.header;

/**
 * An amount cell (mu, m²) as a number: plain decimal digits (thousands separators allowed), as
 * Excel writes them; null when empty. A cell that is not a number is a problem (and null).
 */
export function amountCell<Row extends SheetValues>(format: SheetFormat<Row>, row: SheetRow, values: Row, key: keyof Row & string, label: string, problems: RowProblem[]): number | null {
  const text = values[key];
  if (typeof text === 'boolean') throw new Error(`${key} is a flag, not an amount`);
  if (text === null) return null;
  const v = text.replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  problems.push({ row: row.row, column: headerOf(format, key), value: row.cells[key] ?? '', zh: `${label}须为数字`, en: `row.${key} must be a number` });
  return null;
}

/** Amounts as stored (numeric, read as text) and as read from a file compare in hundredths. */
export const sameAmount = (stored: string | number | null, wanted: number | null): boolean =>
  stored === null || wanted === null ? stored === wanted : Math.round(Number(stored) * 100) === Math.round(wanted * 100);

export interface KnownHousehold {
  id: string;
  areaCode: string;
  countyCode: string;
}

/**
 * The households a file names, across its chunks, as `householdForRecord` sees them for a
 * mutation: this subgraph's record of the household, or for a household new to it the area the
 * row gives (inserted with the first row, and known to the file's later rows); a household
 * outside the jurisdiction (hidden by row-level security: the key probe says it exists) is refused.
 */
export function householdsOfFile(format: SheetFormat, scope: Scope) {
  const fromFile = new Map<string, KnownHousehold>();
  const idColumn = headerOf(format, HOUSEHOLD_ID.key);
  const areaColumn = headerOf(format, HOUSEHOLD_AREA.key);
  return {
    /** Each claim's household (by row), the problems, and the households to insert before the chunk's rows. */
    async plan(manager: EntityManager, claims: { row: number; householdId: string; householdAreaCode: string | null }[]) {
      const schema = schemaName(manager.connection);
      const ids = [...new Set(claims.map((c) => c.householdId).filter((id) => !fromFile.has(id)))];
      const rows: { id: string; area_code: string; county_code: string }[] = ids.length
        ? await manager.query(`SELECT r.id, r.area_code, r.county_code FROM unnest($1::uuid[]) AS k(id) JOIN "${schema}".household_ref r ON r.id = k.id`, [ids])
        : [];
      const recorded = new Map(rows.map((r) => [r.id, { id: r.id, areaCode: r.area_code, countyCode: r.county_code }]));
      const hidden = new Set(await existingKeys(manager, HouseholdRef, 'id', true)(ids.filter((id) => !recorded.has(id))));
      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const householdOf = new Map<number, KnownHousehold>();
      for (const { row, householdId: id, householdAreaCode: area } of claims) {
        const known = fromFile.get(id) ?? recorded.get(id);
        if (hidden.has(id) || (known && !scope.covers(known.areaCode))) {
          problems.push({ row, column: idColumn, value: id, zh: `移民户 ${id} 属于其他县（区、市），不在您的管辖范围内，不能导入`, en: `Household ${id} belongs to another county, outside your jurisdiction: you cannot import it` });
          continue;
        }
        const areaProblem = householdAreaProblem(known?.areaCode, area);
        if (areaProblem) {
          problems.push({ row, column: areaColumn, value: area ?? '', zh: areaProblem[0], en: areaProblem[1] });
          continue;
        }
        if (!known && !scope.covers(area!)) {
          problems.push({ row, column: areaColumn, value: area, zh: `现居住地 ${area} 不在您的管辖范围内，不能导入`, en: `householdAreaCode ${area} is outside your jurisdiction: you cannot import it` });
          continue;
        }
        const household = known ?? { id, areaCode: area!, countyCode: countyOf(area!) };
        if (!known) {
          fromFile.set(id, household);
          inserts.push({ id, area_code: household.areaCode, county_code: household.countyCode });
        }
        householdOf.set(row, household);
      }
      return { householdOf, problems, inserts };
    },
  };
}

/** A chunk's plan that first inserts the households new to this subgraph its rows refer to. */
export function withNewHouseholds(plan: ChunkPlan, households: Record<string, unknown>[]): ChunkPlan {
  return {
    ...plan,
    async write(manager) {
      await bulkInsertColumns(manager, 'household_ref', households);
      await plan.write(manager);
    },
  };
}
