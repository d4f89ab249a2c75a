import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Problems } from '../../../platform/graphql/errors';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { existingKeys } from '../../../platform/graphql/loaders';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import { checkDate } from '../../../platform/graphql/validation';
import { cents } from '../../../platform/db/decimal';
import { Flat } from '../entities/flat.entity';
import { OccupancyStatus, type FlatCategory, type SiteConstructionMode } from '../land-housing.enums';
import { checkAllocation, checkHandoverDate, checkSameCounty, checkSwap } from '../services/allocation.validation';
import { settlementOf } from '../services/settlement.rules';
import { amountCell, HOUSEHOLD_COLUMNS, householdsOfFile, LABELS, sameAmount } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';

const EXPORT_ONLY = '仅导出，导入时不读取 · Export only; not read on import';

/** The allocations sheet (安置房分配表): one row per flat allocated to a household. */
export const ALLOCATIONS_SHEET = sheetFormat({
  name: 'allocations',
  title: '安置房分配表',
  columns: [
    { key: 'flatId', header: '房源标识', aliases: ['安置房标识'], kind: 'code', required: true, note: '安置房在平台中的标识（见本表导出或安置点房源查询）；每套房一行 · The flat’s id (the key: one row per flat)' },
    ...HOUSEHOLD_COLUMNS,
    { key: 'swappedArea', header: '置换面积（平方米）', aliases: ['置换面积'], kind: 'text', note: '统建安置点按原房屋面积置换时填写；基本住房必填，保障住房不填 · Original floor area swapped, m² (unified sites)' },
    { key: 'allocatedOn', header: '分配日期', kind: 'date', required: true, note: 'YYYY-MM-DD · Date allocated' },
    { key: 'handedOverOn', header: '交房日期', kind: 'date', note: '未交房留空；不早于分配日期 · Date handed over; empty if not yet' },
    { key: 'occupancyStatus', header: '入住状态', kind: 'choice', choices: LABELS.occupancy, note: '交房后：已入住、空置或出租；交房未填时为空置 · After handover: how the flat is used (空置 if empty)' },
    { key: 'occupiedOn', header: '入住日期', kind: 'date', note: '首次入住日期，不早于交房日期；已入住未填时为交房日期 · Date first occupied' },
    { key: 'siteName', header: '安置点', kind: 'text', exportOnly: true, note: EXPORT_ONLY },
    { key: 'buildingNo', header: '幢号', kind: 'text', exportOnly: true, note: EXPORT_ONLY },
    { key: 'unitNo', header: '单元号', kind: 'text', exportOnly: true, note: EXPORT_ONLY },
    { key: 'flatNo', header: '房号', kind: 'text', exportOnly: true, sensitive: SensitiveCategory.EXACT_ADDRESS, note: `${EXPORT_ONLY}；门牌信息，按权限遮蔽 · masked unless your role sees exact addresses` },
    { key: 'flatArea', header: '建筑面积（平方米）', kind: 'text', exportOnly: true, note: EXPORT_ONLY },
  ],
});

export interface ValidAllocation {
  flatId: string;
  householdId: string;
  householdAreaCode: string | null;
  swappedArea: number | null;
  allocatedOn: string;
  handedOverOn: string | null;
  occupancyStatus: OccupancyStatus | null;
  occupiedOn: string | null;
}

interface FlatOfRow {
  id: string;
  area_code: string;
  floor_area: string;
  category: FlatCategory;
  site_county: string;
  construction_mode: SiteConstructionMode;
  max_extra_area: string | null;
}

interface ExistingAllocation {
  id: string;
  flat_id: string;
  household_id: string;
  swapped_area: string | null;
  allocated_area: string;
  settlement: string;
  allocated_on: string;
  handed_over_on: string | null;
  occupied_on: string | null;
  occupancy_status: string | null;
}

const column = (key: string) => headerOf(ALLOCATIONS_SHEET, key);
const COMPARED = ['settlement', 'allocated_on', 'handed_over_on', 'occupied_on', 'occupancy_status'] as const;

/**
 * Imports the allocations sheet, keyed by flat: a flat not yet allocated is allocated under
 * allocateFlat's rules (same county, the site's swap rules, at most the household's unswapped
 * floor area); an allocated flat's row updates its swap, dates and occupancy; a row giving a
 * flat to another household than the one it was allocated to is refused, naming that household.
 */
