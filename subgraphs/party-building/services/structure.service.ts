import { randomUUID } from 'node:crypto';
import { badInput, conflict, forbidden, Problems } from '../../../platform/graphql/errors';
import { existingKeys } from '../../../platform/graphql/loaders';
import { areaPrefix } from '../../../platform/security/scope';
import { inTransaction } from '../../../platform/db/transaction';
import { checkId, checkInt, checkName, checkText, normalizeAreaCode, today } from '../../../platform/graphql/validation';
import { Grid } from '../entities/grid.entity';
import { GridUnit } from '../entities/grid-unit.entity';
import { HouseholdUnit } from '../entities/household-unit.entity';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import type { AssignHouseholdsInput, CreateGridInput, CreateGridUnitInput, CreatePartyOrganisationInput } from '../inputs/mutations.input';
import { PARENT_LEVEL, PartyOrganisationLevel } from '../party-building.enums';
import type { PartyBuildingContext } from '../party-building.context';
import { IN_UNIT_OUTSIDE } from './engagement.rules';
import { loadForChange } from '../../../platform/db/load-for-change';
import { countyOf } from '../../../platform/domain/area-code';
import { requireHouseholds, requirePerson } from '../../../platform/events/registry-lookup';

/** Area code lengths each level of organisation works at. */
const LEVEL_AREAS: Record<PartyOrganisationLevel, { lengths: number[]; zh: string; en: string }> = {
  LEADING_GROUP: { lengths: [6], zh: '党组所在区划须为县级代码（6 位）', en: 'a leading group works at a county (6-digit code)' },
  BRANCH: { lengths: [9, 12], zh: '党支部所在区划须为乡镇或社区代码（9 或 12 位）', en: 'a branch works at a township or community (9 or 12 digits)' },
  SMALL_GROUP: { lengths: [12, 15], zh: '党小组所在区划须为社区或居民小组代码（12 或 15 位）', en: 'a small group works at a community or resident group (12 or 15 digits)' },
  RED_GRID: { lengths: [12, 15], zh: '红网格所在区划须为社区或居民小组代码（12 或 15 位）', en: 'a red grid works at a community or resident group (12 or 15 digits)' },
};

export async function createOrganisation(ctx: PartyBuildingContext, input: CreatePartyOrganisationInput): Promise<PartyOrganisation> {
  const problems = new Problems();
  checkName(problems, 'input.name', input.name, '名称', 64);
  const areaCode = normalizeAreaCode(input.areaCode);
  const rule = LEVEL_AREAS[input.level];
  if (!/^\d+$/.test(areaCode) || !rule.lengths.includes(areaCode.length) || (areaCode.length === 6 && areaCode.endsWith('00'))) {
    problems.add('input.areaCode', rule.zh, rule.en);
  }
  const parentLevel = PARENT_LEVEL[input.level];
  if (parentLevel) checkId(problems, 'input.parentId', input.parentId);
  else if (input.parentId) problems.add('input.parentId', '党组是最高层级，不能有上级党组织', 'a leading group has no parent');
  problems.throwIfAny();
  if (!ctx.scope.covers(areaCode)) throw forbidden('所在区划超出您的管辖范围', 'areaCode is outside your jurisdiction');

  return inTransaction(ctx, async (manager) => {
    if (parentLevel) {
      const parent = await manager.findOneBy(PartyOrganisation, { id: input.parentId! });
      const refs = new Problems();
      if (!parent) refs.add('input.parentId', '上级党组织不存在', 'parentId is not a known organisation');
      else if (parent.level !== parentLevel) refs.add('input.parentId', '上级党组织须高一个层级', `the parent of a ${input.level} must be a ${parentLevel}`);
      else if (!areaCode.startsWith(areaPrefix(parent.areaCode))) refs.add('input.areaCode', '所在区划须在上级党组织的区划之内', 'areaCode must lie inside the parent’s area');
      refs.throwIfAny();
    }
    const row = { id: randomUUID(), name: input.name.trim(), level: input.level, parentId: input.parentId?.toLowerCase() ?? null, areaCode, countyCode: countyOf(areaCode) };
    await manager.insert(PartyOrganisation, row);
    return manager.findOneByOrFail(PartyOrganisation, { id: row.id });
  });
}

export async function createGrid(ctx: PartyBuildingContext, input: CreateGridInput): Promise<Grid> {
  const problems = new Problems();
  checkName(problems, 'input.name', input.name, '名称', 64);
  const areaCode = normalizeAreaCode(input.areaCode);
  if (!/^\d{12}$/.test(areaCode)) problems.add('input.areaCode', '网格所在区划须为社区代码（12 位）', 'areaCode must be a 12-digit community code');
  checkInt(problems, 'input.number', input.number, 1, 999, '网格序号');
  checkId(problems, 'input.organisationId', input.organisationId, false);
  problems.throwIfAny();
  if (!ctx.scope.covers(areaCode)) throw forbidden('所在区划超出您的管辖范围', 'areaCode is outside your jurisdiction');

  return inTransaction(
    ctx,
    async (manager) => {
      if (input.organisationId) {
        const org = await loadForChange(manager, ctx, PartyOrganisation, { id: input.organisationId, field: 'input.organisationId', what: ['党组织', 'Organisation'], lock: false });
        if (org.level !== PartyOrganisationLevel.RED_GRID || !org.areaCode.startsWith(areaCode)) {
          throw badInput([{ field: 'input.organisationId', zh: '须为本社区的红网格党组织', en: 'organisationId must be a red grid of this community' }]);
        }
      }
      if (await manager.existsBy(Grid, { areaCode, number: input.number })) {
        throw conflict('input.number', '该社区已有此序号的网格', 'This community already has a grid with this number');
      }
      const row = { id: randomUUID(), name: input.name.trim(), number: input.number, organisationId: input.organisationId?.toLowerCase() ?? null, areaCode, countyCode: countyOf(areaCode) };
      await manager.insert(Grid, row);
      return manager.findOneByOrFail(Grid, { id: row.id });
    },
    () => conflict('input.number', '该社区已有此序号的网格', 'This community already has a grid with this number'),
  );
}

