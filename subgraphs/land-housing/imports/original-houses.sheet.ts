import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Problems } from '../../../platform/graphql/errors';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import type { HouseStructure } from '../land-housing.enums';
import { checkHouse, villageInCounty } from '../services/survey.validation';
import { amountCell, HOUSEHOLD_COLUMNS, householdsOfFile, LABELS, sameAmount } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';

/** The original-houses sheet (原房屋表): one row per surveyed house of a household. */
export const ORIGINAL_HOUSES_SHEET = sheetFormat({
  name: 'original-houses',
  title: '原房屋表',
  columns: [
    ...HOUSEHOLD_COLUMNS,
    { key: 'houseNo', header: '房屋编号', aliases: ['房屋号', '幢号'], kind: 'code', required: true, note: '户内唯一的房屋编号（如 1、2）；与户标识一起标识房屋 · House number inside the household (the key, with the household)' },
    { key: 'villageCode', header: '房屋所在村代码', aliases: ['所在村代码', '村代码'], kind: 'code', required: true, note: '房屋所在村（社区）代码，12 位，与该户同县 · Village where the house stood, 12 digits, in the household’s county' },
    { key: 'structure', header: '房屋结构', aliases: ['结构'], kind: 'choice', required: true, choices: LABELS.structure, note: '框架、砖混、砖木、土木或杂房 · Structure' },
    { key: 'floorArea', header: '实调面积（平方米）', aliases: ['实调面积', '建筑面积'], kind: 'text', required: true, note: '0.01–5000 平方米，最多两位小数 · Surveyed floor area in m², at most two decimals' },
    { key: 'surveyedOn', header: '调查日期', kind: 'date', required: true, note: 'YYYY-MM-DD · Date surveyed' },
  ],
});

export interface ValidHouse {
  householdId: string;
  householdAreaCode: string | null;
  houseNo: string;
  villageCode: string;
  structure: HouseStructure;
  floorArea: number;
  surveyedOn: string;
}

interface ExistingHouse {
  id: string;
  household_id: string;
  house_no: string;
  village_code: string;
  structure: string;
  floor_area: string;
  surveyed_on: string;
}

const column = (key: string) => headerOf(ORIGINAL_HOUSES_SHEET, key);
const keyOf = (householdId: string, no: string) => `${householdId}/${no}`;

/**
 * Imports the original-houses sheet, keyed by household and house number: new houses are
 * inserted (with their household, when this subgraph has not heard of it), known ones updated
 * where they differ.
 */
export function originalHousesImport(scope: Scope): SheetImport<ValidHouse> {
  const households = householdsOfFile(ORIGINAL_HOUSES_SHEET, scope);
  return {
    format: ORIGINAL_HOUSES_SHEET,
    tables: ['household_ref', 'original_house'],
    keyColumn: column('houseNo'),
    key: (h) => keyOf(h.householdId, h.houseNo),

    checkRow(row) {
      const { values, problems } = parseCells(ORIGINAL_HOUSES_SHEET, row);
      const floorArea = amountCell(ORIGINAL_HOUSES_SHEET, row, values, 'floorArea', '实调面积', problems);
      if (problems.length || floorArea === null) return { problems }; // a required amount: null only with a problem
      const input = {
        householdId: values.householdId,
        householdAreaCode: values.householdAreaCode,
        houseNo: values.houseNo,
        villageCode: values.villageCode,
        structure: values.structure,
        floorArea,
        surveyedOn: values.surveyedOn,
      };
      const fields = new Problems();
      const { village, houseNo, householdArea } = checkHouse(fields, 'row', input);
      if (!fields.empty) return { problems: rowProblems(ORIGINAL_HOUSES_SHEET, row, fields.all) };
      return { problems: [], valid: { ...input, householdId: input.householdId.toLowerCase(), householdAreaCode: householdArea ?? null, houseNo: houseNo!, villageCode: village } };
    },

    async plan(manager: EntityManager, rows): Promise<ChunkPlan> {
      const schema = schemaName(manager.connection);
      const { householdOf, problems: householdProblems } = await households.plan(manager, rows.map(({ row, valid }) => ({ row, householdId: valid.householdId, householdAreaCode: valid.householdAreaCode })));
      const existing: ExistingHouse[] = await manager.query(
        `SELECT h.id, h.household_id, h.house_no, h.village_code, h.structure, h.floor_area::text AS floor_area, h.surveyed_on
           FROM unnest($1::uuid[], $2::text[]) AS k(household_id, no)
           JOIN "${schema}".original_house h ON h.household_id = k.household_id AND h.house_no = (k.no COLLATE "C")`,
        [rows.map((r) => r.valid.householdId), rows.map((r) => r.valid.houseNo)]);
      const before = new Map(existing.map((h) => [keyOf(h.household_id, h.house_no), h]));

      const problems: RowProblem[] = [...householdProblems];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: h } of rows) {
        const household = householdOf.get(row);
        if (!household) continue; // refused above
        const fields = new Problems();
        villageInCounty(fields, 'row.villageCode', h.villageCode, household.countyCode);
        if (!fields.empty) {
          for (const f of fields.all) problems.push({ row, column: column('villageCode'), value: h.villageCode, zh: f.zh, en: f.en });
          continue;
        }
        const wanted = { village_code: h.villageCode, structure: h.structure, floor_area: h.floorArea, surveyed_on: h.surveyedOn };
        const old = before.get(keyOf(h.householdId, h.houseNo));
        if (!old) {
          inserts.push({ id: randomUUID(), household_id: household.id, area_code: household.areaCode, county_code: household.countyCode, house_no: h.houseNo, ...wanted });
        } else if (old.village_code !== wanted.village_code || old.structure !== wanted.structure || !sameAmount(old.floor_area, wanted.floor_area) || old.surveyed_on !== wanted.surveyed_on) {
          updates.push({ id: old.id, ...wanted });
        } else unchanged++;
      }
      return upsertPlan('original_house', { problems, inserts, updates, unchanged });
    },
  };
}
