import { randomUUID } from 'node:crypto';
import { Problems } from '../../../platform/graphql/errors';
import { upsertPlan, type ChunkPlan, type RowProblem, type SheetImport } from '../../../platform/imports/import-engine';
import { PERSON_ID } from '../../../platform/imports/reference-columns';
import type { Scope } from '../../../platform/security/scope';
import { parseCells, rowProblems } from '../../../platform/imports/sheet-cells';
import { sheetFormat, type SheetFormat, headerOf } from '../../../platform/imports/sheet-format';
import type { SheetRow } from '../../../platform/imports/sheet-reader';
import { EnrolmentStatus } from '../employment.enums';
import { scopedShared } from '../employment.loaders';
import { JobTrainingCourse, JobTrainingSession } from '../entities/training.entity';
import {
  ALREADY_FINISHED, checkCompletedInTime, checkCompletion, checkEnrolledInTime, checkEnrolment, checkPlanDate, sessionFull,
} from '../services/training.validation';
import { LABELS, personProblem, personRecords } from './sheet-columns';
import { schemaName } from '../../../platform/db/data-source';

/** The training sheet (技能培训表): one row per person and session. */
export const TRAINING_SHEET = sheetFormat({
  name: 'training',
  title: '技能培训表',
  columns: [
    { ...PERSON_ID, note: '人员在平台中的标识（见人口表导出的“人员标识”列）；须已有劳动力状态记录 · The person’s id; the person needs a labour-status record' },
    { key: 'sessionCode', header: '班次编号', kind: 'code', note: '培训班次编号（如 PX000123）；不填则按课程名称和开班日期查找 · Session code; without it, the course name and first day find the session' },
    { key: 'courseName', header: '课程名称', aliases: ['培训项目'], kind: 'text', note: '班次所属课程的名称 · The session’s course' },
    { key: 'startsOn', header: '开班日期', kind: 'date', note: '班次的开班日期 · The session’s first day' },
    { key: 'enrolledOn', header: '报名日期', kind: 'date', required: true, note: 'YYYY-MM-DD，不晚于结业日期 · Date enrolled, not after the session ends' },
    { key: 'status', header: '学员状态', kind: 'choice', choices: LABELS.enrolmentStatus, note: '已报名、已结业或中途退出；空为已报名 · Enrolled (default), completed or dropped out' },
    { key: 'completedOn', header: '结业日期', kind: 'date', note: '仅已结业填写，不早于开班日期 · Completed only; not before the session starts' },
    { key: 'certificateNo', header: '证书编号', kind: 'code', note: '仅已结业者填写 · Certificate number, completed only' },
  ],
});

export interface ValidEnrolment {
  cells: SheetRow['cells'];
  personId: string;
  sessionCode: string | null;
  courseName: string | null;
  startsOn: string | null;
  enrolledOn: string;
  status: EnrolmentStatus;
  completedOn: string | null;
  certificateNo: string | null;
}

interface SessionRow {
  id: string;
  code: string;
  course_id: string;
  starts_on: string;
  ends_on: string;
  capacity: number;
  course_name: string;
  course_kind: string;
}

interface ExistingEnrolment {
  id: string;
  session_id: string;
  person_id: string;
  status: string;
  enrolled_on: string;
  completed_on: string | null;
  certificate_no: string | null;
}

const COMPARED = ['status', 'enrolled_on', 'completed_on', 'certificate_no'] as const;
const header = (key: string) => headerOf(TRAINING_SHEET, key);

/**
 * Imports the training sheet with `enrolTrainee`'s and `recordTrainingCompletion`'s checks: a
 * session open to you (by its code, or its course's name and first day), not full, enrolment not
 * after it ends, completion not before it starts, a certificate only for who completed, and an
 * enrolment completed or dropped stays so.
 */
