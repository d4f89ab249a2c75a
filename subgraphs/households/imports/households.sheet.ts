import { randomUUID } from 'node:crypto';
import { EXPORTED_HOUSEHOLD_ID } from '../../../platform/imports/reference-columns';
import { Problems } from '../../../platform/graphql/errors';
import { byKey } from '../../../platform/db/bulk-insert-columns';
import { RegistryEventType } from '../../../platform/events/registry-event';
import { recordHouseholdEvents } from '../services/registry-events';
import { existingKeys } from '../../../platform/graphql/loaders';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat } from '../../../platform/imports/sheet-format';
import { AdminArea } from '../entities/admin-area.entity';
import { Household } from '../entities/household.entity';
import { AreaLevel, HouseholdStatus, type HousingMode, type RelocationMode } from '../households.enums';
import type { HouseholdRow } from '../demo/rows';
import { checkHousehold } from '../services/household.validation';
import { supportPeriod } from '../services/support-period.rules';
import { LABELS, REGISTRY_NO } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';

/** The households sheet (移民户表): one row per household. */
export const HOUSEHOLDS_SHEET = sheetFormat({
  name: 'households',
  title: '移民户表',
  columns: [
    REGISTRY_NO,
    { key: 'stationId', header: '电站', aliases: ['所属电站', '项目'], kind: 'choice', required: true, choices: LABELS.station, note: '白鹤滩、溪洛渡或向家坝 · Power station' },
    { key: 'originalAreaCode', header: '原居住地区划代码', aliases: ['原居住地代码'], kind: 'code', required: true, note: '搬迁前所在村（社区）代码，12 位 · Village/community before relocation' },
    { key: 'areaCode', header: '现居住地区划代码', aliases: ['现居住地代码', '安置地区划代码'], kind: 'code', required: true, note: '现居住居民小组代码，15 位；水富旧代码 530630 自动改为 530681 · Resident group now, 15 digits' },
    { key: 'relocationMode', header: '搬迁安置方式', kind: 'choice', required: true, choices: LABELS.relocation, note: '如“城镇化安置” · Relocation resettlement mode' },
    { key: 'housingMode', header: '住房建设方式', kind: 'choice', required: true, choices: LABELS.housing, note: '统建、基础统建+主体帮建或自建 · Housing construction mode' },
    { key: 'registeredOn', header: '登记日期', kind: 'date', required: true, note: 'YYYY-MM-DD · Date registered' },
    { key: 'relocatedOn', header: '搬迁完成日期', kind: 'date', note: '未搬迁留空 · Date the move was completed; empty if not yet' },
    EXPORTED_HOUSEHOLD_ID,
  ],
});

export interface ValidHousehold {
  registryNo: string;
  stationId: string;
  originalAreaCode: string;
  areaCode: string;
  relocationMode: RelocationMode;
  housingMode: HousingMode;
  registeredOn: string;
  relocatedOn: string | null;
}

/** A household as stored, with the columns the sheet sets. */
type ExistingHousehold = Omit<HouseholdRow, 'head_id' | 'support_cohort' | 'support_start' | 'support_end'> & {
  support_cohort: string | null;
  support_start: string | null;
  support_end: string | null;
};

const COMPARED = ['station_id', 'original_area_code', 'area_code', 'county_code', 'relocation_mode', 'housing_mode', 'status', 'registered_on', 'relocated_on', 'support_cohort', 'support_start', 'support_end'] as const;

const column = (key: string) => HOUSEHOLDS_SHEET.columns.find((c) => c.key === key)!.header;

