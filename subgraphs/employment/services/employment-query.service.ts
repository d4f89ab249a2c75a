import { paginate, type Page, type PageArgs } from '../../../platform/graphql/pagination';
import { applyAreaFilter } from '../../../platform/security/scope';
import { badInput } from '../../../platform/graphql/errors';
import { isUuid, today } from '../../../platform/graphql/validation';
import type { EmploymentContext } from '../employment.context';
import { scoped, scopedShared } from '../employment.loaders';
import { Employer } from '../entities/employer.entity';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { EmploymentPlacement } from '../entities/placement.entity';
import { JobTrainingCourse, JobTrainingEnrolment } from '../entities/training.entity';
import type {
  EmployerFilter, IncomeSurveyFilter, LabourStatusFilter, PlacementFilter, TrainingCourseFilter, TrainingEnrolmentFilter,
} from '../inputs/filters.input';

/** Lists: scoped in SQL, filtered, keyset-paginated on the id. */

const byId = { column: 'x.id', key: (row: { id: string }) => row.id };

function requireFilterId(value: string, field: string): string {
  if (!isUuid(value)) throw badInput([{ field, zh: '标识格式无效', en: `${field} is not a valid id` }]);
  return value.toLowerCase();
}

export function requireYear(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 2000 || value > 2100) throw badInput([{ field, zh: '年度须在 2000 至 2100 之间', en: `${field} must be a year between 2000 and 2100` }]);
  return value;
}

export function listLabourStatuses(ctx: EmploymentContext, filter: LabourStatusFilter | undefined, page: PageArgs): Promise<Page<LabourStatusRecord>> {
  const qb = scoped(ctx.dataSource, LabourStatusRecord, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.status) qb.andWhere('x.status = :status', { status: filter.status });
  return paginate(qb, byId, page);
}

export function listEmployers(ctx: EmploymentContext, filter: EmployerFilter | undefined, page: PageArgs): Promise<Page<Employer>> {
  const qb = scopedShared(ctx.dataSource, Employer, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.kind) qb.andWhere('x.kind = :kind', { kind: filter.kind });
  const search = filter?.search?.trim();
  if (search) qb.andWhere('x.name LIKE :name', { name: `${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  return paginate(qb, byId, page);
}

export function listPlacements(ctx: EmploymentContext, filter: PlacementFilter | undefined, page: PageArgs): Promise<Page<EmploymentPlacement>> {
  const qb = scoped(ctx.dataSource, EmploymentPlacement, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.type) qb.andWhere('x.type = :type', { type: filter.type });
  if (filter?.employerId) qb.andWhere('x.employer_id = :employer', { employer: requireFilterId(filter.employerId, 'filter.employerId') });
  if (filter?.personId) qb.andWhere('x.person_id = :person', { person: requireFilterId(filter.personId, 'filter.personId') });
  if (filter?.current === true) qb.andWhere('x.start_date <= :today AND (x.end_date IS NULL OR x.end_date >= :today)', { today: today() });
  if (filter?.current === false) qb.andWhere('x.end_date < :today', { today: today() });
  return paginate(qb, byId, page);
}

export function listCourses(ctx: EmploymentContext, filter: TrainingCourseFilter | undefined, page: PageArgs): Promise<Page<JobTrainingCourse>> {
  const qb = scopedShared(ctx.dataSource, JobTrainingCourse, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.kind) qb.andWhere('x.kind = :kind', { kind: filter.kind });
  return paginate(qb, byId, page);
}

export function listEnrolments(ctx: EmploymentContext, filter: TrainingEnrolmentFilter | undefined, page: PageArgs): Promise<Page<JobTrainingEnrolment>> {
  const qb = scoped(ctx.dataSource, JobTrainingEnrolment, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.courseKind) qb.andWhere('x.course_kind = :kind', { kind: filter.courseKind });
  if (filter?.status) qb.andWhere('x.status = :status', { status: filter.status });
  if (filter?.year !== undefined && filter.year !== null) {
    const year = requireYear(filter.year, 'filter.year');
    qb.andWhere('x.enrolled_on BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` });
  }
  return paginate(qb, byId, page);
}

export function listIncomeSurveys(ctx: EmploymentContext, filter: IncomeSurveyFilter | undefined, page: PageArgs): Promise<Page<HouseholdIncomeSurvey>> {
  const qb = scoped(ctx.dataSource, HouseholdIncomeSurvey, ctx.scope, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.year !== undefined && filter.year !== null) qb.andWhere('x.year = :year', { year: requireYear(filter.year, 'filter.year') });
  if (filter?.householdId) qb.andWhere('x.household_id = :household', { household: requireFilterId(filter.householdId, 'filter.householdId') });
  return paginate(qb, byId, page);
}

