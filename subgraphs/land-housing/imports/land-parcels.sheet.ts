import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Problems } from '../../../platform/graphql/errors';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import { STATION_LABELS } from '../../../platform/domain/stations';
import { LandOwnerKind, type LandUse } from '../land-housing.enums';
import { checkParcel, villageInCounty } from '../services/survey.validation';
import { amountCell, HOUSEHOLD_COLUMNS, householdsOfFile, LABELS, sameAmount } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';
import { countyOf } from '../../../platform/domain/area-code';

/** The land-parcels sheet (淹没土地表): one row per flooded parcel of a household or of a village collective. */
export const LAND_PARCELS_SHEET = sheetFormat({
  name: 'land-parcels',
  title: '淹没土地表',
  columns: [
    { key: 'villageCode', header: '地块所在村代码', aliases: ['所在村代码', '村代码'], kind: 'code', required: true, note: '地块所在村（社区）代码，12 位 · Village where the parcel lay, 12 digits' },
    { key: 'parcelNo', header: '地块编号', aliases: ['地块号'], kind: 'code', required: true, note: '村内唯一的地块编号；与村代码一起标识地块 · Parcel number inside the village (the key, with the village)' },
    { key: 'stationId', header: '电站', aliases: ['所属电站', '项目'], kind: 'choice', required: true, choices: STATION_LABELS, note: '白鹤滩、溪洛渡或向家坝 · Power station' },
    ...HOUSEHOLD_COLUMNS.map((c) => (c.key === 'householdId'
      ? { ...c, required: false, note: '农户土地填所属移民户的标识（见移民户表导出的“户标识”列）；村集体土地留空 · The owning household’s id; empty for collective land' }
      : { ...c, note: '该户现居住居民小组代码，15 位；首次导入该户的记录时必填；集体土地留空 · The household’s resident group; needed the first time; empty for collective land' })),
    { key: 'landUse', header: '土地用途', aliases: ['地类'], kind: 'choice', required: true, choices: LABELS.landUse, note: '耕地、园地、林地、宅基地或其他土地 · Land use' },
    { key: 'areaMu', header: '面积（亩）', aliases: ['淹没面积'], kind: 'text', required: true, note: '0.01–10000 亩，最多两位小数 · Area in mu, at most two decimals' },
    { key: 'surveyedOn', header: '调查日期', kind: 'date', required: true, note: 'YYYY-MM-DD · Date surveyed' },
  ],
});

export interface ValidParcel {
  villageCode: string;
  parcelNo: string;
  stationId: string;
  householdId: string | null;
  householdAreaCode: string | null;
  landUse: LandUse;
  areaMu: number;
  surveyedOn: string;
}

interface ExistingParcel {
  id: string;
  village_code: string;
  parcel_no: string;
  household_id: string | null;
  station_id: string;
  land_use: string;
  area_mu: string;
  surveyed_on: string;
}

const column = (key: string) => headerOf(LAND_PARCELS_SHEET, key);
const keyOf = (village: string, no: string) => `${village}/${no}`;
const ownerText = (householdId: string | null) => (householdId ? `移民户 ${householdId}` : '村集体');
const ownerTextEn = (householdId: string | null) => (householdId ? `household ${householdId}` : 'the village collective');

/**
 * Imports the land-parcels sheet, keyed by village and parcel number: new parcels are inserted
 * (with their household, when this subgraph has not heard of it), known ones updated where they
 * differ. A parcel keeps its owner: a row naming another owner is refused.
 */
