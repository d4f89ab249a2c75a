import { bulkInsertColumns, bulkUpdateColumns } from '../../../platform/db/bulk-insert-columns';
import { Problems } from '../../../platform/graphql/errors';
import { HOUSEHOLD_AREA, HOUSEHOLD_ID } from '../../../platform/imports/reference-columns';
import { existingKeys } from '../../../platform/graphql/loaders';
import type { ChunkPlan, RowProblem, SheetImport } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import { checkDate, checkId, checkInt, normalizeAreaCode, today } from '../../../platform/graphql/validation';
import { HouseholdUnit } from '../entities/household-unit.entity';
import { IN_UNIT_OUTSIDE } from '../services/engagement.rules';
import { COMMUNITY_CODE, GRID_NUMBER } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';
import { lookupHouseholds, registryProblem } from '../../../platform/events/registry-lookup';

/** The grid assignments sheet (网格划分表): one row per household, naming the grid unit it belongs to. */
export const GRID_ASSIGNMENTS_SHEET = sheetFormat({
  name: 'grid-assignments',
  title: '网格划分表',
  columns: [
    { ...HOUSEHOLD_ID, note: `${HOUSEHOLD_ID.note}；每户一行（本表的键） · one row per household (the key of the sheet)` },
    COMMUNITY_CODE,
    GRID_NUMBER,
    { key: 'unitNumber', header: '单元序号', aliases: ['网格单元序号', '单元编号'], kind: 'text', required: true, note: '网格单元在网格内的序号，1–999 · The unit’s number in its grid' },
    { ...HOUSEHOLD_AREA, note: '该户现居住居民小组代码，15 位；可留空，填写时须与移民登记一致（该户须居住在该社区） · The household’s resident group; may be empty, and must match the registry when given (the household must live in the community)' },
    { key: 'assignedOn', header: '划入日期', kind: 'date', note: 'YYYY-MM-DD；留空：新划入的记为今天，单元未变的保留原日期 · Date assigned; empty: today when new or moved, kept otherwise' },
  ],
});

export interface ValidAssignment {
  householdId: string;
  communityCode: string;
  gridNumber: number;
  unitNumber: number;
  householdAreaCode: string | null;
  assignedOn: string | null;
}

const header = (key: string) => headerOf(GRID_ASSIGNMENTS_SHEET, key);
const COMPARED = ['unit_id', 'grid_id', 'assigned_on', 'area_code', 'county_code'] as const;
type Stored = Record<(typeof COMPARED)[number], string> & { household_id: string };
const number = (text: string) => (/^\d{1,3}$/.test(text.trim()) ? Number(text) : NaN);

/**
 * Imports the grid assignments sheet, as `assignHouseholdsToUnit` does: a household new to the
 * grids is put into the unit, one in another unit moves; one in a unit outside the jurisdiction
 * is refused. Each household's area and county are the registry's (this subgraph's projection):
 * unknown, cancelled or another county's households are refused, and so is a row whose resident
 * group differs from the registry's (the problem names it) or whose household lives outside the
 * community.
 */
