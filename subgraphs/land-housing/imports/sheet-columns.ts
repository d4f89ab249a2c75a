import type { EntityManager } from 'typeorm';
import { lookupHouseholds, registryProblem } from '../../../platform/events/registry-lookup';
import { HOUSEHOLD_AREA, HOUSEHOLD_ID } from '../../../platform/imports/reference-columns';
import type { RowProblem } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import type { SheetFormat, SheetValues } from '../../../platform/imports/sheet-format';
import { headerOf } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import { HouseStructure, LandUse, OccupancyStatus } from '../land-housing.enums';
import { householdAreaProblem } from '../services/household-ref.service';

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

/** The household columns of the land-housing sheets: its id, and its resident group for the clerk's eyes (checked against the registry). */
export const HOUSEHOLD_COLUMNS = [HOUSEHOLD_ID, HOUSEHOLD_AREA] as const;


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
 * The households a file names, as `householdForRecord` sees them for a mutation: from this
 * subgraph's projection of the registry. A household the registry does not know, has cancelled
 * or holds outside the jurisdiction is refused; the resident group a row shows must be the
 * registry's (the problem names the registry's).
 */
export function householdsOfFile(format: SheetFormat, scope: Scope) {
  const idColumn = headerOf(format, HOUSEHOLD_ID.key);
  const areaColumn = headerOf(format, HOUSEHOLD_AREA.key);
  return {
    /** Each claim's household (by row), and the problems. */
    async plan(manager: EntityManager, claims: { row: number; householdId: string; householdAreaCode: string | null }[]) {
      const facts = await lookupHouseholds(manager, scope, claims.map((c) => c.householdId));
      const problems: RowProblem[] = [];
      const householdOf = new Map<number, KnownHousehold>();
      for (const { row, householdId: id, householdAreaCode: area } of claims) {
        const fact = facts.get(id)!;
        const refused = registryProblem('household', fact.state);
        if (refused) {
          problems.push({ row, column: idColumn, value: id, zh: `移民户 ${id}：${refused[0]}，不能导入`, en: `Household ${id}: ${refused[1]}; it cannot be imported` });
          continue;
        }
        const areaProblem = householdAreaProblem(fact.areaCode, area);
        if (areaProblem) {
          problems.push({ row, column: areaColumn, value: area ?? '', zh: areaProblem[0], en: areaProblem[1] });
          continue;
        }
        householdOf.set(row, { id, areaCode: fact.areaCode, countyCode: fact.countyCode });
      }
      return { householdOf, problems };
    },
  };
}