export function trainingImport(scope: Scope): SheetImport<ValidEnrolment> {
  const inFile = new Map<string, number>(); // session id + person id → row, this file so far
  const added = new Map<string, Set<string>>(); // session id → persons this file adds to it
  return {
    format: TRAINING_SHEET,
    tables: ['labour_status', 'training_session', 'training_enrolment'],
    keyColumn: header('personId'),
    key: (e) => `${e.personId} ${e.sessionCode ?? `${e.courseName} ${e.startsOn}`}`,

    checkRow(row) {
      const { values, problems } = parseCells(TRAINING_SHEET, row);
      if (problems.length) return { problems };
      const fields = new Problems();
      const sessionCode = values.sessionCode?.toUpperCase() ?? null;
      const courseName = values.courseName;
      const startsOn = values.startsOn;
      if (!sessionCode && !(courseName && startsOn)) fields.add('row.sessionCode', '须填写班次编号，或课程名称和开班日期', 'Give the session code, or the course name and the first day');
      if (startsOn) checkPlanDate(fields, 'row.startsOn', startsOn, '开班日期');
      const enrolledOn = values.enrolledOn;
      const personId = checkEnrolment(fields, 'row', { personId: values.personId, enrolledOn });
      const status = values.status ?? EnrolmentStatus.ENROLLED;
      const completedOn = values.completedOn;
      const certificateNo = values.certificateNo;
      if (status === EnrolmentStatus.COMPLETED) {
        if (!completedOn) fields.add('row.completedOn', '已结业须填写结业日期', 'completedOn is required for a completed enrolment');
        else checkCompletion(fields, 'row', { completed: true, on: completedOn, certificateNo }, { key: 'completedOn', label: '结业日期' });
      } else {
        if (completedOn) fields.add('row.completedOn', '仅已结业填写结业日期', 'completedOn is only for a completed enrolment');
        if (status === EnrolmentStatus.DROPPED) checkCompletion(fields, 'row', { completed: false, on: enrolledOn, certificateNo });
        else if (certificateNo) fields.add('row.certificateNo', '仅已结业者填写证书编号', 'certificateNo is only for a completed enrolment');
      }
      if (!fields.empty) return { problems: rowProblems(TRAINING_SHEET, row, fields.all) };
      return { problems: [], valid: { cells: row.cells, personId, sessionCode, courseName, startsOn, enrolledOn, status, completedOn, certificateNo } };
    },

    async plan(manager, rows): Promise<ChunkPlan> {
      const records = await personRecords(manager, scope, rows.map((r) => r.valid.personId));
      const codes = [...new Set(rows.map((r) => r.valid.sessionCode).filter((c): c is string => !!c))];
      const names = [...new Set(rows.filter((r) => !r.valid.sessionCode).map((r) => r.valid.courseName!))];
      const sessions: SessionRow[] = await scopedShared(manager, JobTrainingSession, scope, 's')
        .innerJoin(JobTrainingCourse, 'c', 'c.id = s.course_id')
        .andWhere('(s.code = ANY(:codes) OR c.name = ANY(:names))', { codes, names })
        .select(['s.id AS id', 's.code AS code', 's.course_id AS course_id', 's.starts_on AS starts_on', 's.ends_on AS ends_on', 's.capacity AS capacity', 'c.name AS course_name', 'c.kind AS course_kind'])
        .getRawMany();
      const byCode = new Map(sessions.map((s) => [s.code, s]));
      const enrolments: ExistingEnrolment[] = await manager.query(
        `SELECT id, session_id, person_id, status, enrolled_on, completed_on, certificate_no
           FROM "${schemaName(manager.connection)}".training_enrolment WHERE session_id = ANY($1::uuid[])`, [sessions.map((s) => s.id)]);
      const enrolmentOf = new Map(enrolments.map((e) => [`${e.session_id} ${e.person_id}`, e]));
      const membersOf = new Map<string, Set<string>>();
      for (const e of enrolments) membersOf.set(e.session_id, (membersOf.get(e.session_id) ?? new Set()).add(e.person_id));

      const problems: RowProblem[] = [];
      const inserts: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      let unchanged = 0;
      for (const { row, valid: e } of rows) {
        const found = problems.length;
        const problem = (key: string, zh: string, en: string) => problems.push({ row, column: header(key), value: e.cells[key] ?? '', zh, en });
        const person = personProblem(scope, e.personId, records);
        if (person) problem('personId', person.zh, person.en);
        let session: SessionRow | undefined;
        if (e.sessionCode) {
          session = byCode.get(e.sessionCode);
          if (!session) problem('sessionCode', `培训班次 ${e.sessionCode} 不存在或不对您开放`, `Session ${e.sessionCode} is not a session open to you`);
          else if (e.courseName && e.courseName !== session.course_name) problem('courseName', `班次 ${session.code} 属于课程“${session.course_name}”`, `Session ${session.code} belongs to the course “${session.course_name}”`);
          else if (e.startsOn && e.startsOn !== session.starts_on) problem('startsOn', `班次 ${session.code} 的开班日期为 ${session.starts_on}`, `Session ${session.code} starts on ${session.starts_on}`);
        } else {
          const candidates = sessions.filter((s) => s.course_name === e.courseName && s.starts_on === e.startsOn);
          if (candidates.length === 1) session = candidates[0];
          else if (!candidates.length) problem('courseName', `没有对您开放的“${e.courseName}”班次于 ${e.startsOn} 开班`, `No session of “${e.courseName}” open to you starts on ${e.startsOn}`);
          else problem('sessionCode', `“${e.courseName}”有 ${candidates.length} 个班次于 ${e.startsOn} 开班（${candidates.map((s) => s.code).join('、')}）：请填写班次编号`,
            `${candidates.length} sessions of “${e.courseName}” start on ${e.startsOn} (${candidates.map((s) => s.code).join(', ')}): give the session code`);
        }
        if (problems.length > found) continue;
        const key = `${session!.id} ${e.personId}`;
        const first = inFile.get(key);
        if (first !== undefined) {
          problem('personId', `与第 ${first} 行重复（同一人、同一班次 ${session!.code}）：同一文件中每条记录只能出现一次`, `Same as row ${first} (the same person and session ${session!.code}): each record may appear only once in a file`);
          continue;
        }
        inFile.set(key, row);
        const fields = new Problems();
        checkEnrolledInTime(fields, 'row.enrolledOn', e.enrolledOn, { endsOn: session!.ends_on });
        if (e.completedOn) checkCompletedInTime(fields, 'row.completedOn', e.completedOn, { startsOn: session!.starts_on });
        problems.push(...rowProblems(TRAINING_SHEET, { row, cells: e.cells }, fields.all));
        // enrolments of earlier chunks may be written already (a commit) or not (a dry run): count them once
        const mine = added.get(session!.id) ?? new Set<string>();
        const before = enrolmentOf.get(key);
        if (before && before.status !== EnrolmentStatus.ENROLLED && before.status !== e.status) problem('status', ALREADY_FINISHED.zh, ALREADY_FINISHED.en);
        if (!before && !mine.has(e.personId)) {
          const members = [...(membersOf.get(session!.id) ?? [])].filter((p) => !mine.has(p)).length + mine.size;
          if (members >= session!.capacity) {
            const full = sessionFull(session!.capacity);
            problem('sessionCode', full.zh, full.en);
          } else added.set(session!.id, mine.add(e.personId));
        }
        if (problems.length > found) continue;
        const record = records.recordOf.get(e.personId)!;
        const wanted = { status: e.status, enrolled_on: e.enrolledOn, completed_on: e.completedOn, certificate_no: e.certificateNo };
        if (!before) {
          inserts.push({
            id: randomUUID(), session_id: session!.id, course_id: session!.course_id, course_kind: session!.course_kind, person_id: e.personId,
            household_id: record.household_id, area_code: record.area_code, county_code: record.county_code, ...wanted,
          });
        } else if (COMPARED.some((k) => (before[k] ?? null) !== (wanted[k] ?? null))) updates.push({ id: before.id, ...wanted });
        else unchanged++;
      }
      return upsertPlan('training_enrolment', { problems, inserts, updates, unchanged });
    },
  };
}