/** Imports the households sheet: new registry numbers are inserted, known ones updated where they differ. */
export function householdsImport(scope: Scope): SheetImport<ValidHousehold> {
  return {
    format: HOUSEHOLDS_SHEET,
    tables: ['admin_area', 'household'],
    keyColumn: REGISTRY_NO.header,
    key: (h) => h.registryNo,

    checkRow(row) {
      const { values, problems } = parseCells(HOUSEHOLDS_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const input = {
        registryNo: values.registryNo,
        stationId: values.stationId,
        originalAreaCode: values.originalAreaCode,
        areaCode: values.areaCode,
        registeredOn: values.registeredOn,
        relocatedOn: values.relocatedOn,
      };
      const normalized = checkHousehold(fields, 'row', input);
      if (!fields.empty) return { problems: rowProblems(HOUSEHOLDS_SHEET, row, fields.all) };
      return {
        problems: [],
        valid: { ...input, ...normalized, relocationMode: values.relocationMode, housingMode: values.housingMode },
      };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const schema = schemaName(manager.connection);
      const codes = [...new Set(rows.flatMap((r) => [r.valid.areaCode, r.valid.originalAreaCode]))];
      const areas: { code: string; level: string; county_code: string | null }[] = await manager.query(
        `SELECT a.code, a.level, a.county_code FROM unnest($1::text[]) AS k(code) JOIN "${schema}".admin_area a ON a.code = (k.code COLLATE "C")`, [codes]);
      const areaOf = new Map(areas.map((a) => [a.code, a]));
      const existing: ExistingHousehold[] = await manager.query(
        `SELECT h.* FROM unnest($1::text[]) AS k(no) CROSS JOIN LATERAL (${byKey(
          `id, registry_no, station_id, original_area_code, area_code, county_code, relocation_mode, housing_mode, status,
           registered_on, relocated_on, support_cohort, support_start, support_end`,
          `"${schema}".household h`, 'h.registry_no = (k.no COLLATE "C")')}) h`, [rows.map((r) => r.valid.registryNo)]);
      const byNo = new Map(existing.map((h) => [h.registry_no, h]));
      // areas and households of other counties are hidden (row-level security): which of the rest exist there
      const hiddenAreas = new Set(await existingKeys(manager, AdminArea, 'code')(codes.filter((c) => !areaOf.has(c))));
      const hiddenNos = new Set(await existingKeys(manager, Household, 'registry_no')(rows.map((r) => r.valid.registryNo).filter((no) => !byNo.has(no))));

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      const moved: string[] = [];
      let unchanged = 0;
      for (const { row, valid: h } of rows) {
        const problem = (key: string, value: string, zh: string, en: string) => problems.push({ row, column: column(key), value, zh, en });
        const area = areaOf.get(h.areaCode);
        const before = byNo.get(h.registryNo);
        if (hiddenAreas.has(h.areaCode)) problem('areaCode', h.areaCode, `现居住地 ${h.areaCode} 不在您的管辖范围内，不能导入`, `areaCode ${h.areaCode} is outside your jurisdiction: you cannot import it`);
        else if (!area || area.level !== AreaLevel.GROUP) problem('areaCode', h.areaCode, `现居住地居民小组 ${h.areaCode} 不存在`, `areaCode ${h.areaCode} is not a known resident group`);
        else if (!scope.covers(h.areaCode)) problem('areaCode', h.areaCode, `现居住地 ${h.areaCode} 不在您的管辖范围内，不能导入`, `areaCode ${h.areaCode} is outside your jurisdiction: you cannot import it`);
        if (!areaOf.has(h.originalAreaCode) && !hiddenAreas.has(h.originalAreaCode)) problem('originalAreaCode', h.originalAreaCode, `原居住地区划 ${h.originalAreaCode} 不存在`, `originalAreaCode ${h.originalAreaCode} is not a known area`);
        if (hiddenNos.has(h.registryNo)) {
          problem('registryNo', h.registryNo, `登记编号 ${h.registryNo} 已由其他县（区、市）登记，不在您的管辖范围内`, `Registry number ${h.registryNo} is registered in another county, outside your jurisdiction`);
        } else if (before && !scope.covers(before.area_code)) {
          problem('registryNo', h.registryNo, `登记编号 ${h.registryNo} 已由 ${before.county_code} 登记，不在您的管辖范围内`, `Registry number ${h.registryNo} is registered in county ${before.county_code}, outside your jurisdiction`);
        }
        if (problems.length && problems[problems.length - 1].row === row) continue;
        const status = before?.status === HouseholdStatus.CANCELLED ? HouseholdStatus.CANCELLED : h.relocatedOn ? HouseholdStatus.RELOCATED : HouseholdStatus.REGISTERED;
        const wanted = {
          station_id: h.stationId,
          original_area_code: h.originalAreaCode,
          area_code: h.areaCode,
          county_code: area!.county_code,
          relocation_mode: h.relocationMode,
          housing_mode: h.housingMode,
          status,
          registered_on: h.registeredOn,
          relocated_on: h.relocatedOn,
          ...(() => {
            const s = supportPeriod(h.relocatedOn);
            return { support_cohort: s.supportCohort, support_start: s.supportStart, support_end: s.supportEnd };
          })(),
        };
        if (!before) inserts.push({ id: randomUUID(), registry_no: h.registryNo, ...wanted, head_id: null });
        else if (COMPARED.some((k) => (before[k] ?? null) !== (wanted[k] ?? null))) {
          updates.push({ id: before.id, ...wanted });
          if (before.area_code !== wanted.area_code) moved.push(before.id);
        } else unchanged++;
      }
      return upsertPlan('household', { problems, inserts, updates, unchanged }, async (m) => {
        await recordHouseholdEvents(m, RegistryEventType.HOUSEHOLD_REGISTERED, inserts.map((h) => String(h.id)), { withMembers: true });
        if (!moved.length) return;
        // members live where their household lives
        await m.query(
          `UPDATE "${schema}".person p SET area_code = h.area_code, county_code = h.county_code
             FROM "${schema}".household h WHERE h.id = p.household_id AND h.id = ANY($1)`, [moved]);
        await recordHouseholdEvents(m, RegistryEventType.HOUSEHOLD_MOVED, moved, { withMembers: false, detail: { reason: 'IMPORTED' } });
      });
    },
  };
}
