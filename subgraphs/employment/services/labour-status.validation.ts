import { ageOn } from '../../../platform/domain/age';
import type { Problems } from '../../../platform/graphql/errors';
import { checkDate, checkId, checkText } from '../../../platform/graphql/validation';
import { checkGroupCode } from './employment.validation';

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

/** A later check of a person against the record: not older than it. */
export function checkLaterCheck(problems: Problems, path: string, existing: { verifiedOn: string }, input: { verifiedOn: string; householdId?: string | null }): void {
  if (input.verifiedOn < existing.verifiedOn) {
    problems.add(`${path}.verifiedOn`, `核查日期早于上次核查（${existing.verifiedOn}）`, `verifiedOn is before the last check (${existing.verifiedOn})`);
  }
}

/** A person's first check: the person must be of working age (the birth date is the registry's). */
export function checkFirstCheck(problems: Problems, path: string, input: { verifiedOn: string; birthDate: string }, workingAgeMin: number): void {
  if (ageOn(input.birthDate, input.verifiedOn) < workingAgeMin) {
    problems.add(`${path}.personId`, `未满劳动年龄（${workingAgeMin} 周岁）`, `The person is under working age (${workingAgeMin})`);
  }
}

/** What a sheet shows of the registry (household, resident group, birth date) against what the registry has: a problem per field that differs, naming the registry's household and group. */
export function checkAgainstRegistry(
  problems: Problems, path: string, given: { householdId: string | null; areaCode: string | null; birthDate?: string | null },
  registry: { householdId: string; areaCode: string; birthDate: string },
): void {
  if (given.householdId && given.householdId !== registry.householdId) problems.add(`${path}.householdId`, `与移民登记的所属移民户（${registry.householdId}）不符`, `householdId differs from the registry’s (${registry.householdId})`);
  if (given.areaCode && given.areaCode !== registry.areaCode) problems.add(`${path}.areaCode`, `与移民登记的现居住地（${registry.areaCode}）不符`, `areaCode differs from the registry’s (${registry.areaCode})`);
  // the registry's birth date is not repeated: a report is read by whoever may read imports, under the disclosure policy
  if (given.birthDate && given.birthDate !== registry.birthDate) problems.add(`${path}.birthDate`, '与移民登记的出生日期不符', 'birthDate differs from the registry’s');
}