export function landParcelsImport(scope: Scope): SheetImport<ValidParcel> {
  const households = householdsOfFile(LAND_PARCELS_SHEET, scope);
  return {
    format: LAND_PARCELS_SHEET,
    tables: ['household_ref', 'land_parcel'],
    keyColumn: column('parcelNo'),
    key: (p) => keyOf(p.villageCode, p.parcelNo),

    checkRow(row) {
      const { values, problems } = parseCells(LAND_PARCELS_SHEET, row);
      const areaMu = amountCell(LAND_PARCELS_SHEET, row, values, 'areaMu', '面积', problems);
      if (problems.length || areaMu === null) return { problems }; // a required amount: null only with a problem
      const input = {
        stationId: values.stationId,
        villageCode: values.villageCode,
        parcelNo: values.parcelNo,
        householdId: values.householdId,
        householdAreaCode: values.householdAreaCode,
        landUse: values.landUse,
        areaMu,
        surveyedOn: values.surveyedOn,
      };
      const fields = new Problems();
      const { village, parcelNo, householdArea } = checkParcel(fields, 'row', input);
      if (!fields.empty) return { problems: rowProblems(LAND_PARCELS_SHEET, row, fields.all) };
      return {
        problems: [],
        valid: { ...input, villageCode: village, parcelNo: parcelNo!, householdId: input.householdId?.toLowerCase() ?? null, householdAreaCode: householdArea ?? null },
      };
    },

    async plan(manager: EntityManager, rows): Promise<ChunkPlan> {
      const schema = schemaName(manager.connection);
      const owned = rows.filter((r) => r.valid.householdId);
      const { householdOf, problems: householdProblems } = await households.plan(manager, owned.map(({ row, valid }) => ({ row, householdId: valid.householdId!, householdAreaCode: valid.householdAreaCode })));
      const existing: ExistingParcel[] = await manager.query(
        `SELECT p.id, p.village_code, p.parcel_no, p.household_id, p.station_id, p.land_use, p.area_mu::text AS area_mu, p.surveyed_on
           FROM unnest($1::text[], $2::text[]) AS k(village, no)
           JOIN "${schema}".land_parcel p ON p.village_code = (k.village COLLATE "C") AND p.parcel_no = (k.no COLLATE "C")`,
        [rows.map((r) => r.valid.villageCode), rows.map((r) => r.valid.parcelNo)]);
      const before = new Map(existing.map((p) => [keyOf(p.village_code, p.parcel_no), p]));

      const problems: RowProblem[] = [...householdProblems];
      const refused = new Set(householdProblems.map((p) => p.row));
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: p } of rows) {
        const found = problems.length;
        const problem = (key: keyof ValidParcel, zh: string, en: string) => problems.push({ row, column: column(key), value: String(p[key] ?? ''), zh, en });
        if (refused.has(row)) continue;
        // the village decides the county of the record, a household's parcel or the collective's
        if (!scope.covers(p.villageCode)) {
          problem('villageCode', `地块所在村 ${p.villageCode} 不在您的管辖范围内，不能导入`, `villageCode ${p.villageCode} is outside your jurisdiction: you cannot import it`);
          continue;
        }
        const household = p.householdId ? householdOf.get(row)! : null;
        if (household) {
          const fields = new Problems();
          villageInCounty(fields, 'row.villageCode', p.villageCode, household.countyCode);
          for (const f of fields.all) problem('villageCode', f.zh, f.en);
        }
        const old = before.get(keyOf(p.villageCode, p.parcelNo));
        if (old && old.household_id !== p.householdId) {
          problem('householdId', `地块 ${p.villageCode}-${p.parcelNo} 已登记为${ownerText(old.household_id)}的土地，本行写作${ownerText(p.householdId)}的：地块的权属不能通过导入更改`,
            `Parcel ${p.villageCode}-${p.parcelNo} is recorded as land of ${ownerTextEn(old.household_id)}; this row gives ${ownerTextEn(p.householdId)}: an import does not change a parcel's owner`);
        }
        if (problems.length > found) continue;
        const wanted = { station_id: p.stationId, land_use: p.landUse, area_mu: p.areaMu, surveyed_on: p.surveyedOn };
        if (!old) {
          inserts.push({
            id: randomUUID(), ...wanted, owner_kind: household ? LandOwnerKind.HOUSEHOLD : LandOwnerKind.COLLECTIVE, household_id: household?.id ?? null,
            area_code: household?.areaCode ?? p.villageCode, county_code: household?.countyCode ?? countyOf(p.villageCode), village_code: p.villageCode, parcel_no: p.parcelNo,
          });
        } else if (old.station_id !== wanted.station_id || old.land_use !== wanted.land_use || !sameAmount(old.area_mu, wanted.area_mu) || old.surveyed_on !== wanted.surveyed_on) {
          updates.push({ id: old.id, ...wanted });
        } else unchanged++;
      }
      return upsertPlan('land_parcel', { problems, inserts, updates, unchanged });
    },
  };
}
