import { schemaName } from '../../../platform/db/data-source';
import { Problems } from '../../../platform/graphql/errors';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import { PERSON_ID } from '../../../platform/imports/reference-columns';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import type { Identity } from '../../../platform/security/identity';
import type { Scope } from '../../../platform/security/scope';
import { checkResult } from '../services/verification.service';
import type { VerificationResult } from '../support.enums';
import { LABELS } from './sheet-columns';

/**
 * The yearly verification list (人口核定名单) as the county hands it out and gets it back: one row
 * per person on the list, the result, date and note filled in by the community worker. The
 * export prints the list (name, ID number and resident group for the worker's eyes); the import
 * records the results as `recordVerificationResult` does, all rows or none.
 */
export const VERIFICATION_SHEET = sheetFormat({
  name: 'support-verification',
  title: '人口核定名单',
  columns: [
    { key: 'year', header: '核定年度', kind: 'code', required: true, note: '如 2025 · The year verified' },
    { ...PERSON_ID, note: '人员在平台中的标识（名单导出的“人员标识”列），每人一行 · The person’s id, one row per person' },
    { key: 'name', header: '姓名', kind: 'text', exportOnly: true, note: '仅导出，供核对，导入时不读取 · Export only, for the worker’s eyes' },
    { key: 'idNumber', header: '身份证号', kind: 'code', exportOnly: true, sensitive: 'ID_NUMBER', note: '仅导出，导入时不读取 · Export only' },
    { key: 'areaCode', header: '居民小组代码', kind: 'code', exportOnly: true, note: '仅导出：现居住居民小组 · Export only: the resident group' },
    { key: 'result', header: '核定结果', kind: 'choice', required: true, choices: LABELS.result, note: '在册、死亡、财政供养、服刑、迁出、查无此人 · The result' },
    { key: 'verifiedOn', header: '核定日期', kind: 'date', required: true, note: 'YYYY-MM-DD，须在核定年度内 · Date, within the year' },
    { key: 'note', header: '备注', kind: 'text', note: '至多 200 字 · At most 200 characters' },
  ],
});

export interface ValidResult {
  cells: SheetRow['cells'];
  personId: string;
  year: number;
  result: VerificationResult;
  verifiedOn: string;
  note: string | null;
}

interface Entry {
  id: string;
  person_id: string;
  year: number;
  area_code: string;
  status: string;
  county_code: string;
  result: string | null;
  verified_on: string | null;
  note: string | null;
  verifier: string | null;
}

const header = (key: string) => headerOf(VERIFICATION_SHEET, key);

/**
 * Imports results onto the open lists of the caller's area (a community worker: their own
 * groups only): the person must be on that year's list, the year still open; the verifier is the
 * caller. A row equal to what is recorded is left unchanged.
 */
export function verificationImport(scope: Scope, identity: Identity): SheetImport<ValidResult> {
  return {
    format: VERIFICATION_SHEET,
    tables: ['verification_entry'],
    keyColumn: PERSON_ID.header,
    key: (r) => `${r.year}:${r.personId}`,

    checkRow(row) {
      const { values, problems } = parseCells(VERIFICATION_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const year = /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
      const input = { personId: values.personId.toLowerCase(), year, result: values.result, verifiedOn: values.verifiedOn, note: values.note?.trim() || null };
      checkResult(fields, 'row', input);
      if (!fields.empty) return { problems: rowProblems(VERIFICATION_SHEET, row, fields.all) };
      return { problems: [], valid: { cells: row.cells, ...input } };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const s = `"${schemaName(manager.connection)}"`;
      const found: Entry[] = await manager.query(
        `SELECT x.id, x.person_id, x.year, x.area_code, x.county_code, x.result, x.verified_on::text AS verified_on, x.note, x.verifier, v.status
           FROM unnest($1::uuid[], $2::int[]) AS k(person_id, year)
           JOIN ${s}.verification_entry x ON x.person_id = k.person_id AND x.year = k.year
           JOIN ${s}.verification v ON v.id = x.verification_id`,
        [rows.map((r) => r.valid.personId), rows.map((r) => r.valid.year)]);
      const entryOf = new Map(found.map((e) => [`${e.person_id}:${e.year}`, e]));
      const problems: RowProblem[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: r } of rows) {
        const problem = (key: string, zh: string, en: string) => problems.push({ row, column: header(key), value: r.cells[key] ?? '', zh, en });
        const entry = entryOf.get(`${r.personId}:${r.year}`);
        // someone outside the caller's groups reads as absent: the row says nothing about them
        if (!entry || !scope.covers(entry.area_code)) {
          problem('personId', `人员 ${r.personId} 不在您管辖范围内 ${r.year} 年度的核定名单上`, `Person ${r.personId} is not on a ${r.year} verification list inside your jurisdiction`);
          continue;
        }
        if (entry.status !== 'OPEN') {
          problem('year', `${entry.county_code} 的 ${r.year} 年度人口核定已完成，不能再登记`, `The ${r.year} verification of ${entry.county_code} is closed: no more results`);
          continue;
        }
        const wanted = { result: r.result, verified_on: r.verifiedOn, note: r.note };
        if (entry.result === wanted.result && entry.verified_on === wanted.verified_on && (entry.note ?? null) === wanted.note && entry.verifier === identity.subject) unchanged++;
        else updates.push({ id: entry.id, ...wanted, verifier: identity.subject });
      }
      return upsertPlan('verification_entry', { problems, inserts: [], updates, unchanged });
    },
  };
}
