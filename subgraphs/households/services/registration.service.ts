import { randomUUID } from 'node:crypto';
import { idNumberForms } from '../../../platform/domain/id-number';
import { ageOn } from '../../../platform/domain/age';
import type { EntityManager } from 'typeorm';
import { conflict, forbidden, Problems } from '../../../platform/graphql/errors';
import { existingKeys } from '../../../platform/graphql/loaders';
import { RegistryEventType } from '../../../platform/events/registry-event';
import { checkDate, checkIdNumber, checkPhone, checkName, checkText, requireId, today } from '../../../platform/graphql/validation';
import { AdminArea } from '../entities/admin-area.entity';
import { Household } from '../entities/household.entity';
import { Person } from '../entities/person.entity';
import { AreaLevel, HouseholdStatus, PersonStatus, Relation } from '../households.enums';
import { supportPeriod } from './support-period.rules';
import type { HouseholdsContext } from '../households.context';
import { scopedHouseholds, scopedPersons } from '../households.loaders';
import type { AddMemberInput, RegisterHouseholdInput, RemoveMemberInput, UpdatePersonInput } from '../inputs/registration.input';
import { checkHousehold } from './household.validation';
import { inRegistryTransaction, recordHouseholdEvents, recordPersonEvents } from './registry-events';
import {
  checkEthnicity, checkFlagsAgainstAge, checkMember, checkMemberSet, type ValidMember,
} from './member.validation';
import { loadForChange } from '../../../platform/db/load-for-change';

const PERSON: [string, string] = ['该人员', 'Person'];
const HOUSEHOLD: [string, string] = ['该移民户', 'Household'];

/** ID numbers already registered to an active person anywhere in the prefecture → CONFLICT. */
async function assertIdNumbersFree(manager: EntityManager, numbers: { field: string; idNumber: string }[], exceptPersonId?: string) {
  if (!numbers.length) return;
  // outside the caller's jurisdiction too (row-level security hides those rows): the schema's function looks
  const [taken]: { idNumber: string; countyName: string }[] = await manager.query(
    `SELECT id_number AS "idNumber", county_name AS "countyName" FROM "${manager.connection.getMetadata(Person).schema}".registered_id_numbers($1, $2) LIMIT 1`,
    [numbers.flatMap((n) => idNumberForms(n.idNumber)), exceptPersonId ?? null], // a 15-digit number and its 18-character form are one person
  );
  if (taken) {
    const { field } = numbers.find((n) => idNumberForms(n.idNumber).includes(taken.idNumber))!;
    throw conflict(field, `该身份证号已在${taken.countyName}登记，不能重复登记`, `This ID number is already registered in ${taken.countyName}`);
  }
}

function personRow(member: ValidMember, household: Pick<Household, 'id' | 'areaCode' | 'countyCode'>): Partial<Person> {
  const m = member.input;
  return {
    id: randomUUID(),
    householdId: household.id,
    areaCode: household.areaCode,
    countyCode: household.countyCode,
    name: member.name,
    idNumber: member.idNumber,
    sex: member.sex,
    birthDate: member.birthDate,
    ethnicity: m.ethnicity.trim(),
    relation: m.relation,
    phone: m.phone?.trim() || null,
    productionMode: m.productionMode,
    leftBehindElderly: m.leftBehindElderly,
    leftBehindChild: m.leftBehindChild,
    disabled: m.disabled,
    minimumLivingAllowance: m.minimumLivingAllowance,
    status: PersonStatus.ACTIVE,
  };
}

