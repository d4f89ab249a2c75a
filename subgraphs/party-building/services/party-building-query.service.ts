import { Problems } from '../../../platform/graphql/errors';
import { paginate, type Page, type PageArgs } from '../../../platform/graphql/pagination';
import { applyAreaFilter } from '../../../platform/security/scope';
import { isIsoDate, isUuid, today } from '../../../platform/graphql/validation';
import { Cadre } from '../entities/cadre.entity';
import { GovernanceCase } from '../entities/governance-case.entity';
import { Grid } from '../entities/grid.entity';
import { PartyActivity } from '../entities/party-activity.entity';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import type { CadreFilter, GovernanceCaseFilter, GridFilter, PartyActivityFilter, PartyOrganisationFilter } from '../inputs/filters.input';
import { OPEN_STATUSES } from '../party-building.enums';
import type { PartyBuildingContext } from '../party-building.context';
import { scoped } from '../party-building.loaders';

/** Checks id and date arguments of a filter up front; BAD_USER_INPUT naming each bad one. */
export function checkFilter(prefix: string, ids: Record<string, string | null | undefined>, dates: Record<string, string | null | undefined> = {}): void {
  const problems = new Problems();
  for (const [name, value] of Object.entries(ids)) {
    if (value && !isUuid(value)) problems.add(`${prefix}.${name}`, '标识格式无效', `${prefix}.${name} is not a valid id`);
  }
  for (const [name, value] of Object.entries(dates)) {
    if (value && !isIsoDate(value)) problems.add(`${prefix}.${name}`, '日期须为有效日期（YYYY-MM-DD）', `${prefix}.${name} must be a valid date (YYYY-MM-DD)`);
  }
  problems.throwIfAny();
}

export function listOrganisations(ctx: PartyBuildingContext, filter: PartyOrganisationFilter | undefined, page: PageArgs): Promise<Page<PartyOrganisation>> {
  checkFilter('filter', { parentId: filter?.parentId });
  const qb = scoped(ctx.dataSource, ctx.scope, PartyOrganisation, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.level) qb.andWhere('x.level = :level', { level: filter.level });
  if (filter?.parentId) qb.andWhere('x.parent_id = :parent', { parent: filter.parentId });
  return paginate(qb, { column: 'x.id', key: (o) => o.id }, page);
}

export function listGrids(ctx: PartyBuildingContext, filter: GridFilter | undefined, page: PageArgs): Promise<Page<Grid>> {
  const qb = scoped(ctx.dataSource, ctx.scope, Grid, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  return paginate(qb, { column: 'x.id', key: (g) => g.id }, page);
}

export function listCadres(ctx: PartyBuildingContext, filter: CadreFilter | undefined, page: PageArgs): Promise<Page<Cadre>> {
  checkFilter('filter', { gridId: filter?.gridId });
  const qb = scoped(ctx.dataSource, ctx.scope, Cadre, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.gridId) qb.andWhere('x.grid_id = :grid', { grid: filter.gridId });
  if (filter?.servingInGrid != null) qb.andWhere(filter.servingInGrid ? 'x.grid_id IS NOT NULL' : 'x.grid_id IS NULL');
  if (filter?.partyMember != null) qb.andWhere('x.party_member = :member', { member: filter.partyMember });
  if (filter?.workUnit) qb.andWhere('x.work_unit = :workUnit', { workUnit: filter.workUnit.trim() });
  const search = filter?.search?.trim();
  if (search) qb.andWhere('x.name LIKE :name', { name: `${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  return paginate(qb, { column: 'x.id', key: (c) => c.id }, page);
}

export function listActivities(ctx: PartyBuildingContext, filter: PartyActivityFilter | undefined, page: PageArgs): Promise<Page<PartyActivity>> {
  checkFilter('filter', { organisationId: filter?.organisationId }, { from: filter?.from, to: filter?.to });
  const qb = scoped(ctx.dataSource, ctx.scope, PartyActivity, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.organisationId) qb.andWhere('x.organisation_id = :org', { org: filter.organisationId });
  if (filter?.type) qb.andWhere('x.type = :type', { type: filter.type });
  if (filter?.from) qb.andWhere('x.held_on >= :from', { from: filter.from });
  if (filter?.to) qb.andWhere('x.held_on <= :to', { to: filter.to });
  return paginate(qb, { column: 'x.id', key: (a) => a.id }, page);
}

export function listCases(ctx: PartyBuildingContext, filter: GovernanceCaseFilter | undefined, page: PageArgs): Promise<Page<GovernanceCase>> {
  checkFilter('filter', { householdId: filter?.householdId, gridId: filter?.gridId }, { openedFrom: filter?.openedFrom, openedTo: filter?.openedTo });
  const qb = scoped(ctx.dataSource, ctx.scope, GovernanceCase, 'x');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'x.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.category) qb.andWhere('x.category = :category', { category: filter.category });
  if (filter?.status) qb.andWhere('x.status = :status', { status: filter.status });
  if (filter?.overdue === true) qb.andWhere('x.status IN (:...open) AND x.deadline < :today', { open: OPEN_STATUSES, today: today() });
  if (filter?.overdue === false) qb.andWhere('NOT (x.status IN (:...open) AND x.deadline < :today)', { open: OPEN_STATUSES, today: today() });
  if (filter?.householdId) qb.andWhere('x.household_id = :household', { household: filter.householdId });
  if (filter?.gridId) qb.andWhere('x.grid_id = :grid', { grid: filter.gridId });
  if (filter?.openedFrom) qb.andWhere('x.opened_on >= :openedFrom', { openedFrom: filter.openedFrom });
  if (filter?.openedTo) qb.andWhere('x.opened_on <= :openedTo', { openedTo: filter.openedTo });
  return paginate(qb, { column: 'x.case_no', key: (c) => c.caseNo }, page);
}