export async function createGridUnit(ctx: PartyBuildingContext, input: CreateGridUnitInput): Promise<GridUnit> {
  const problems = new Problems();
  checkId(problems, 'input.gridId', input.gridId);
  checkName(problems, 'input.name', input.name, '名称', 64);
  checkInt(problems, 'input.number', input.number, 1, 999, '单元序号');
  checkId(problems, 'input.managerPersonId', input.managerPersonId, false);
  problems.throwIfAny();
  const clash = () => conflict('input.number', '该网格已有此序号的单元', 'This grid already has a unit with this number');

  return inTransaction(ctx, async (manager) => {
    const grid = await loadForChange(manager, ctx, Grid, { id: input.gridId, field: 'input.gridId', what: ['网格', 'Grid'], lock: false });
    if (input.managerPersonId) {
      // the manager is a resident of the grid's community, as the registry has them
      const person = await requirePerson(manager, ctx.scope, input.managerPersonId, 'input.managerPersonId');
      if (!person.areaCode.startsWith(grid.areaCode)) {
        throw badInput([{ field: 'input.managerPersonId', zh: `单元长须居住在网格所在社区（${grid.areaCode}）；移民登记中此人居住在 ${person.areaCode}`, en: `The manager must live in the grid’s community ${grid.areaCode}; the registry has them in ${person.areaCode}` }]);
      }
    }
    if (await manager.existsBy(GridUnit, { gridId: grid.id, number: input.number })) throw clash();
    const row = {
      id: randomUUID(), gridId: grid.id, name: input.name.trim(), number: input.number,
      managerPersonId: input.managerPersonId?.toLowerCase() ?? null, areaCode: grid.areaCode, countyCode: grid.countyCode,
    };
    await manager.insert(GridUnit, row);
    return manager.findOneByOrFail(GridUnit, { id: row.id });
  }, clash);
}

export async function assignHouseholds(ctx: PartyBuildingContext, input: AssignHouseholdsInput): Promise<GridUnit> {
  const problems = new Problems();
  checkId(problems, 'input.unitId', input.unitId);
  if (input.householdIds.length < 1 || input.householdIds.length > 50) problems.add('input.householdIds', '每次须划入 1 至 50 户', 'householdIds must list 1 to 50 households');
  input.householdIds.forEach((id, i) => checkId(problems, `input.householdIds[${i}]`, id));
  const ids = input.householdIds.map((id) => id.toLowerCase());
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.add(`input.householdIds[${i}]`, '移民户重复', `input.householdIds[${i}] is listed twice`);
  });
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const unit = await loadForChange(manager, ctx, GridUnit, { id: input.unitId, field: 'input.unitId', what: ['网格单元', 'Grid unit'], lock: false });
    // each household's area and county as the registry has them (unknown, cancelled or another county's: refused)
    const facts = await requireHouseholds(manager, ctx.scope, ids, (i) => `input.householdIds[${i}]`);
    const outside = new Problems();
    facts.forEach((h, i) => {
      if (!h.areaCode.startsWith(unit.areaCode)) {
        outside.add(`input.householdIds[${i}]`, `该户不在网格所在社区（${unit.areaCode}）；移民登记中该户居住在 ${h.areaCode}`, `The household does not live in the unit’s community ${unit.areaCode}; the registry has it in ${h.areaCode}`);
      }
    });
    outside.throwIfAny();
    const current = await manager.getRepository(HouseholdUnit).createQueryBuilder('x').where('x.household_id = ANY(:ids)', { ids }).getMany();
    // a household already in a unit outside the caller's jurisdiction is not theirs to move
    const hidden = ids.filter((id) => !current.some((h) => h.householdId === id));
    const elsewhere = hidden.length ? await existingKeys(manager, HouseholdUnit, 'household_id', true)(hidden) : [];
    if (elsewhere.length || current.some((h) => !ctx.scope.covers(h.areaCode))) {
      throw forbidden(...IN_UNIT_OUTSIDE);
    }
    const at = today();
    await manager
      .createQueryBuilder()
      .insert()
      .into(HouseholdUnit)
      .values(facts.map((h) => ({ householdId: h.id, unitId: unit.id, gridId: unit.gridId, assignedOn: at, areaCode: h.areaCode, countyCode: h.countyCode })))
      .orUpdate(['unit_id', 'grid_id', 'assigned_on', 'area_code', 'county_code'], ['household_id'])
      .execute();
    return unit;
  });
}