export async function registerHousehold(ctx: HouseholdsContext, input: RegisterHouseholdInput): Promise<Household> {
  const now = today();
  const problems = new Problems();
  const { registryNo, areaCode, originalAreaCode } = checkHousehold(problems, 'input', input);
  if (input.members.length === 0) problems.add('input.members', '至少需要一名家庭成员', 'at least one member is required');
  checkMemberSet(problems, 'input.members', input.members);
  const members = input.members.map((m, i) => checkMember(problems, `input.members[${i}]`, m, now));
  problems.throwIfAny();
  if (!ctx.scope.covers(areaCode)) throw forbidden('现居住地超出您的管辖范围', 'areaCode is outside your jurisdiction');

  return inRegistryTransaction(
    ctx,
    async (manager) => {
      const areas = await manager.getRepository(AdminArea).createQueryBuilder('a').where('a.code = ANY(:codes)', { codes: [areaCode, originalAreaCode] }).getMany();
      const area = areas.find((a) => a.code === areaCode);
      const refs = new Problems();
      if (!area || area.level !== AreaLevel.GROUP) refs.add('input.areaCode', '现居住地居民小组不存在', 'areaCode is not a known resident group');
      // the original area may lie outside the jurisdiction (moved from another county): its code is looked up there too
      const original = areas.some((a) => a.code === originalAreaCode) || (await existingKeys(manager, AdminArea, 'code')([originalAreaCode])).length > 0;
      if (!original) refs.add('input.originalAreaCode', '原居住地区划不存在', 'originalAreaCode is not a known area');
      refs.throwIfAny();
      if ((await existingKeys(manager, Household, 'registry_no')([registryNo])).length) {
        throw conflict('input.registryNo', '该登记编号已存在', 'This registry number already exists');
      }
      await assertIdNumbersFree(manager, members.map((m, i) => ({ field: `input.members[${i}].idNumber`, idNumber: m!.idNumber })));

      const household = {
        id: randomUUID(),
        registryNo,
        stationId: input.stationId,
        originalAreaCode,
        areaCode,
        countyCode: area!.countyCode!,
        relocationMode: input.relocationMode,
        housingMode: input.housingMode,
        status: input.relocatedOn ? HouseholdStatus.RELOCATED : HouseholdStatus.REGISTERED,
        registeredOn: input.registeredOn,
        relocatedOn: input.relocatedOn ?? null,
        ...supportPeriod(input.relocatedOn ?? null),
      };
      const persons = members.map((m) => personRow(m!, household));
      const headId = persons.find((p) => p.relation === Relation.HEAD)!.id!;
      await manager.insert(Household, { ...household, headId });
      await manager.insert(Person, persons);
      await recordHouseholdEvents(manager, RegistryEventType.HOUSEHOLD_REGISTERED, [household.id], { withMembers: true });
      return manager.findOneByOrFail(Household, { id: household.id });
    },
    () => conflict('input', '登记编号或身份证号已被登记', 'The registry number or an ID number is already registered'),
  );
}

export async function updatePerson(ctx: HouseholdsContext, input: UpdatePersonInput): Promise<Person> {
  requireId(input.id, 'input.id');
  const problems = new Problems();
  if (input.name !== undefined && input.name !== null) checkName(problems, 'input.name', input.name, '姓名', 32);
  if (input.ethnicity) checkEthnicity(problems, 'input.ethnicity', input.ethnicity);
  checkPhone(problems, 'input.phone', input.phone);
  if (input.relation === Relation.HEAD) problems.add('input.relation', '变更户主请使用减员（指定新户主）', 'change the head by removing the old head with newHeadId');
  const id = input.idNumber ? checkIdNumber(problems, 'input.idNumber', input.idNumber) : undefined;
  problems.throwIfAny();

  return inRegistryTransaction(
    ctx,
    async (manager) => {
      const person = await loadForChange(manager, ctx, scopedPersons(manager.connection, ctx.scope), { id: input.id, field: 'input.id', what: PERSON });
      const later = new Problems();
      if (person.status !== PersonStatus.ACTIVE) later.add('input.id', '该人员已减员，不能修改', 'This person has been removed and cannot be changed');
      if (input.relation && person.relation === Relation.HEAD) later.add('input.relation', '户主的关系不能直接修改', 'The head’s relation cannot be changed directly');
      const birthDate = id?.birthDate ?? person.birthDate;
      checkFlagsAgainstAge(later, 'input', {
        leftBehindChild: input.leftBehindChild ?? person.leftBehindChild,
        leftBehindElderly: input.leftBehindElderly ?? person.leftBehindElderly,
      }, ageOn(birthDate, today()));
      later.throwIfAny();
      if (id) await assertIdNumbersFree(manager, [{ field: 'input.idNumber', idNumber: id.normalized }], person.id);
      const changes: Partial<Person> = {};
      if (input.name) changes.name = input.name.trim();
      if (id) Object.assign(changes, { idNumber: id.normalized, sex: id.sex, birthDate: id.birthDate });
      if (input.ethnicity) changes.ethnicity = input.ethnicity.trim();
      if (input.relation) changes.relation = input.relation;
      if (input.phone !== undefined && input.phone !== null) changes.phone = input.phone.trim() || null;
      if (input.productionMode) changes.productionMode = input.productionMode;
      for (const flag of ['leftBehindElderly', 'leftBehindChild', 'disabled', 'minimumLivingAllowance'] as const) {
        if (typeof input[flag] === 'boolean') changes[flag] = input[flag]!;
      }
      if (Object.keys(changes).length) await manager.update(Person, { id: person.id }, changes);
      if (id && id.normalized !== person.idNumber) await recordPersonEvents(manager, RegistryEventType.ID_NUMBER_CORRECTED, [person.id]);
      // support keeps the name and production mode (its lists, the annual compensation): a change of either travels
      if ((changes.name !== undefined && changes.name !== person.name) || (changes.productionMode !== undefined && changes.productionMode !== person.productionMode)) {
        await recordPersonEvents(manager, RegistryEventType.PERSON_UPDATED, [person.id]);
      }
      return manager.findOneByOrFail(Person, { id: person.id });
    },
    () => conflict('input.idNumber', '该身份证号已被登记', 'This ID number is already registered'),
  );
}

