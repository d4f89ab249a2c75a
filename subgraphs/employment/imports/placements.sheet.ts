import { randomUUID } from 'node:crypto';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { bulkUpdateColumns } from '../../../platform/db/bulk-insert-columns';
import { Problems } from '../../../platform/graphql/errors';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import { PERSON_ID } from '../../../platform/imports/reference-columns';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import { checkName } from '../../../platform/graphql/validation';
import { LabourStatus, PlacementType, type SelfEmploymentKind } from '../employment.enums';
import { scopedShared } from '../employment.loaders';
import { Employer } from '../entities/employer.entity';
import { checkEmployerKind, checkPlacementEnd, checkPlacementFields, OVERLAP, overlaps } from '../services/placement.validation';
import { LABELS, personProblem, personRecords } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';

/** The placements sheet (就业安置表): one row per placement, known by the person and the first day. */
export const PLACEMENTS_SHEET = sheetFormat({
  name: 'placements',
  title: '就业安置表',
  columns: [
    { ...PERSON_ID, note: '人员在平台中的标识（见人口表导出的“人员标识”列）；须已有劳动力状态记录 · The person’s id; the person needs a labour-status record' },
    { key: 'type', header: '就业方式', kind: 'choice', required: true, choices: LABELS.placementType, note: '如“帮扶车间就业”“劳务输出” · How the person is employed' },
    { key: 'employer', header: '用工主体', aliases: ['用工单位', '就业单位'], kind: 'text', note: '用工主体名称（须已登记）；帮扶车间、本地企业、公益性岗位必填，自主创业不填 · Employer’s name, as registered' },
    { key: 'destinationProvince', header: '目的地省份', aliases: ['务工省份'], kind: 'text', note: '仅劳务输出填写，如“浙江” · Labour export only, e.g. 浙江' },
    { key: 'selfEmploymentKind', header: '创业类型', kind: 'choice', choices: LABELS.selfEmployment, note: '仅自主创业填写 · Self-employment only' },
    { key: 'fullTime', header: '全职', aliases: ['是否全职'], kind: 'flag', required: true, note: '是/否；同一人的全职就业不能重叠 · yes/no; a person’s full-time placements may not overlap' },
    { key: 'startDate', header: '开始日期', aliases: ['上岗日期'], kind: 'date', required: true, note: 'YYYY-MM-DD；同一人同一开始日期只有一条 · First day; one placement per person and start date' },
    { key: 'endDate', header: '结束日期', aliases: ['离岗日期'], kind: 'date', note: '仍在岗留空 · Last day; empty while it lasts' },
    { key: 'reason', header: '离岗原因', kind: 'text', note: '已离岗者填写，至多 200 字 · Why it ended' },
    { key: 'monthlyWage', header: '月工资', aliases: ['月收入', '月工资（元）'], kind: 'text', sensitive: SensitiveCategory.INCOME, note: '元，0–100000 的整数 · Monthly wage or income, whole yuan' },
  ],
});

export interface ValidPlacement {
  cells: SheetRow['cells'];
  personId: string;
  type: PlacementType;
  employer: string | null;
  destinationProvince: string | null;
  selfEmploymentKind: SelfEmploymentKind | null;
  fullTime: boolean;
  startDate: string;
  endDate: string | null;
  reason: string | null;
  monthlyWage: number | null;
}

interface ExistingPlacement {
  id: string;
  person_id: string;
  type: string;
  employer_id: string | null;
  destination_province: string | null;
  self_employment_kind: string | null;
  full_time: boolean;
  start_date: string;
  end_date: string | null;
  monthly_wage: number | null;
  end_reason: string | null;
}

type Span = { start: string; end: string | null };

const COMPARED = ['type', 'employer_id', 'destination_province', 'self_employment_kind', 'full_time', 'end_date', 'monthly_wage', 'end_reason'] as const;
const header = (key: string) => headerOf(PLACEMENTS_SHEET, key);