export function gridAssignmentsImport(scope: Scope): SheetImport<ValidAssignment> {
  const now = today();
  return {
    format: GRID_ASSIGNMENTS_SHEET,
    tables: ['grid', 'grid_unit', 'household_unit'],
    keyColumn: HOUSEHOLD_ID.header,
    key: (a) => a.householdId,

    checkRow(row) {
      const { values, problems } = parseCells(GRID_ASSIGNMENTS_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const householdId = values.householdId;
      checkId(fields, 'row.householdId', householdId);
      const communityCode = normalizeAreaCode(values.communityCode);
      if (!/^\d{12}$/.test(communityCode)) fields.add('row.communityCode', '网格所在区划须为社区代码（12 位）', 'communityCode must be a 12-digit community code');
      const gridNumber = number(values.gridNumber);
      const unitNumber = number(values.unitNumber);
      checkInt(fields, 'row.gridNumber', gridNumber, 1, 999, '网格序号');
      checkInt(fields, 'row.unitNumber', unitNumber, 1, 999, '单元序号');
      const householdAreaCode = values.householdAreaCode ? normalizeAreaCode(values.householdAreaCode) : null;
      if (householdAreaCode && (!/^\d{15}$/.test(householdAreaCode) || !householdAreaCode.startsWith(communityCode))) {
        fields.add('row.householdAreaCode', `现居住地须为社区 ${communityCode} 内的居民小组代码（15 位）`, `householdAreaCode must be a resident group (15 digits) of community ${communityCode}`);
      }
      const assignedOn = values.assignedOn;
      checkDate(fields, 'row.assignedOn', assignedOn, '划入日期');
      if (!fields.empty) return { problems: rowProblems(GRID_ASSIGNMENTS_SHEET, row, fields.all) };
      return { problems: [], valid: { householdId: householdId.toLowerCase(), communityCode, gridNumber, unitNumber, householdAreaCode, assignedOn } };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const schema = schemaName(manager.connection);
      const units: { id: string; grid_id: string; area_code: string; county_code: string; community: string; grid_number: number; number: number }[] = await manager.query(
        `SELECT DISTINCT u.id, u.grid_id, u.area_code, u.county_code, g.area_code AS community, g.number AS grid_number, u.number
           FROM unnest($1::text[], $2::int[], $3::int[]) AS k(area, grid, unit)
           JOIN "${schema}".grid g ON g.area_code = (k.area COLLATE "C") AND g.number = k.grid
           JOIN "${schema}".grid_unit u ON u.grid_id = g.id AND u.number = k.unit`,
        [rows.map((r) => r.valid.communityCode), rows.map((r) => r.valid.gridNumber), rows.map((r) => r.valid.unitNumber)]);
      const unitOf = new Map(units.map((u) => [`${u.community}/${u.grid_number}/${u.number}`, u]));
      const ids = rows.map((r) => r.valid.householdId);
      const existing: Stored[] = await manager.query(
        `SELECT x.household_id, ${COMPARED.map((c) => `x.${c}`).join(', ')}
           FROM unnest($1::uuid[]) AS k(id) JOIN "${schema}".household_unit x ON x.household_id = k.id`, [ids]);
      const current = new Map(existing.map((x) => [x.household_id, x]));
      // a household already in a unit outside the caller's jurisdiction is not theirs to move
      const elsewhere = new Set(await existingKeys(manager, HouseholdUnit, 'household_id', true)(ids.filter((id) => !current.has(id))));
      const registry = await lookupHouseholds(manager, scope, ids);

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: a } of rows) {
        const found = problems.length;
        const problem = (key: keyof ValidAssignment, zh: string, en: string) => problems.push({ row, column: header(key), value: String(a[key] ?? ''), zh, en });
        const unit = unitOf.get(`${a.communityCode}/${a.gridNumber}/${a.unitNumber}`);
        const before = current.get(a.householdId);
        if (!scope.covers(a.communityCode)) problem('communityCode', `社区 ${a.communityCode} 不在您的管辖范围内，不能导入`, `Community ${a.communityCode} is outside your jurisdiction: you cannot import it`);
        else if (!unit) problem('unitNumber', `社区 ${a.communityCode} 没有第 ${a.gridNumber} 网格第 ${a.unitNumber} 单元`, `Community ${a.communityCode} has no unit ${a.unitNumber} in grid ${a.gridNumber}`);
        if (problems.length > found) continue;
        const fact = registry.get(a.householdId)!;
        const refused = registryProblem('household', fact.state);
        if (refused) problem('householdId', `移民户 ${a.householdId}：${refused[0]}，不能导入`, `Household ${a.householdId}: ${refused[1]}; it cannot be imported`);
        else if (elsewhere.has(a.householdId) || (before && !scope.covers(before.area_code))) problem('householdId', ...IN_UNIT_OUTSIDE);
        else if (a.householdAreaCode && a.householdAreaCode !== fact.areaCode) {
          problem('householdAreaCode', `与移民登记的该户现居住地（${fact.areaCode}）不符`, `does not match the household’s area in the registry, ${fact.areaCode}`);
        }
        if (problems.length > found) continue;
        if (!fact.areaCode.startsWith(a.communityCode)) {
          problem('communityCode', `移民登记中该户居住在 ${fact.areaCode}，不在社区 ${a.communityCode} 内`, `The registry has the household in ${fact.areaCode}, outside community ${a.communityCode}`);
          continue;
        }
        const stays = before?.unit_id === unit!.id;
        const values = {
          unit_id: unit!.id,
          grid_id: unit!.grid_id,
          assigned_on: a.assignedOn ?? (stays ? before!.assigned_on : now),
          // the registry's, never the file's
          area_code: fact.areaCode,
          county_code: fact.countyCode,
        };
        if (!before) inserts.push({ household_id: a.householdId, ...values });
        else if (COMPARED.some((k) => before[k] !== values[k])) updates.push({ household_id: a.householdId, ...values });
        else unchanged++;
      }
      return {
        problems,
        inserted: inserts.length,
        updated: updates.length,
        unchanged,
        async write(m) {
          await bulkInsertColumns(m, 'household_unit', inserts);
          await bulkUpdateColumns(m, 'household_unit', 'household_id', updates);
        },
      };
    },
  };
}
