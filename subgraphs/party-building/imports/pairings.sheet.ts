import { randomUUID } from 'node:crypto';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { Problems } from '../../../platform/graphql/errors';
import { HOUSEHOLD_ID } from '../../../platform/imports/reference-columns';
import { existingKeys } from '../../../platform/graphql/loaders';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import { checkDate, checkId, checkPhone } from '../../../platform/graphql/validation';
import { Cadre } from '../entities/cadre.entity';
import { HouseholdUnit } from '../entities/household-unit.entity';
import { ALREADY_PAIRED, CADRE_OTHER_COUNTY, IN_UNIT_OUTSIDE, NOT_IN_UNIT } from '../services/engagement.rules';

import { schemaName } from '../../../platform/db/data-source';
import { lookupHouseholds, registryProblem } from '../../../platform/events/registry-lookup';

/** The pairings sheet (结对帮扶表): one row per pairing of a cadre (by phone) with a household (by id). */
export const PAIRINGS_SHEET = sheetFormat({
  name: 'pairings',
  title: '结对帮扶表',
  columns: [
    { key: 'cadrePhone', header: '干部手机号码', aliases: ['干部电话', '干部联系电话'], kind: 'text', required: true, sensitive: SensitiveCategory.PHONE, note: '干部表中该干部的手机号码 · The cadre’s mobile, as in the cadres sheet' },
    HOUSEHOLD_ID,
    { key: 'startedOn', header: '结对日期', aliases: ['开始日期'], kind: 'date', required: true, note: 'YYYY-MM-DD；干部、户与结对日期确定一条结对 · First day; cadre, household and this date name the pairing' },
    { key: 'endedOn', header: '结束日期', kind: 'date', note: 'YYYY-MM-DD，不早于结对日期；仍在结对的留空 · Last day; empty while it lasts' },
    { key: 'cadreName', header: '干部姓名', kind: 'text', exportOnly: true, note: '仅导出：便于核对，导入时不读取 · Export only: for reading; not read on import' },
  ],
});

export interface ValidPairing {
  cadrePhone: string;
  householdId: string;
  startedOn: string;
  endedOn: string | null;
}

const header = (key: string) => headerOf(PAIRINGS_SHEET, key);

/**
 * Imports the pairings sheet, as `pairCadre` does: the cadre and the household (already in a grid
 * unit) inside the jurisdiction and in the same county, one open pairing per cadre and household.
 * A known pairing (same cadre, household and first day) is updated where its last day differs.
 * The household's area and county are the registry's: unknown, cancelled or another county's
 * households are refused.
 */
