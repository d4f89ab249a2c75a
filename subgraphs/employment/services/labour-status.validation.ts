import type { Problems } from '../../../platform/graphql/errors';
import { checkDate, checkId, checkText } from '../../../platform/graphql/validation';
import { checkGroupCode } from './employment.validation';

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** A labour-status check as the mutation and the labour-status sheet take it. */
export interface LabourCheck {
  personId: string;
  householdId?: string | null;
  areaCode?: string | null;
  birthDate?: string | null;
  verifiedOn: string;
  note?: string | null;
}

/** Checks the fields of a check on their own (`path.personId` …): the ids, the group code and the dates, normalised. */
export function checkLabourCheck(problems: Problems, path: string, input: LabourCheck): { personId: string; householdId: string | null; areaCode: string | null } {
  const personId = checkId(problems, `${path}.personId`, input.personId);
  checkDate(problems, `${path}.verifiedOn`, input.verifiedOn, '核查日期');
  checkText(problems, `${path}.note`, input.note, '备注', 200, false);
  const householdId = input.householdId ? checkId(problems, `${path}.householdId`, input.householdId) : null;
  const areaCode = input.areaCode ? checkGroupCode(problems, `${path}.areaCode`, input.areaCode) : null;
  checkDate(problems, `${path}.birthDate`, input.birthDate, '出生日期');
  return { personId, householdId, areaCode };
}

/** A later check of a person against the record: not older than it, the same household and birth date. */
export function checkLaterCheck(
  problems: Problems, path: string, existing: { verifiedOn: string; householdId: string; birthDate: string },
  input: { verifiedOn: string; householdId: string | null; birthDate?: string | null },
): void {
  if (input.verifiedOn < existing.verifiedOn) {
    problems.add(`${path}.verifiedOn`, `核查日期早于上次核查（${existing.verifiedOn}）`, `verifiedOn is before the last check (${existing.verifiedOn})`);
  }
  if (input.householdId && input.householdId !== existing.householdId) problems.add(`${path}.householdId`, '与已登记的所属移民户不符', 'householdId differs from the one on record');
  if (input.birthDate && input.birthDate !== existing.birthDate) problems.add(`${path}.birthDate`, '与已登记的出生日期不符', 'birthDate differs from the one on record');
}

/** A person's first check: household, resident group and birth date are needed, and the person must be of working age. */
export function checkFirstCheck(
  problems: Problems, path: string, input: { verifiedOn: string; householdId: string | null; areaCode: string | null; birthDate?: string | null }, workingAgeMin: number,
): void {
  if (!input.householdId) problems.add(`${path}.householdId`, '首次核查须填写所属移民户', 'householdId is required at the first check');
  if (!input.areaCode) problems.add(`${path}.areaCode`, '首次核查须填写现居住地居民小组代码', 'areaCode is required at the first check');
  if (!input.birthDate) problems.add(`${path}.birthDate`, '首次核查须填写出生日期', 'birthDate is required at the first check');
  else if (ageOn(input.birthDate, input.verifiedOn) < workingAgeMin) {
    problems.add(`${path}.birthDate`, `未满劳动年龄（${workingAgeMin} 周岁）`, `The person is under working age (${workingAgeMin})`);
  }
}
