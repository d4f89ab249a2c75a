import { randomUUID } from 'node:crypto';
import { badInput, conflict, Problems } from '../../../platform/graphql/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { checkDate, checkId, checkInt, checkText, today } from '../../../platform/graphql/validation';
import { Cadre } from '../entities/cadre.entity';
import { CadrePairing } from '../entities/cadre-pairing.entity';
import { CadreVisit } from '../entities/cadre-visit.entity';
import { PartyActivity } from '../entities/party-activity.entity';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import type { PairCadreInput, RecordActivityInput, RecordVisitInput } from '../inputs/mutations.input';
import { ACTIVITY_LEVEL } from '../party-building.enums';
import type { PartyBuildingContext } from '../party-building.context';
import { checkAnyDate, unitOfHousehold } from './party-building.validation';
import { ALREADY_PAIRED, CADRE_OTHER_COUNTY } from './engagement.rules';
import { loadForChange } from '../../../platform/db/load-for-change';
import { requireHousehold } from '../../../platform/events/registry-lookup';


export async function pairCadre(ctx: PartyBuildingContext, input: PairCadreInput): Promise<CadrePairing> {
  const problems = new Problems();
  checkId(problems, 'input.cadreId', input.cadreId);
  checkId(problems, 'input.householdId', input.householdId);
  checkDate(problems, 'input.startedOn', input.startedOn, '结对日期');
  problems.throwIfAny();
  const clash = () => conflict('input.householdId', ...ALREADY_PAIRED);

  return inTransaction(ctx, async (manager) => {
    const cadre = await loadForChange(manager, ctx, Cadre, { id: input.cadreId.toLowerCase(), field: 'input.cadreId', what: ['干部', 'Cadre'], lock: false });
    const registry = await requireHousehold(manager, ctx.scope, input.householdId, 'input.householdId');
    const household = await unitOfHousehold(manager, ctx, registry.id, 'input.householdId');
    if (cadre.countyCode !== registry.countyCode) {
      throw badInput([{ field: 'input.cadreId', zh: CADRE_OTHER_COUNTY[0], en: CADRE_OTHER_COUNTY[1] }]);
    }
    const active = await manager.getRepository(CadrePairing).createQueryBuilder('x')
      .where('x.cadre_id = :c AND x.household_id = :h AND x.ended_on IS NULL', { c: cadre.id, h: household.householdId }).getExists();
    if (active) throw clash();
    const row = {
      id: randomUUID(), cadreId: cadre.id, householdId: household.householdId, startedOn: input.startedOn ?? today(), endedOn: null,
      areaCode: registry.areaCode, countyCode: registry.countyCode,
    };
    await manager.insert(CadrePairing, row);
    return manager.findOneByOrFail(CadrePairing, { id: row.id });
  }, clash);
}

export async function recordVisit(ctx: PartyBuildingContext, input: RecordVisitInput): Promise<CadreVisit> {
  const problems = new Problems();
  checkId(problems, 'input.cadreId', input.cadreId);
  checkId(problems, 'input.householdId', input.householdId);
  checkText(problems, 'input.visitedOn', input.visitedOn, '走访日期', 10);
  checkDate(problems, 'input.visitedOn', input.visitedOn, '走访日期');
  checkText(problems, 'input.notes', input.notes, '走访情况', 500);
  checkText(problems, 'input.followUp', input.followUp, '跟进事项', 500, false);
  checkAnyDate(problems, 'input.followUpDue', input.followUpDue, '跟进期限');
  if (input.followUpDue && !input.followUp?.trim()) problems.add('input.followUpDue', '有跟进事项才能填写跟进期限', 'followUpDue needs a followUp');
  if (input.followUpDue && input.visitedOn && input.followUpDue < input.visitedOn) problems.add('input.followUpDue', '跟进期限不能早于走访日期', 'followUpDue cannot be before visitedOn');
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const cadre = await loadForChange(manager, ctx, Cadre, { id: input.cadreId.toLowerCase(), field: 'input.cadreId', what: ['干部', 'Cadre'], lock: false });
    const registry = await requireHousehold(manager, ctx.scope, input.householdId, 'input.householdId');
    const household = await unitOfHousehold(manager, ctx, registry.id, 'input.householdId');
    const paired = await manager.getRepository(CadrePairing).createQueryBuilder('x')
      .where('x.cadre_id = :c AND x.household_id = :h AND x.ended_on IS NULL', { c: cadre.id, h: household.householdId }).getExists();
    if (!paired) throw badInput([{ field: 'input.cadreId', zh: '该干部未与该户结对，不能登记走访', en: 'The cadre is not paired with this household' }]);
    const row = {
      id: randomUUID(), cadreId: cadre.id, householdId: household.householdId, visitedOn: input.visitedOn, notes: input.notes.trim(),
      followUp: input.followUp?.trim() || null, followUpDue: input.followUpDue ?? null, areaCode: registry.areaCode, countyCode: registry.countyCode,
    };
    await manager.insert(CadreVisit, row);
    return manager.findOneByOrFail(CadreVisit, { id: row.id });
  });
}

export async function recordActivity(ctx: PartyBuildingContext, input: RecordActivityInput): Promise<PartyActivity> {
  const problems = new Problems();
  checkId(problems, 'input.organisationId', input.organisationId);
  checkText(problems, 'input.heldOn', input.heldOn, '活动日期', 10);
  checkDate(problems, 'input.heldOn', input.heldOn, '活动日期');
  checkText(problems, 'input.topic', input.topic, '主题', 200);
  checkInt(problems, 'input.attendees', input.attendees, 1, 5000, '参加人数');
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const org = await loadForChange(manager, ctx, PartyOrganisation, { id: input.organisationId.toLowerCase(), field: 'input.organisationId', what: ['党组织', 'Organisation'], lock: false });
    const level = ACTIVITY_LEVEL[input.type];
    if (level && level !== org.level) {
      throw badInput([{ field: 'input.type', zh: '该类活动须由相应层级的党组织召开（支部大会、支委会由党支部，党小组会由党小组）', en: `${input.type} is held by a ${level}, not a ${org.level}` }]);
    }
    const row = {
      id: randomUUID(), organisationId: org.id, type: input.type, heldOn: input.heldOn, topic: input.topic.trim(), attendees: input.attendees,
      areaCode: org.areaCode, countyCode: org.countyCode,
    };
    await manager.insert(PartyActivity, row);
    return manager.findOneByOrFail(PartyActivity, { id: row.id });
  });
}
