import { randomUUID } from 'node:crypto';
import { Field, Int, ObjectType } from 'type-graphql';
import { conflict, forbidden, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { applyAreaFilter } from '../../../platform/security/scope';
import { inTransaction } from '../../../platform/db/transaction';
import { checkId, checkInt, checkName, checkText, isIsoDate } from '../../../platform/graphql/validation';
import { ALREADY_FINISHED, checkCompletedInTime, checkCompletion, checkEnrolledInTime, checkEnrolment, checkPlanDate, sessionFull } from './training.validation';
import type { EmploymentContext } from '../employment.context';
import { EnrolmentStatus, TrainingCourseKind } from '../employment.enums';
import { scoped, scopedShared } from '../employment.loaders';
import { JobTrainingCourse, JobTrainingEnrolment, JobTrainingSession } from '../entities/training.entity';
import type { CreateTrainingCourseInput, EnrolTraineeInput, RecordTrainingCompletionInput } from '../inputs/records.input';
import { checkAreaCode, personRecord, requireInScope } from './employment.validation';
import { requireYear } from './employment-query.service';
import { countyOf } from '../../../platform/domain/area-code';

@ObjectType({ description: 'Training totals of one kind of course · 分类培训统计' })
export class TrainingTotals {
  @Field(() => TrainingCourseKind, { description: 'Kind of training · 培训类别' })
  kind: TrainingCourseKind;

  @Field(() => Int, { description: 'Enrolments (person-times) · 培训人次' })
  personTimes: number;

  @Field(() => Int, { description: 'Distinct persons · 培训人数' })
  trainees: number;

  @Field(() => Int, { description: 'Enrolments completed · 结业人次' })
  completions: number;

  @Field(() => Int, { description: 'Certificates issued · 取得证书人次' })
  certificates: number;
}

export async function createTrainingCourse(ctx: EmploymentContext, input: CreateTrainingCourseInput): Promise<JobTrainingCourse> {
  const problems = new Problems();
  checkName(problems, 'input.name', input.name, '课程名称', 64);
  checkName(problems, 'input.provider', input.provider, '培训机构', 64);
  checkInt(problems, 'input.hours', input.hours, 1, 5000, '课时');
  const areaCode = checkAreaCode(problems, 'input.areaCode', input.areaCode);
  const sessions = input.sessions.map((s, i) => {
    const field = `input.sessions[${i}]`;
    checkPlanDate(problems, `${field}.startsOn`, s.startsOn, '开班日期');
    checkPlanDate(problems, `${field}.endsOn`, s.endsOn, '结业日期');
    if (isIsoDate(s.startsOn) && isIsoDate(s.endsOn) && s.endsOn < s.startsOn) problems.add(`${field}.endsOn`, '结业日期不能早于开班日期', 'endsOn cannot be before startsOn');
    checkText(problems, `${field}.venue`, s.venue, '培训地点', 64);
    checkInt(problems, `${field}.capacity`, s.capacity, 1, 500, '计划人数');
    const sessionArea = s.areaCode ? checkAreaCode(problems, `${field}.areaCode`, s.areaCode) : areaCode;
    if (s.areaCode && !sessionArea.startsWith(areaCode)) problems.add(`${field}.areaCode`, '班次区划须在课程区划之内', 'A session’s area must lie inside the course’s');
    return { ...s, areaCode: sessionArea };
  });
  problems.throwIfAny();
  requireInScope(ctx, areaCode, '课程区划超出您的管辖范围', 'areaCode is outside your jurisdiction');

  return inTransaction(ctx, async (manager) => {
    const course = { id: randomUUID(), name: input.name.trim(), kind: input.kind, provider: input.provider.trim(), hours: input.hours, areaCode, countyCode: countyOf(areaCode) };
    await manager.insert(JobTrainingCourse, course);
    if (sessions.length) {
      await manager.insert(JobTrainingSession, sessions.map((s) => ({
        id: randomUUID(), courseId: course.id, areaCode: s.areaCode, countyCode: countyOf(s.areaCode),
        startsOn: s.startsOn, endsOn: s.endsOn, venue: s.venue.trim(), capacity: s.capacity,
      })));
    }
    return manager.findOneByOrFail(JobTrainingCourse, { id: course.id });
  });
}

/** Enrols a person in a session: the session must be visible to the caller, not full, and the person not in it yet. */
export async function enrolTrainee(ctx: EmploymentContext, input: EnrolTraineeInput): Promise<JobTrainingEnrolment> {
  const problems = new Problems();
  const sessionId = checkId(problems, 'input.sessionId', input.sessionId);
  const personId = checkEnrolment(problems, 'input', input);
  problems.throwIfAny();
  const alreadyIn = () => conflict('input.personId', '该人员已报名此班次', 'The person is already enrolled in this session');

  return inTransaction(ctx, async (manager) => {
    const person = await personRecord(manager, ctx, personId, 'input.personId');
    const session = await scopedShared(manager, JobTrainingSession, ctx.scope, 'x').andWhere('x.id = :id', { id: sessionId }).getOne();
    if (!session) {
      const refs = new Problems();
      refs.add('input.sessionId', '培训班次不存在或不对您开放', 'sessionId is not a session open to you');
      refs.throwIfAny();
    }
    const refs = new Problems();
    checkEnrolledInTime(refs, 'input.enrolledOn', input.enrolledOn, session!);
    refs.throwIfAny();
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`session:${sessionId}`]);
    const enrolled = await manager.getRepository(JobTrainingEnrolment).countBy({ sessionId });
    if (await manager.getRepository(JobTrainingEnrolment).existsBy({ sessionId, personId })) throw alreadyIn();
    if (enrolled >= session!.capacity) {
      const full = sessionFull(session!.capacity);
      throw conflict('input.sessionId', full.zh, full.en);
    }
    const course = await manager.findOneByOrFail(JobTrainingCourse, { id: session!.courseId });
    const row = {
      id: randomUUID(), sessionId, courseId: course.id, courseKind: course.kind, personId, householdId: person.householdId,
      areaCode: person.areaCode, countyCode: person.countyCode, status: EnrolmentStatus.ENROLLED, enrolledOn: input.enrolledOn,
      completedOn: null, certificateNo: null,
    };
    await manager.insert(JobTrainingEnrolment, row);
    return manager.findOneByOrFail(JobTrainingEnrolment, { id: row.id });
  }, alreadyIn);
}