/** A wage cell: whole yuan (`2600`, also `2,600` or `2600.0`); undefined when it is not a number. */
function wageValue(text: string | null): number | null | undefined {
  if (!text) return null;
  const n = Number(text.replace(/[,，]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Imports the placements sheet with `startPlacement`'s and `endPlacement`'s checks: what each
 * type needs, an employer of the right kind among those open to you (by name), no overlapping
 * full-time placements, an end not before the start. A new placement still going sets the
 * person's labour status to employed, as `startPlacement` does.
 */
export function placementsImport(scope: Scope): SheetImport<ValidPlacement> {
  const fullTimeSpans = new Map<string, Map<string, Span>>(); // person → start date → span, full-time rows of this file so far
  return {
    format: PLACEMENTS_SHEET,
    tables: ['labour_status', 'employer', 'placement'],
    keyColumn: header('startDate'),
    key: (p) => `${p.personId} ${p.startDate}`,

    checkRow(row) {
      const { values, problems } = parseCells(PLACEMENTS_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const wage = wageValue(values.monthlyWage);
      if (wage === undefined) fields.add('row.monthlyWage', '月工资须为整数（元）', 'monthlyWage must be a whole number of yuan');
      const employer = values.employer ?? null;
      checkName(fields, 'row.employer', employer, '用工主体', 64, false);
      const input = {
        personId: values.personId, type: values.type, destinationProvince: values.destinationProvince,
        selfEmploymentKind: values.selfEmploymentKind, startDate: values.startDate, monthlyWage: wage ?? null,
      };
      const { personId, province } = checkPlacementFields(fields, 'row', input, { field: 'employer', given: !!employer });
      const endDate = values.endDate;
      const reason = values.reason ?? null;
      if (endDate) checkPlacementEnd(fields, 'row', { endDate, reason }, input.startDate);
      else if (reason) fields.add('row.reason', '仍在岗的就业记录不填写离岗原因', 'A placement still going has no reason for ending');
      if (!fields.empty) return { problems: rowProblems(PLACEMENTS_SHEET, row, fields.all) };
      return {
        problems: [],
        valid: {
          cells: row.cells, ...input, personId, destinationProvince: province, employer, fullTime: values.fullTime,
          endDate, reason: reason?.trim() || null,
        },
      };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const records = await personRecords(manager, scope, rows.map((r) => r.valid.personId));
      const names = [...new Set(rows.map((r) => r.valid.employer).filter((n): n is string => !!n))];
      const employers = names.length ? await scopedShared(manager, Employer, scope, 'x').andWhere('x.name IN (:...names)', { names }).getMany() : [];
      const employersNamed = new Map<string, Employer[]>();
      for (const e of employers) employersNamed.set(e.name, [...(employersNamed.get(e.name) ?? []), e]);
      const existing: ExistingPlacement[] = await manager.query(
        `SELECT id, person_id, type, employer_id, destination_province, self_employment_kind, full_time, start_date, end_date, monthly_wage, end_reason
           FROM "${schemaName(manager.connection)}".placement WHERE person_id = ANY($1::uuid[])`, [[...new Set(rows.map((r) => r.valid.personId))]]);
      const placementsOf = new Map<string, ExistingPlacement[]>();
      for (const p of existing) placementsOf.set(p.person_id, [...(placementsOf.get(p.person_id) ?? []), p]);

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      const employed = new Map<string, { id: string; status: LabourStatus; verified_on: string }>(); // labour-status id → the update
      let unchanged = 0;
      for (const { row, valid: p } of rows) {
        const found = problems.length;
        const problem = (key: string, zh: string, en: string) => problems.push({ row, column: header(key), value: p.cells[key] ?? '', zh, en });
        const person = personProblem(scope, p.personId, records);
        if (person) problem('personId', person.zh, person.en);
        let employerId: string | null = null;
        if (p.employer) {
          const named = employersNamed.get(p.employer) ?? [];
          if (!named.length) problem('employer', `用工主体“${p.employer}”不存在或不对您开放：请先登记该用工主体`, `No employer named “${p.employer}” is open to you: register the employer first`);
          else if (named.length > 1) {
            problem('employer', `有 ${named.length} 个用工主体名为“${p.employer}”（${named.map((e) => e.areaCode).join('、')}）：请联系管理员区分其名称`,
              `${named.length} employers are named “${p.employer}” (${named.map((e) => e.areaCode).join(', ')}): ask an administrator to tell them apart`);
          } else {
            const kind = new Problems();
            checkEmployerKind(kind, 'row.employer', p.type, named[0].kind);
            problems.push(...rowProblems(PLACEMENTS_SHEET, { row, cells: p.cells }, kind.all));
            employerId = named[0].id;
          }
        }
        const mine = placementsOf.get(p.personId) ?? [];
        const before = mine.find((x) => x.start_date === p.startDate);
        const span = { start: p.startDate, end: p.endDate };
        if (p.fullTime) {
          const inFile = fullTimeSpans.get(p.personId) ?? new Map<string, Span>();
          const others = [
            ...mine.filter((x) => x.full_time && x.start_date !== p.startDate && !inFile.has(x.start_date)).map((x) => ({ start: x.start_date, end: x.end_date })),
            ...[...inFile.entries()].filter(([start]) => start !== p.startDate).map(([, s]) => s),
          ];
          if (others.some((o) => overlaps(span, o))) problem('startDate', OVERLAP.zh, OVERLAP.en);
          fullTimeSpans.set(p.personId, inFile.set(p.startDate, span));
        }
        if (problems.length > found) continue;
        const record = records.recordOf.get(p.personId)!;
        const wanted = {
          type: p.type, employer_id: employerId, destination_province: p.destinationProvince, self_employment_kind: p.selfEmploymentKind,
          full_time: p.fullTime, end_date: p.endDate, monthly_wage: p.monthlyWage, end_reason: p.reason,
        };
        if (!before) {
          inserts.push({
            id: randomUUID(), person_id: p.personId, household_id: record.household_id, area_code: record.area_code, county_code: record.county_code,
            start_date: p.startDate, ...wanted,
          });
          // a placement still going: the person is employed (as startPlacement records it)
          if (!p.endDate) {
            const since = employed.get(record.id)?.verified_on ?? record.verified_on;
            employed.set(record.id, { id: record.id, status: LabourStatus.EMPLOYED, verified_on: p.startDate > since ? p.startDate : since });
          }
        } else if (COMPARED.some((k) => (before[k] ?? null) !== (wanted[k] ?? null))) updates.push({ id: before.id, ...wanted });
        else unchanged++;
      }
      return upsertPlan('placement', { problems, inserts, updates, unchanged }, (m) => bulkUpdateColumns(m, 'labour_status', 'id', [...employed.values()]));
    },
  };
}
