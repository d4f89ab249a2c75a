import type { Problems } from '../../../platform/graphql/errors';
import { checkId, checkText, isIsoDate } from '../../../platform/graphql/validation';

/** A date that may lie in the future (sessions are planned ahead), but must be a real date. */
export function checkPlanDate(problems: Problems, field: string, value: string, label: string): void {
  if (!isIsoDate(value)) problems.add(field, `${label}须为有效日期（YYYY-MM-DD）`, `${field} must be a valid date (YYYY-MM-DD)`);
}

/** An enrolment's own fields (`path.personId`, `path.enrolledOn`): the person id, normalised. */
export function checkEnrolment(problems: Problems, path: string, input: { personId: string; enrolledOn: string }): string {
  const personId = checkId(problems, `${path}.personId`, input.personId);
  checkPlanDate(problems, `${path}.enrolledOn`, input.enrolledOn, '报名日期');
  return personId;
}

/** Enrolling in a session: not after it ends. */
export function checkEnrolledInTime(problems: Problems, field: string, enrolledOn: string, session: { endsOn: string }): void {
  if (enrolledOn > session.endsOn) problems.add(field, `报名日期不能晚于结业日期（${session.endsOn}）`, `enrolledOn cannot be after the session ends (${session.endsOn})`);
}

/**
 * Completion or dropping out (`path.<onKey>`, `path.certificateNo`): a real date; a certificate
 * only for who completed.
 */
export function checkCompletion(problems: Problems, path: string, input: { completed: boolean; on: string; certificateNo?: string | null }, on = { key: 'on', label: '日期' }): void {
  checkPlanDate(problems, `${path}.${on.key}`, input.on, on.label);
  checkText(problems, `${path}.certificateNo`, input.certificateNo, '证书编号', 32, false);
  if (!input.completed && input.certificateNo) problems.add(`${path}.certificateNo`, '中途退出者不发证书', 'A trainee who dropped out gets no certificate');
}

/** Completion (or dropping out) falls on or after the session's first day. */
export function checkCompletedInTime(problems: Problems, field: string, on: string, session: { startsOn: string }): void {
  if (on < session.startsOn) problems.add(field, `日期不能早于开班日期（${session.startsOn}）`, `on cannot be before the session starts (${session.startsOn})`);
}

/** Completion and dropping out are recorded once. */
export const ALREADY_FINISHED = { zh: '该学员已登记结业或退出', en: 'The enrolment is already completed or dropped' };

/** A session that is full. */
export function sessionFull(capacity: number): { zh: string; en: string } {
  return { zh: `该班次已满（${capacity} 人）`, en: `The session is full (${capacity} places)` };
}
