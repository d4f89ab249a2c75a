import { badInput, forbidden, Problems } from '../../../platform/graphql/errors';
import { checkDate, checkText, normalizeAreaCode, requireId } from '../../../platform/graphql/validation';
import { RegistryEventType } from '../../../platform/events/registry-event';
import { AdminArea } from '../entities/admin-area.entity';
import { Household } from '../entities/household.entity';
import { Person } from '../entities/person.entity';
import { AreaLevel, HouseholdStatus } from '../households.enums';
import type { HouseholdsContext } from '../households.context';
import type { MoveHouseholdInput } from '../inputs/move.input';
import { loadForChange } from '../../../platform/db/load-for-change';
import { scopedHouseholds } from '../households.loaders';
import { inRegistryTransaction, recordHouseholdEvents } from './registry-events';

/**
 * Moves a household to another resident group: the household and its members take the new
 * area and county, and a HOUSEHOLD_MOVED event tells the other subgraphs, in one transaction.
 * The caller's jurisdiction must cover both the area it leaves and the one it moves to (a
 * move between counties is the prefecture's).
 */
export async function moveHousehold(ctx: HouseholdsContext, input: MoveHouseholdInput): Promise<Household> {
  const householdId = requireId(input.householdId, 'input.householdId');
  const problems = new Problems();
  // the same rules as registration: a 15-digit resident group, old codes mapped to today's
  const areaCode = normalizeAreaCode(input.areaCode);
  if (!/^\d{15}$/.test(areaCode)) problems.add('input.areaCode', '现居住地须为 15 位居民小组代码', 'areaCode must be a 15-digit resident-group code');
  if (!input.movedOn) problems.add('input.movedOn', '迁移日期不能为空', 'input.movedOn is required');
  checkDate(problems, 'input.movedOn', input.movedOn, '迁移日期');
  checkText(problems, 'input.note', input.note, '说明', 200, false);
  problems.throwIfAny();
  if (!ctx.scope.covers(areaCode)) throw forbidden('新现居住地超出您的管辖范围', 'areaCode is outside your jurisdiction');

  return inRegistryTransaction(ctx, async (manager) => {
    const household = await loadForChange(manager, ctx, scopedHouseholds(manager.connection, ctx.scope), { id: householdId, field: 'input.householdId', what: ['该移民户', 'Household'] });
    const later = new Problems();
    if (household.status === HouseholdStatus.CANCELLED) later.add('input.householdId', '该移民户已注销', 'This household registration is cancelled');
    if (household.areaCode === areaCode) later.add('input.areaCode', '新现居住地与当前现居住地相同', 'areaCode is the household’s current area');
    if (household.registeredOn > input.movedOn) later.add('input.movedOn', `迁移日期不能早于登记日期（${household.registeredOn}）`, `movedOn cannot be before the registration (${household.registeredOn})`);
    const area = await manager.findOneBy(AdminArea, { code: areaCode });
    if (!area || area.level !== AreaLevel.GROUP) later.add('input.areaCode', '新现居住地居民小组不存在', 'areaCode is not a known resident group');
    if (!later.empty) throw badInput([...later.all]);

    const moved = { areaCode, countyCode: area!.countyCode! };
    await manager.update(Household, { id: household.id }, moved);
    // members live where their household lives
    await manager.update(Person, { householdId: household.id }, moved);
    await recordHouseholdEvents(manager, RegistryEventType.HOUSEHOLD_MOVED, [household.id], {
      withMembers: false,
      detail: { fromAreaCode: household.areaCode, reason: input.reason, on: input.movedOn, note: input.note?.trim() || null },
    });
    return manager.findOneByOrFail(Household, { id: household.id });
  });
}
