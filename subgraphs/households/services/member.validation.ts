import { ageOn } from '../../../platform/domain/age';
import { eighteenCharacterForm } from '../../../platform/domain/id-number';
import type { Problems } from '../../../platform/graphql/errors';
import { checkIdNumber, checkPhone, checkName, checkText } from '../../../platform/graphql/validation';
import { isEthnicity } from './ethnicity.rules';
import { Relation, Sex } from '../households.enums';
import type { MemberInput } from '../inputs/registration.input';

export function checkEthnicity(problems: Problems, field: string, value: string): void {
  if (!isEthnicity(value.trim())) problems.add(field, '民族须为 56 个民族之一，如“汉族”“彝族”', 'ethnicity must be one of the 56 ethnic groups, e.g. 汉族, 彝族');
}

export function checkFlagsAgainstAge(problems: Problems, path: string, flags: { leftBehindElderly?: boolean | null; leftBehindChild?: boolean | null }, age: number): void {
  if (flags.leftBehindChild && age >= 16) problems.add(`${path}.leftBehindChild`, '留守儿童须未满 16 周岁', 'A left-behind child is under 16');
  if (flags.leftBehindElderly && age < 60) problems.add(`${path}.leftBehindElderly`, '留守老人须年满 60 周岁', 'Left-behind elderly are 60 or older');
}

/** A member as it will be stored, after validation. */
export interface ValidMember {
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  input: MemberInput;
}

/** Validates one member; problems are added under `path` (e.g. `input.members[2]`). */
export function checkMember(problems: Problems, path: string, m: MemberInput, today: string): ValidMember | undefined {
  checkName(problems, `${path}.name`, m.name, '姓名', 32);
  checkEthnicity(problems, `${path}.ethnicity`, m.ethnicity);
  checkPhone(problems, `${path}.phone`, m.phone);
  const id = checkIdNumber(problems, `${path}.idNumber`, m.idNumber);
  if (!id) return undefined;
  if (m.sex && m.sex !== id.sex) {
    problems.add(`${path}.sex`, `性别与身份证号不符（身份证号显示为${id.sex === Sex.MALE ? '男' : '女'}）`, `sex does not match the ID number (which says ${id.sex})`);
  }
  if (m.birthDate && m.birthDate !== id.birthDate) {
    // the message does not quote the ID number's birth date: import reports reach masked readers too
    problems.add(`${path}.birthDate`, '出生日期与身份证号中的出生日期不符', 'birthDate does not match the birth date inside the ID number');
  }
  checkFlagsAgainstAge(problems, path, m, ageOn(id.birthDate, today));
  return { name: m.name.trim(), idNumber: id.normalized, sex: id.sex as Sex, birthDate: id.birthDate, input: m };
}

/** Exactly one head, and no ID number twice in the same submission. */
export function checkMemberSet(problems: Problems, path: string, members: MemberInput[]): void {
  const heads = members.filter((m) => m.relation === Relation.HEAD).length;
  if (heads !== 1) problems.add(`${path}`, `须有且仅有一名户主（现有 ${heads} 名）`, `exactly one member must be the HEAD (found ${heads})`);
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    const key = eighteenCharacterForm(m.idNumber); // a 15-digit number and its 18-character form are one person
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add(`${path}[${i}].idNumber`, `身份证号与第 ${first + 1} 名成员重复`, `same ID number as member ${first + 1}`);
    } else seen.set(key, i);
  });
}