/** Records completion (with an optional certificate) or dropping out, once per enrolment. */
export async function recordTrainingCompletion(ctx: EmploymentContext, input: RecordTrainingCompletionInput): Promise<JobTrainingEnrolment> {
  const problems = new Problems();
  const id = checkId(problems, 'input.enrolmentId', input.enrolmentId);
  checkCompletion(problems, 'input', input);
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const enrolment = await manager.getRepository(JobTrainingEnrolment).findOneBy({ id });
    if (!enrolment && (await existsElsewhere(manager, JobTrainingEnrolment, 'id', id))) throw forbidden();
    if (!enrolment) {
      const missing = new Problems();
      missing.add('input.enrolmentId', '学员记录不存在', 'enrolmentId is not a known enrolment');
      missing.throwIfAny();
    }
    requireInScope(ctx, enrolment!.areaCode);
    if (enrolment!.status !== EnrolmentStatus.ENROLLED) throw conflict('input.enrolmentId', ALREADY_FINISHED.zh, ALREADY_FINISHED.en);
    const session = await manager.findOneByOrFail(JobTrainingSession, { id: enrolment!.sessionId });
    const late = new Problems();
    checkCompletedInTime(late, 'input.on', input.on, session);
    late.throwIfAny();
    await manager.update(JobTrainingEnrolment, { id }, {
      status: input.completed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.DROPPED,
      completedOn: input.completed ? input.on : null,
      certificateNo: input.completed ? input.certificateNo?.trim() || null : null,
    });
    return manager.findOneByOrFail(JobTrainingEnrolment, { id });
  });
}

/** Totals by kind of course for an area (and below), over a span of years, in one GROUP BY. */
export async function trainingStatistics(ctx: EmploymentContext, areaCode: string | undefined, fromYear: number | undefined, toYear: number | undefined): Promise<TrainingTotals[]> {
  const qb = scoped(ctx.dataSource, JobTrainingEnrolment, ctx.scope, 'x')
    .select('x.course_kind', 'kind')
    .addSelect('count(*)::int', 'personTimes')
    .addSelect('count(DISTINCT x.person_id)::int', 'trainees')
    .addSelect(`count(*) FILTER (WHERE x.status = '${EnrolmentStatus.COMPLETED}')::int`, 'completions')
    .addSelect('count(x.certificate_no)::int', 'certificates')
    .groupBy('x.course_kind')
    .orderBy('x.course_kind');
  if (areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', areaCode, 'areaCode');
  if (fromYear !== undefined) qb.andWhere('x.enrolled_on >= :from', { from: `${requireYear(fromYear, 'fromYear')}-01-01` });
  if (toYear !== undefined) qb.andWhere('x.enrolled_on <= :to', { to: `${requireYear(toYear, 'toYear')}-12-31` });
  const rows: TrainingTotals[] = await qb.getRawMany();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return Object.values(TrainingCourseKind).map((kind) => byKind.get(kind) ?? { kind, personTimes: 0, trainees: 0, completions: 0, certificates: 0 });
}
