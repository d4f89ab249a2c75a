import { Problems } from '../../../platform/graphql/errors';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import { HOUSEHOLD_AREA, HOUSEHOLD_ID, PERSON_ID } from '../../../platform/imports/reference-columns';
import { lookupPersons, registryProblem } from '../../../platform/events/registry-lookup';
import { stableUuid } from '../../../platform/demo/random';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import { loadEmploymentConfig } from '../employment.config';
import type { LabourStatus } from '../employment.enums';
import { checkAgainstRegistry, checkFirstCheck, checkLabourCheck, checkLaterCheck } from '../services/labour-status.validation';
import { LABELS } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';

const SHOWN = '可留空；填写时须与移民登记一致';

/** The labour-status sheet (劳动力状况表): one row per person, their status as last checked. */
export const LABOUR_STATUS_SHEET = sheetFormat({
  name: 'labour-status',
  title: '劳动力状况表',
  columns: [
    { ...PERSON_ID, note: '人员在平台中的标识（见人口表导出的“人员标识”列）；本表每人一行 · The person’s id; one row per person' },
    { ...HOUSEHOLD_ID, required: false, note: `所属移民户的标识（见人口表导出的“户标识”列）；${SHOWN} · The person’s household; may be empty, must match the registry when given` },
    { ...HOUSEHOLD_AREA, key: 'areaCode', note: `现居住居民小组代码，15 位；${SHOWN} · Resident group, 15 digits; may be empty, must match the registry when given` },
    { key: 'birthDate', header: '出生日期', kind: 'date', sensitive: 'BIRTH_DATE', note: `${SHOWN} · May be empty; must match the registry when given` },
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
const header = (key: string) => headerOf(LABOUR_STATUS_SHEET, key);

/**
 * Imports the labour-status sheet as `recordLabourStatusCheck` records a check: the person's
 * household, group and birth date are the registry's (a row showing others is refused, naming
 * the registry's); a first check needs a working-age person, a later one may not be older than
 * the record.
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
      const personIds = rows.map((r) => r.valid.personId);
      const facts = await lookupPersons(manager, scope, personIds);
      const existing: ExistingRecord[] = await manager.query(
        `SELECT id, person_id, household_id, area_code, county_code, birth_date, status, verified_on, note
           FROM "${schemaName(manager.connection)}".labour_status WHERE person_id = ANY($1::uuid[])`, [personIds]);
      const recordOf = new Map(existing.map((r) => [r.person_id, r]));

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: r } of rows) {
        const before = recordOf.get(r.personId);
        const person = facts.get(r.personId)!;
        const problem = (key: string, zh: string, en: string) => problems.push({ row, column: header(key), value: r.cells[key] ?? '', zh, en });
        const refused = registryProblem('person', person.state);
        if (refused) {
          problem('personId', `人员 ${r.personId}：${refused[0]}，不能导入`, `Person ${r.personId}: ${refused[1]}; it cannot be imported`);
          continue;
        }
        // the household, group and birth date a row shows are for the clerk's eyes: they must be the registry's
        const fields = new Problems();
        checkAgainstRegistry(fields, 'row', r, person);
        if (before) checkLaterCheck(fields, 'row', { verifiedOn: before.verified_on }, r);
        else checkFirstCheck(fields, 'row', { verifiedOn: r.verifiedOn, birthDate: person.birthDate }, workingAgeMin);
        if (!fields.empty) {
          problems.push(...rowProblems(LABOUR_STATUS_SHEET, { row, cells: r.cells }, fields.all));
          continue;
        }
        const wanted = { area_code: person.areaCode, county_code: person.countyCode, status: r.status, verified_on: r.verifiedOn, note: r.note };
        if (!before) {
          inserts.push({ id: stableUuid('labour-status', r.personId), person_id: r.personId, household_id: person.householdId, birth_date: person.birthDate, ...wanted });
        } else if (COMPARED.some((k) => (before[k] ?? null) !== (wanted[k] ?? null))) updates.push({ id: before.id, ...wanted });
        else unchanged++;
      }
      return upsertPlan('labour_status', { problems, inserts, updates, unchanged });
    },
  };
}
