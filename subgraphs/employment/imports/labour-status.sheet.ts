import { Problems } from '../../../platform/graphql/errors';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import { HOUSEHOLD_AREA, HOUSEHOLD_ID, PERSON_ID } from '../../../platform/imports/reference-columns';
import { existingKeys } from '../../../platform/graphql/loaders';
import { stableUuid } from '../../../platform/demo/random';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import { loadEmploymentConfig } from '../employment.config';
import type { LabourStatus } from '../employment.enums';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { checkFirstCheck, checkLabourCheck, checkLaterCheck } from '../services/labour-status.validation';
import { headerOf, LABELS } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';
import { countyOf } from '../../../platform/domain/area-code';

const FIRST = '首次核查必填';

/** The labour-status sheet (劳动力状况表): one row per person, their status as last checked. */
export const LABOUR_STATUS_SHEET = sheetFormat({
  name: 'labour-status',
  title: '劳动力状况表',
  columns: [
    { ...PERSON_ID, note: '人员在平台中的标识（见人口表导出的“人员标识”列）；本表每人一行 · The person’s id; one row per person' },
    { ...HOUSEHOLD_ID, required: false, note: `所属移民户的标识（见人口表导出的“户标识”列）；${FIRST} · The person’s household; needed at the first check` },
    { ...HOUSEHOLD_AREA, key: 'areaCode', note: `现居住居民小组代码，15 位；${FIRST}，之后填写即为迁居 · Resident group, 15 digits; needed at the first check, a move after` },
    { key: 'birthDate', header: '出生日期', kind: 'date', sensitive: 'BIRTH_DATE', note: `${FIRST}；之后须与已登记的一致 · Needed at the first check; must agree after` },
    { key: 'status', header: '劳动力状态', aliases: ['就业状态'], kind: 'choice', required: true, choices: LABELS.labourStatus, note: '如“已就业”“未就业” · Labour status' },
    { key: 'verifiedOn', header: '核查日期', kind: 'date', required: true, note: 'YYYY-MM-DD，不早于上次核查 · Date of the check, not before the last one' },
    { key: 'note', header: '备注', kind: 'text', note: '至多 200 字 · Note, at most 200 characters' },
  ],
});

export interface ValidLabourStatus {
  cells: SheetRow['cells'];
  personId: string;
  householdId: string | null;
  areaCode: string | null;
  birthDate: string | null;
  status: LabourStatus;
  verifiedOn: string;
  note: string | null;
}

interface ExistingRecord {
  id: string;
  person_id: string;
  household_id: string;
  area_code: string;
  county_code: string;
  birth_date: string;
  status: string;
  verified_on: string;
  note: string | null;
}

const COMPARED = ['area_code', 'county_code', 'status', 'verified_on', 'note'] as const;
const header = headerOf(LABOUR_STATUS_SHEET);

/**
 * Imports the labour-status sheet as `recordLabourStatusCheck` records a check: a person's first
 * check needs the household, group and birth date and a working-age person; a later one may not
 * be older than the record, nor name another household or birth date.
 */
export function labourStatusImport(scope: Scope): SheetImport<ValidLabourStatus> {
  const workingAgeMin = loadEmploymentConfig().workingAge.min;
  return {
    format: LABOUR_STATUS_SHEET,
    tables: ['labour_status'],
    keyColumn: PERSON_ID.header,
    key: (r) => r.personId,

    checkRow(row) {
      const { values, problems } = parseCells(LABOUR_STATUS_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const input = {
        personId: values.personId, householdId: values.householdId, areaCode: values.areaCode,
        birthDate: values.birthDate, verifiedOn: values.verifiedOn, note: values.note,
      };
      const ids = checkLabourCheck(fields, 'row', input);
      if (!fields.empty) return { problems: rowProblems(LABOUR_STATUS_SHEET, row, fields.all) };
      return {
        problems: [],
        valid: { cells: row.cells, ...input, ...ids, status: values.status, note: input.note?.trim() || null },
      };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const existing: ExistingRecord[] = await manager.query(
        `SELECT id, person_id, household_id, area_code, county_code, birth_date, status, verified_on, note
           FROM "${schemaName(manager.connection)}".labour_status WHERE person_id = ANY($1::uuid[])`, [rows.map((r) => r.valid.personId)]);
      const recordOf = new Map(existing.map((r) => [r.person_id, r]));
      // records of other counties are hidden (row-level security): which of the rest exist there
      const hidden = new Set(await existingKeys(manager, LabourStatusRecord, 'person_id', true)(rows.map((r) => r.valid.personId).filter((id) => !recordOf.has(id))));

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: r } of rows) {
        const before = recordOf.get(r.personId);
        const problem = (key: string, zh: string, en: string) => problems.push({ row, column: header(key), value: r.cells[key] ?? '', zh, en });
        if (hidden.has(r.personId) || (before && !scope.covers(before.area_code))) {
          problem('personId', `人员 ${r.personId} 的劳动力状态记录属于其他县（区、市），不在您的管辖范围内，不能导入`, `The labour-status record of person ${r.personId} belongs to another county, outside your jurisdiction: you cannot import it`);
          continue;
        }
        const fields = new Problems();
        if (before) checkLaterCheck(fields, 'row', { verifiedOn: before.verified_on, householdId: before.household_id, birthDate: before.birth_date }, r);
        else checkFirstCheck(fields, 'row', r, workingAgeMin);
        if (!fields.empty) {
          problems.push(...rowProblems(LABOUR_STATUS_SHEET, { row, cells: r.cells }, fields.all));
          continue;
        }
        if (r.areaCode && !scope.covers(r.areaCode)) {
          problem('areaCode', '现居住地超出您的管辖范围', 'areaCode is outside your jurisdiction');
          continue;
        }
        const areaCode = r.areaCode ?? before!.area_code;
        const wanted = { area_code: areaCode, county_code: countyOf(areaCode), status: r.status, verified_on: r.verifiedOn, note: r.note };
        if (!before) {
          inserts.push({ id: stableUuid('labour-status', r.personId), person_id: r.personId, household_id: r.householdId, birth_date: r.birthDate, ...wanted });
        } else if (COMPARED.some((k) => (before[k] ?? null) !== (wanted[k] ?? null))) updates.push({ id: before.id, ...wanted });
        else unchanged++;
      }
      return upsertPlan('labour_status', { problems, inserts, updates, unchanged });
    },
  };
}