export function allocationsImport(scope: Scope): SheetImport<ValidAllocation> {
  const households = householdsOfFile(ALLOCATIONS_SHEET, scope);
  /** Swaps of the file's accepted rows so far (by household, then flat): they replace the database's for those flats. */
  const swapsOfFile = new Map<string, Map<string, number>>();
  const flatsOfFile = new Set<string>();
  return {
    format: ALLOCATIONS_SHEET,
    tables: ['household_ref', 'flat', 'allocation', 'original_house'],
    keyColumn: column('flatId'),
    key: (a) => a.flatId,

    checkRow(row) {
      const { values, problems } = parseCells(ALLOCATIONS_SHEET, row);
      const swappedArea = amountCell(ALLOCATIONS_SHEET, row, values, 'swappedArea', '置换面积', problems);
      if (problems.length) return { problems };
      const input = {
        flatId: values.flatId,
        householdId: values.householdId,
        householdAreaCode: values.householdAreaCode,
        swappedArea,
        allocatedOn: values.allocatedOn,
      };
      const handedOverOn = values.handedOverOn;
      let occupancyStatus = values.occupancyStatus;
      let occupiedOn = values.occupiedOn;
      const fields = new Problems();
      const householdArea = checkAllocation(fields, 'row', input);
      checkDate(fields, 'row.handedOverOn', handedOverOn, '交房日期');
      checkDate(fields, 'row.occupiedOn', occupiedOn, '入住日期');
      if (handedOverOn) {
        checkHandoverDate(fields, 'row.handedOverOn', handedOverOn, input.allocatedOn);
        // as handOverFlat: vacant unless said otherwise; occupied from the handover unless dated
        occupancyStatus ??= OccupancyStatus.VACANT;
        if (occupancyStatus === OccupancyStatus.OCCUPIED) occupiedOn ??= handedOverOn;
        if (occupiedOn && occupiedOn < handedOverOn) fields.add('row.occupiedOn', `入住日期不能早于交房日期（${handedOverOn}）`, `occupiedOn cannot precede handedOverOn (${handedOverOn})`);
      } else {
        if (occupancyStatus) fields.add('row.occupancyStatus', '该房尚未交房：请先填写交房日期', 'The flat has not been handed over yet: give handedOverOn');
        if (occupiedOn) fields.add('row.occupiedOn', '该房尚未交房：请先填写交房日期', 'The flat has not been handed over yet: give handedOverOn');
      }
      if (!fields.empty) return { problems: rowProblems(ALLOCATIONS_SHEET, row, fields.all) };
      return {
        problems: [],
        valid: {
          ...input, flatId: input.flatId.toLowerCase(), householdId: input.householdId.toLowerCase(), householdAreaCode: householdArea ?? null,
          handedOverOn, occupancyStatus, occupiedOn,
        },
      };
    },

    async plan(manager: EntityManager, rows): Promise<ChunkPlan> {
      const schema = schemaName(manager.connection);
      const flatIds = rows.map((r) => r.valid.flatId);
      const flats: FlatOfRow[] = await manager.query(
        `SELECT f.id, f.area_code, f.floor_area::text AS floor_area, f.category, s.county_code AS site_county, s.construction_mode, s.max_extra_area::text AS max_extra_area
           FROM unnest($1::uuid[]) AS k(id) JOIN "${schema}".flat f ON f.id = k.id JOIN "${schema}".resettlement_site s ON s.id = f.site_id`, [flatIds]);
      const flatOf = new Map(flats.map((f) => [f.id, f]));
      // flats of other counties are hidden (row-level security): which of the rest exist there
      const hiddenFlats = new Set(await existingKeys(manager, Flat, 'id', true)(flatIds.filter((id) => !flatOf.has(id))));
      const existing: ExistingAllocation[] = await manager.query(
        `SELECT a.id, a.flat_id, a.household_id, a.swapped_area::text AS swapped_area, a.allocated_area::text AS allocated_area, a.settlement,
                a.allocated_on, a.handed_over_on, a.occupied_on, a.occupancy_status
           FROM unnest($1::uuid[]) AS k(id) JOIN "${schema}".allocation a ON a.flat_id = k.id`, [flatIds]);
      const allocationOf = new Map(existing.map((a) => [a.flat_id, a]));
      const { householdOf, problems: householdProblems } = await households.plan(manager, rows.map(({ row, valid }) => ({ row, householdId: valid.householdId, householdAreaCode: valid.householdAreaCode })));
      // what each household surveyed, and swapped for flats the file does not name
      const householdIds = [...new Set(rows.map((r) => r.valid.householdId))];
      const surveyed: { household_id: string; total: string }[] = await manager.query(
        `SELECT household_id, sum(floor_area)::text AS total FROM "${schema}".original_house WHERE household_id = ANY($1::uuid[]) GROUP BY household_id`, [householdIds]);
      const surveyedOf = new Map(surveyed.map((s) => [s.household_id, cents(Number(s.total))]));
      const swaps: { household_id: string; flat_id: string; swapped_area: string }[] = await manager.query(
        `SELECT household_id, flat_id, swapped_area::text AS swapped_area FROM "${schema}".allocation WHERE household_id = ANY($1::uuid[]) AND swapped_area IS NOT NULL`, [householdIds]);
      const swapsOf = new Map<string, { flat_id: string; swapped_area: string }[]>();
      for (const s of swaps) swapsOf.set(s.household_id, [...(swapsOf.get(s.household_id) ?? []), s]);
      const unswapped = (householdId: string, flatId: string) => {
        let left = surveyedOf.get(householdId) ?? 0;
        for (const s of swapsOf.get(householdId) ?? []) if (s.flat_id !== flatId && !flatsOfFile.has(s.flat_id)) left -= cents(Number(s.swapped_area));
        for (const [flat, hundredths] of swapsOfFile.get(householdId) ?? []) if (flat !== flatId) left -= hundredths;
        return left;
      };

      const problems: RowProblem[] = [...householdProblems];
      const refused = new Set(householdProblems.map((p) => p.row));
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: a } of rows) {
        const found = problems.length;
        const problem = (key: keyof ValidAllocation, zh: string, en: string) => problems.push({ row, column: column(key), value: String(a[key] ?? ''), zh, en });
        const flat = flatOf.get(a.flatId);
        if (hiddenFlats.has(a.flatId)) problem('flatId', `房源 ${a.flatId} 属于其他县（区、市），不在您的管辖范围内，不能导入`, `Flat ${a.flatId} belongs to another county, outside your jurisdiction: you cannot import it`);
        else if (!flat) problem('flatId', `房源 ${a.flatId} 不存在`, `No flat has id ${a.flatId}`);
        if (problems.length > found || refused.has(row)) continue;
        const household = householdOf.get(row)!;
        const old = allocationOf.get(a.flatId);
        if (old && old.household_id !== a.householdId) {
          problem('flatId', `该房源已分配给移民户 ${old.household_id}，不能再分配给 ${a.householdId}`, `The flat is already allocated to household ${old.household_id}, not to ${a.householdId}`);
          continue;
        }
        const fields = new Problems();
        checkSameCounty(fields, 'row.householdId', household.countyCode, flat!.site_county);
        const swapChanged = !old || !sameAmount(old.swapped_area, a.swappedArea);
        if (swapChanged) {
          // allocateFlat's swap rules, against what the household has not swapped yet (none for a household new here)
          const site = { constructionMode: flat!.construction_mode, maxExtraArea: flat!.max_extra_area === null ? null : Number(flat!.max_extra_area) };
          checkSwap(fields, 'row.swappedArea', site, { category: flat!.category, floorArea: Number(flat!.floor_area) }, a.swappedArea, unswapped(a.householdId, a.flatId));
        }
        if (old?.handed_over_on && !a.handedOverOn) fields.add('row.handedOverOn', `该房已于 ${old.handed_over_on} 交房，交房日期不能清空`, `The flat was handed over on ${old.handed_over_on}: handedOverOn cannot be emptied`);
        if (!fields.empty) {
          problems.push(...rowProblems(ALLOCATIONS_SHEET, { row, cells: { swappedArea: String(a.swappedArea ?? ''), handedOverOn: a.handedOverOn ?? '' } }, fields.all));
          continue;
        }
        flatsOfFile.add(a.flatId);
        if (!swapsOfFile.has(a.householdId)) swapsOfFile.set(a.householdId, new Map());
        swapsOfFile.get(a.householdId)!.set(a.flatId, a.swappedArea === null ? 0 : cents(a.swappedArea));
        const allocatedArea = old ? Number(old.allocated_area) : Number(flat!.floor_area);
        const wanted = {
          swapped_area: a.swappedArea, settlement: settlementOf(allocatedArea, a.swappedArea), allocated_on: a.allocatedOn,
          handed_over_on: a.handedOverOn, occupied_on: a.occupiedOn, occupancy_status: a.occupancyStatus,
        };
        if (!old) {
          inserts.push({
            id: randomUUID(), flat_id: a.flatId, household_id: household.id, area_code: household.areaCode, site_area_code: flat!.area_code,
            county_code: household.countyCode, allocated_area: allocatedArea, ...wanted,
          });
        } else if (swapChanged || COMPARED.some((k) => (old[k] ?? null) !== (wanted[k] ?? null))) {
          updates.push({ id: old.id, ...wanted });
        } else unchanged++;
      }
      return upsertPlan('allocation', { problems, inserts, updates, unchanged });
    },
  };
}
