import DataLoader from 'dataloader';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { BaseContext } from '../../platform/graphql/context';
import { forbidden } from '../../platform/graphql/errors';
import { existingKeys, forbiddenIfExists, groupLoader, rowLoader } from '../../platform/graphql/loaders';
import type { Scope } from '../../platform/security/scope';
import { isUuid } from '../../platform/graphql/validation';
import type { EmploymentConfig } from './employment.config';
import { Employer } from './entities/employer.entity';
import { HouseholdIncomeSurvey } from './entities/income-survey.entity';
import { LabourStatusRecord } from './entities/labour-status.entity';
import { EmploymentPlacement } from './entities/placement.entity';
import { JobTrainingCourse, JobTrainingEnrolment, JobTrainingSession } from './entities/training.entity';
import { computeIndicators, indicatorKey, type EmploymentIndicators } from './services/indicators.service';
import { suppressionThreshold } from '../../platform/statistics/statistics';

/** Rows about people and households: visible inside the jurisdiction only. */
export function scoped<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, scope: Scope, alias: string): SelectQueryBuilder<T> {
  return scope.apply(dataSource.getRepository(entity).createQueryBuilder(alias), `${alias}.area_code`);
}

/**
 * Employers, courses and sessions serve an area and everything below it: visible when they sit
 * inside the jurisdiction or in an area above it (a community worker sees the county's workshops).
 */
export function scopedShared<T extends ObjectLiteral>(dataSource: DataSource | EntityManager, entity: EntityTarget<T>, scope: Scope, alias: string): SelectQueryBuilder<T> {
  const { clause, params } = scope.condition(`${alias}.area_code`, `shared_${alias}`);
  return dataSource
    .getRepository(entity)
    .createQueryBuilder(alias)
    .where(`(${clause} OR ${alias}.area_code = ANY(:shared_${alias}_ancestors))`, { ...params, [`shared_${alias}_ancestors`]: scope.ancestorList() });
}

function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>, query: (alias: string) => SelectQueryBuilder<T>) {
  return rowLoader<string, T>(
    (ids) => query('x').andWhere('x.id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
    (row) => row.id,
    forbiddenIfExists(existingKeys(dataSource, entity, 'id', true), () => forbidden()),
  );
}

/** Per-request loaders: every lookup, list field and aggregate batches through these (one statement per batch). */
export function createEmploymentLoaders(ctx: BaseContext, config: EmploymentConfig) {
  const { dataSource, scope } = ctx;
  const own = <T extends ObjectLiteral>(entity: EntityTarget<T>) => (alias: string) => scoped(dataSource, entity, scope, alias);
  const shared = <T extends ObjectLiteral>(entity: EntityTarget<T>) => (alias: string) => scopedShared(dataSource, entity, scope, alias);
  return {
    labourStatus: byId(dataSource, LabourStatusRecord, own(LabourStatusRecord)),
    labourStatusOfPerson: rowLoader<string, LabourStatusRecord>(
      (ids) => scoped(dataSource, LabourStatusRecord, scope, 'x').andWhere('x.person_id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
      (row) => row.personId,
      forbiddenIfExists(existingKeys(dataSource, LabourStatusRecord, 'person_id', true), () => forbidden()),
    ),
    /** Refuses a household whose members' records lie outside the jurisdiction (for its reference); one statement per batch. */
    householdLabour: rowLoader<string, LabourStatusRecord>(
      (ids) => scoped(dataSource, LabourStatusRecord, scope, 'x').andWhere('x.household_id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
      (row) => row.householdId,
      forbiddenIfExists(existingKeys(dataSource, LabourStatusRecord, 'household_id', true), () => forbidden()),
    ),
    employer: byId(dataSource, Employer, shared(Employer)),
    placement: byId(dataSource, EmploymentPlacement, own(EmploymentPlacement)),
    course: byId(dataSource, JobTrainingCourse, shared(JobTrainingCourse)),
    session: byId(dataSource, JobTrainingSession, shared(JobTrainingSession)),
    enrolment: byId(dataSource, JobTrainingEnrolment, own(JobTrainingEnrolment)),
    incomeSurvey: byId(dataSource, HouseholdIncomeSurvey, own(HouseholdIncomeSurvey)),
    placementsOfPerson: groupLoader<string, EmploymentPlacement>(
      (ids) => scoped(dataSource, EmploymentPlacement, scope, 'x').andWhere('x.person_id = ANY(:ids)', { ids: ids.filter(isUuid) })
        .orderBy('x.start_date', 'DESC').addOrderBy('x.id').getMany(),
      (row) => row.personId,
    ),
    enrolmentsOfPerson: groupLoader<string, JobTrainingEnrolment>(
      (ids) => scoped(dataSource, JobTrainingEnrolment, scope, 'x').andWhere('x.person_id = ANY(:ids)', { ids: ids.filter(isUuid) })
        .orderBy('x.enrolled_on', 'DESC').addOrderBy('x.id').getMany(),
      (row) => row.personId,
    ),
    enrolmentsOfSession: groupLoader<string, JobTrainingEnrolment>(
      (ids) => scoped(dataSource, JobTrainingEnrolment, scope, 'x').andWhere('x.session_id = ANY(:ids)', { ids: ids.filter(isUuid) })
        .orderBy('x.enrolled_on').addOrderBy('x.id').getMany(),
      (row) => row.sessionId,
    ),
    sessionsOfCourse: groupLoader<string, JobTrainingSession>(
      (ids) => scopedShared(dataSource, JobTrainingSession, scope, 'x').andWhere('x.course_id = ANY(:ids)', { ids: ids.filter(isUuid) })
        .orderBy('x.starts_on').addOrderBy('x.id').getMany(),
      (row) => row.courseId,
    ),
    incomesOfHousehold: groupLoader<string, HouseholdIncomeSurvey>(
      (ids) => scoped(dataSource, HouseholdIncomeSurvey, scope, 'x').andWhere('x.household_id = ANY(:ids)', { ids: ids.filter(isUuid) })
        .orderBy('x.year', 'DESC').getMany(),
      (row) => row.householdId,
    ),
    /** Keyed `code|year`: one SQL statement computes the indicators of every area asked in the batch. */
    indicators: new DataLoader<string, EmploymentIndicators>((keys) => computeIndicators(dataSource, scope, config, keys, suppressionThreshold(ctx))),
    indicatorKey,
  };
}

export type EmploymentLoaders = ReturnType<typeof createEmploymentLoaders>;