export async function addMember(ctx: HouseholdsContext, input: AddMemberInput): Promise<Person> {
  requireId(input.householdId, 'input.householdId');
  const problems = new Problems();
  if (input.member.relation === Relation.HEAD) problems.add('input.member.relation', '户主已存在，新成员不能为户主', 'The household already has a head');
  const member = checkMember(problems, 'input.member', input.member, today());
  problems.throwIfAny();
  return inRegistryTransaction(
    ctx,
    async (manager) => {
      const household = await loadForChange(manager, ctx, scopedHouseholds(manager.connection, ctx.scope), { id: input.householdId, field: 'input.householdId', what: HOUSEHOLD });
      if (household.status === HouseholdStatus.CANCELLED) {
        const p = new Problems();
        p.add('input.householdId', '该移民户已注销', 'This household registration is cancelled');
        p.throwIfAny();
      }
      await assertIdNumbersFree(manager, [{ field: 'input.member.idNumber', idNumber: member!.idNumber }]);
      const row = personRow(member!, household);
      await manager.insert(Person, row);
      await recordPersonEvents(manager, RegistryEventType.MEMBER_ADDED, [row.id!]);
      return manager.findOneByOrFail(Person, { id: row.id! });
    },
    () => conflict('input.member.idNumber', '该身份证号已被登记', 'This ID number is already registered'),
  );
}

export async function removeMember(ctx: HouseholdsContext, input: RemoveMemberInput): Promise<Person> {
  requireId(input.personId, 'input.personId');
  if (input.newHeadId) requireId(input.newHeadId, 'input.newHeadId');
  const problems = new Problems();
  checkText(problems, 'input.note', input.note, '说明', 200, false);
  checkDate(problems, 'input.removedOn', input.removedOn, '减员日期');
  problems.throwIfAny();
  return inRegistryTransaction(ctx, async (manager) => {
    const person = await loadForChange(manager, ctx, scopedPersons(manager.connection, ctx.scope), { id: input.personId, field: 'input.personId', what: PERSON });
    const later = new Problems();
    if (person.status !== PersonStatus.ACTIVE) later.add('input.personId', '该人员已减员', 'This person has already been removed');
    let newHead: Person | undefined;
    if (person.relation === Relation.HEAD) {
      if (!input.newHeadId) later.add('input.newHeadId', '移除户主时须指定新户主', 'newHeadId is required when the head is removed');
      else {
        newHead = (await manager.findOneBy(Person, { id: input.newHeadId, householdId: person.householdId, status: PersonStatus.ACTIVE })) ?? undefined;
        if (!newHead || newHead.id === person.id) later.add('input.newHeadId', '新户主须为本户其他在册成员', 'newHeadId must be another active member of the household');
      }
    } else if (input.newHeadId) {
      later.add('input.newHeadId', '只有移除户主时才能指定新户主', 'newHeadId applies only when the head is removed');
    }
    later.throwIfAny();
    await manager.update(Person, { id: person.id }, {
      status: PersonStatus.REMOVED,
      removalReason: input.reason,
      removalNote: input.note?.trim() || null,
      removedOn: input.removedOn ?? today(),
    });
    await recordPersonEvents(manager, RegistryEventType.MEMBER_REMOVED, [person.id], { reason: input.reason, on: input.removedOn ?? today() });
    if (newHead) {
      await manager.update(Person, { id: newHead.id }, { relation: Relation.HEAD });
      await manager.update(Household, { id: person.householdId }, { headId: newHead.id });
    }
    return manager.findOneByOrFail(Person, { id: person.id });
  });
}
