import { randomUUID } from 'node:crypto';
import { badInput, conflict, Problems } from '../../../platform/graphql/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { checkId, checkText, today } from '../../../platform/graphql/validation';
import { Cadre } from '../entities/cadre.entity';
import { CaseTransition } from '../entities/case-transition.entity';
import { GovernanceCase } from '../entities/governance-case.entity';
import { Grid } from '../entities/grid.entity';
import type { MoveCaseInput, OpenCaseInput } from '../inputs/mutations.input';
import { CASE_TRANSITIONS, DEFAULT_DEADLINE_DAYS, GovernanceCaseStatus } from '../party-building.enums';
import type { PartyBuildingContext } from '../party-building.context';
import { addDays, checkAnyDate, unitOfHousehold } from './party-building.validation';
import { loadForChange } from '../../../platform/db/load-for-change';
import { requireHousehold } from '../../../platform/events/registry-lookup';

const TERMINAL = [GovernanceCaseStatus.RESOLVED, GovernanceCaseStatus.ESCALATED];

export async function openCase(ctx: PartyBuildingContext, input: OpenCaseInput): Promise<GovernanceCase> {
  const opened = today();
  const problems = new Problems();
  checkText(problems, 'input.title', input.title, '事项摘要', 100);
  checkText(problems, 'input.description', input.description, '详细情况', 1000, false);
  checkId(problems, 'input.householdId', input.householdId, false);
  checkId(problems, 'input.gridId', input.gridId, false);
  if (!input.householdId && !input.gridId) problems.add('input.householdId', '须指明涉及的移民户或网格', 'Give the householdId or the gridId');
  checkId(problems, 'input.firstResponsibleId', input.firstResponsibleId);
  checkAnyDate(problems, 'input.deadline', input.deadline, '办结时限');
  if (input.deadline && input.deadline < opened) problems.add('input.deadline', '办结时限不能早于今天', 'deadline cannot be in the past');
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    let areaCode: string;
    let countyCode: string;
    let gridId: string;
    if (input.householdId) {
      // the area and county are the registry's; the grid is the unit's the household is in
      const registry = await requireHousehold(manager, ctx.scope, input.householdId, 'input.householdId');
      const household = await unitOfHousehold(manager, ctx, registry.id, 'input.householdId');
      if (input.gridId && input.gridId.toLowerCase() !== household.gridId) {
        throw badInput([{ field: 'input.gridId', zh: '该户不在此网格', en: 'The household is not in this grid' }]);
      }
      ({ areaCode, countyCode } = registry);
      gridId = household.gridId;
    } else {
      const grid = await loadForChange(manager, ctx, Grid, { id: input.gridId!.toLowerCase(), field: 'input.gridId', what: ['网格', 'Grid'], lock: false });
      ({ areaCode, countyCode } = grid);
      gridId = grid.id;
    }
    const responsible = await loadForChange(manager, ctx, Cadre, { id: input.firstResponsibleId.toLowerCase(), field: 'input.firstResponsibleId', what: ['干部', 'Cadre'], lock: false });
    if (responsible.countyCode !== countyCode) {
      throw badInput([{ field: 'input.firstResponsibleId', zh: '首问责任人须在本县（区、市）', en: 'The first responsible person must serve in the same county' }]);
    }
    const id = randomUUID();
    const row = {
      id, caseNo: `${countyCode}-${opened.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`, category: input.category, title: input.title.trim(),
      description: input.description?.trim() || null, householdId: input.householdId?.toLowerCase() ?? null, gridId,
      firstResponsibleId: responsible.id, assigneeId: null, status: GovernanceCaseStatus.OPEN, openedOn: opened,
      deadline: input.deadline ?? addDays(opened, DEFAULT_DEADLINE_DAYS[input.category]), closedOn: null, outcome: null, areaCode, countyCode,
    };
    await manager.insert(GovernanceCase, row);
    await manager.insert(CaseTransition, {
      id: randomUUID(), caseId: id, fromStatus: null, toStatus: GovernanceCaseStatus.OPEN, actor: ctx.identity.subject, at: new Date(), note: null, areaCode, countyCode,
    });
    return manager.findOneByOrFail(GovernanceCase, { id });
  });
}

export async function moveCase(ctx: PartyBuildingContext, input: MoveCaseInput): Promise<GovernanceCase> {
  const problems = new Problems();
  checkId(problems, 'input.caseId', input.caseId);
  if (input.to === GovernanceCaseStatus.OPEN) problems.add('input.to', '事项不能退回“已受理”', 'A case cannot move back to OPEN');
  if (input.to === GovernanceCaseStatus.ASSIGNED) checkId(problems, 'input.assigneeId', input.assigneeId);
  else if (input.assigneeId) problems.add('input.assigneeId', '只有交办时才能指定承办人', 'assigneeId is only given to assign');
  checkText(problems, 'input.note', input.note, '办理结果', 1000, TERMINAL.includes(input.to));
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const current = await loadForChange(manager, ctx, GovernanceCase, { id: input.caseId.toLowerCase(), field: 'input.caseId', what: ['事项', 'Case'] });
    if (!CASE_TRANSITIONS[current.status].includes(input.to)) {
      throw conflict('input.to', `事项当前为“${current.status}”，不能转为“${input.to}”`, `A case in ${current.status} cannot move to ${input.to}`);
    }
    let assigneeId = current.assigneeId;
    if (input.to === GovernanceCaseStatus.ASSIGNED) {
      const assignee = await loadForChange(manager, ctx, Cadre, { id: input.assigneeId!.toLowerCase(), field: 'input.assigneeId', what: ['干部', 'Cadre'], lock: false });
      if (assignee.countyCode !== current.countyCode) {
        throw badInput([{ field: 'input.assigneeId', zh: '承办人须在本县（区、市）', en: 'The handler must serve in the same county' }]);
      }
      assigneeId = assignee.id;
    }
    const closing = TERMINAL.includes(input.to);
    const note = input.note?.trim() || null;
    const result = await manager
      .createQueryBuilder()
      .update(GovernanceCase)
      .set({ status: input.to, assigneeId, ...(closing ? { closedOn: today(), outcome: note } : {}) })
      .where('id = :id AND status = :from', { id: current.id, from: current.status })
      .execute();
    if (result.affected !== 1) throw conflict('input.to', '事项状态已被他人更改，请刷新后重试', 'The case was changed meanwhile; reload and retry');
    await manager.insert(CaseTransition, {
      id: randomUUID(), caseId: current.id, fromStatus: current.status, toStatus: input.to, actor: ctx.identity.subject, at: new Date(), note,
      areaCode: current.areaCode, countyCode: current.countyCode,
    });
    return manager.findOneByOrFail(GovernanceCase, { id: current.id });
  });
}