export function pairingsImport(scope: Scope): SheetImport<ValidPairing> {
  const openRowOf = new Map<string, number>(); // cadre and household → the row of this file pairing them with no end
  return {
    format: PAIRINGS_SHEET,
    tables: ['cadre', 'household_unit', 'cadre_pairing'],
    keyColumn: header('startedOn'),
    key: (p) => `${p.cadrePhone} ${p.householdId} ${p.startedOn}`,

    checkRow(row) {
      const { values, problems } = parseCells(PAIRINGS_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const p = { cadrePhone: values.cadrePhone, householdId: values.householdId, startedOn: values.startedOn, endedOn: values.endedOn };
      checkPhone(fields, 'row.cadrePhone', p.cadrePhone);
      checkId(fields, 'row.householdId', p.householdId);
      checkDate(fields, 'row.startedOn', p.startedOn, '结对日期');
      checkDate(fields, 'row.endedOn', p.endedOn, '结束日期');
      if (fields.empty && p.endedOn && p.endedOn < p.startedOn) fields.add('row.endedOn', '结束日期不能早于结对日期', 'endedOn cannot be before startedOn');
      const pair = `${p.cadrePhone} ${p.householdId.toLowerCase()}`;
      if (fields.empty && !p.endedOn) {
        const first = openRowOf.get(pair);
        if (first !== undefined) fields.add('row.endedOn', `第 ${first} 行已有该干部与该户未结束的结对：${ALREADY_PAIRED[0]}`, `Row ${first} already pairs this cadre and household with no end: ${ALREADY_PAIRED[1]}`);
        else openRowOf.set(pair, row.row);
      }
      if (!fields.empty) return { problems: rowProblems(PAIRINGS_SHEET, row, fields.all) };
      return { problems: [], valid: { ...p, householdId: p.householdId.toLowerCase() } };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const schema = schemaName(manager.connection);
      const phones = [...new Set(rows.map((r) => r.valid.cadrePhone))];
      const ids = [...new Set(rows.map((r) => r.valid.householdId))];
      const cadres: { id: string; phone: string; area_code: string; county_code: string }[] = await manager.query(
        `SELECT c.id, c.phone, c.area_code, c.county_code FROM unnest($1::text[]) AS k(phone) JOIN "${schema}".cadre c ON c.phone = (k.phone COLLATE "C")`, [phones]);
      const cadreOf = new Map(cadres.map((c) => [c.phone, c]));
      const units: { household_id: string; area_code: string; county_code: string }[] = await manager.query(
        `SELECT x.household_id, x.area_code, x.county_code FROM unnest($1::uuid[]) AS k(id) JOIN "${schema}".household_unit x ON x.household_id = k.id`, [ids]);
      const unitOf = new Map(units.map((u) => [u.household_id, u]));
      // cadres and households of other counties are hidden (row-level security): which of the rest exist there
      const hiddenCadres = new Set(await existingKeys(manager, Cadre, 'phone')(phones.filter((p) => !cadreOf.has(p))));
      const hiddenUnits = new Set(await existingKeys(manager, HouseholdUnit, 'household_id', true)(ids.filter((id) => !unitOf.has(id))));
      const registry = await lookupHouseholds(manager, scope, ids);
      const pairings: { id: string; cadre_id: string; household_id: string; started_on: string; ended_on: string | null }[] = await manager.query(
        `SELECT p.id, p.cadre_id, p.household_id, p.started_on, p.ended_on FROM "${schema}".cadre_pairing p
          WHERE p.cadre_id = ANY($1::uuid[]) AND p.household_id = ANY($2::uuid[])`, [cadres.map((c) => c.id), ids]);

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: p } of rows) {
        const found = problems.length;
        const problem = (key: keyof ValidPairing, [zh, en]: [string, string]) => problems.push({ row, column: header(key), value: String(p[key] ?? ''), zh, en });
        const cadre = cadreOf.get(p.cadrePhone);
        const unit = unitOf.get(p.householdId);
        if (hiddenCadres.has(p.cadrePhone) || (cadre && !scope.covers(cadre.area_code))) {
          problem('cadrePhone', [`手机号码为 ${p.cadrePhone} 的干部属于其他县（区、市），不在您的管辖范围内，不能导入`, `The cadre with phone ${p.cadrePhone} belongs to another county, outside your jurisdiction: you cannot import it`]);
        } else if (!cadre) problem('cadrePhone', [`手机号码为 ${p.cadrePhone} 的干部不存在：请先导入干部表`, `No cadre has phone ${p.cadrePhone}: import the cadres sheet first`]);
        const fact = registry.get(p.householdId)!;
        const refused = registryProblem('household', fact.state);
        if (refused) problem('householdId', [`移民户 ${p.householdId}：${refused[0]}，不能导入`, `Household ${p.householdId}: ${refused[1]}; it cannot be imported`]);
        else if (hiddenUnits.has(p.householdId) || (unit && !scope.covers(unit.area_code))) problem('householdId', IN_UNIT_OUTSIDE);
        else if (!unit) problem('householdId', NOT_IN_UNIT);
        if (problems.length > found) continue;
        if (cadre!.county_code !== fact.countyCode) {
          problem('cadrePhone', CADRE_OTHER_COUNTY);
          continue;
        }
        const same = pairings.filter((x) => x.cadre_id === cadre!.id && x.household_id === p.householdId);
        const before = same.find((x) => x.started_on === p.startedOn);
        if (!p.endedOn && same.some((x) => x !== before && x.ended_on === null)) {
          problem('startedOn', ALREADY_PAIRED);
          continue;
        }
        if (!before) {
          inserts.push({
            id: randomUUID(), cadre_id: cadre!.id, household_id: p.householdId, started_on: p.startedOn, ended_on: p.endedOn,
            area_code: fact.areaCode, county_code: fact.countyCode,
          });
        } else if (before.ended_on !== p.endedOn) updates.push({ id: before.id, ended_on: p.endedOn });
        else unchanged++;
      }
      return upsertPlan('cadre_pairing', { problems, inserts, updates, unchanged });
    },
  };
}
