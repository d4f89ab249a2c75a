import type { BaseContext } from '../../../platform/graphql/context';
import { exportPages as pages } from '../../../platform/imports/export-query';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** The labour-status sheet's rows inside the caller's jurisdiction (narrowed to `area`), by person. */
export function exportLabourStatus(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  return pages(ctx, 'x.area_code', area, [NO_ID], (s, condition) =>
    `SELECT x.person_id AS "personId", x.household_id AS "householdId", x.area_code AS "areaCode", x.birth_date AS "birthDate",
            x.status, x.verified_on AS "verifiedOn", x.note
       FROM "${s}".labour_status x WHERE x.person_id > $1 AND ${condition} ORDER BY x.person_id`,
  (r) => [r.personId as string]);
}

/** The placements sheet's rows inside the caller's jurisdiction (narrowed to `area`), by person and start; the file route withholds wages by the policy. */
export function exportPlacements(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  return pages(ctx, 'x.area_code', area, [NO_ID, '0001-01-01'], (s, condition) =>
    `SELECT x.person_id AS "personId", x.type, e.name AS employer, x.destination_province AS "destinationProvince",
            x.self_employment_kind AS "selfEmploymentKind", x.full_time AS "fullTime", x.start_date AS "startDate", x.end_date AS "endDate",
            x.end_reason AS reason, x.monthly_wage AS "monthlyWage"
       FROM "${s}".placement x LEFT JOIN "${s}".employer e ON e.id = x.employer_id
      WHERE (x.person_id, x.start_date) > ($1::uuid, $2::date) AND ${condition} ORDER BY x.person_id, x.start_date`,
  (r) => [r.personId as string, r.startDate as string]);
}

/** The training sheet's rows inside the caller's jurisdiction (narrowed to `area`), by session and person. */
export function exportTraining(ctx: BaseContext, area?: string): AsyncGenerator<Record<string, unknown>> {
  return pages(ctx, 'x.area_code', area, ['', NO_ID], (s, condition) =>
    `SELECT x.person_id AS "personId", t.code AS "sessionCode", c.name AS "courseName", t.starts_on AS "startsOn",
            x.enrolled_on AS "enrolledOn", x.status, x.completed_on AS "completedOn", x.certificate_no AS "certificateNo"
       FROM "${s}".training_enrolment x JOIN "${s}".training_session t ON t.id = x.session_id JOIN "${s}".training_course c ON c.id = t.course_id
      WHERE (t.code, x.person_id) > ($1, $2::uuid) AND ${condition} ORDER BY t.code, x.person_id`,
  (r) => [r.sessionCode as string, r.personId as string]);
}
