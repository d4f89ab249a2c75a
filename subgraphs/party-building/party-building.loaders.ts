import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { BaseContext } from '../../platform/graphql/context';
import { forbidden } from '../../platform/graphql/errors';
import { existingKeys, forbiddenIfExists, groupLoader, rowLoader } from '../../platform/graphql/loaders';
import { areaPrefix, prefixCondition, type Scope } from '../../platform/security/scope';
import { isUuid } from '../../platform/graphql/validation';
import { Cadre } from './entities/cadre.entity';
import { CadrePairing } from './entities/cadre-pairing.entity';
import { CadreVisit } from './entities/cadre-visit.entity';
import { CaseTransition } from './entities/case-transition.entity';
import { GovernanceCase } from './entities/governance-case.entity';
import { Grid } from './entities/grid.entity';
import { GridUnit } from './entities/grid-unit.entity';
import { HouseholdUnit } from './entities/household-unit.entity';
import { PartyOrganisation } from './entities/party-organisation.entity';
import { createStatsLoaders } from './services/governance-stats-query.service';

/** A query over one of this subgraph's tables, narrowed to the caller's jurisdiction. */
export function scoped<T extends ObjectLiteral>(dataSource: DataSource, scope: Scope, entity: EntityTarget<T>, alias: string) {
  return scope.apply(dataSource.getRepository(entity).createQueryBuilder(alias), `${alias}.area_code`);
}

/** A scoped row per id, FORBIDDEN for ids that exist outside the jurisdiction, null for unknown ids. */
function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, scope: Scope, entity: EntityTarget<T>) {
  return rowLoader<string, T>(
    (ids) => scoped(dataSource, scope, entity, 'x').andWhere('x.id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
    (row) => row.id,
    forbiddenIfExists(existingKeys(dataSource, entity, 'id', true), () => forbidden()),
  );
}

/** Scoped rows per foreign key (children, members …), one statement per batch. */
function byColumn<T extends ObjectLiteral>(
  dataSource: DataSource, scope: Scope, entity: EntityTarget<T>, column: string, keyOf: (row: T) => string | null, order: Record<string, 'ASC' | 'DESC'>, extra?: string,
) {
  return groupLoader<string, T>((keys) => {
    const qb = scoped(dataSource, scope, entity, 'x').andWhere(`x.${column} = ANY(:keys)`, { keys: keys.filter(isUuid) });
    if (extra) qb.andWhere(extra);
    return qb.orderBy(order).getMany();
  }, (row) => keyOf(row) ?? '');
}

/**
 * Scoped rows at or below each of a batch of areas, in one statement: the areas' prefixes are
 * OR-ed into one range condition, then the rows are handed to every area they lie in.
 */
function belowArea<T extends ObjectLiteral & { areaCode: string }>(dataSource: DataSource, scope: Scope, entity: EntityTarget<T>, order: Record<string, 'ASC' | 'DESC'>) {
  return new DataLoader<string, T[]>(async (codes) => {
    const prefixes = codes.map(areaPrefix);
    const { clause, params } = prefixCondition('x.area_code', [...new Set(prefixes)], 'below');
    const rows = await scoped(dataSource, scope, entity, 'x').andWhere(clause, params).orderBy(order).getMany();
    return prefixes.map((p) => rows.filter((r) => r.areaCode.startsWith(p)));
  });
}

/** Per-request loaders: every lookup, list field and aggregate batches through these. */
export function createPartyBuildingLoaders({ dataSource, scope }: BaseContext) {
  return {
    organisation: byId(dataSource, scope, PartyOrganisation),
    organisationChildren: byColumn(dataSource, scope, PartyOrganisation, 'parent_id', (o) => o.parentId, { 'x.name': 'ASC' }),
    organisationGrid: byColumn(dataSource, scope, Grid, 'organisation_id', (g) => g.organisationId, { 'x.number': 'ASC' }),
    grid: byId(dataSource, scope, Grid),
    gridUnits: byColumn(dataSource, scope, GridUnit, 'grid_id', (u) => u.gridId, { 'x.number': 'ASC' }),
    gridCadres: byColumn(dataSource, scope, Cadre, 'grid_id', (c) => c.gridId, { 'x.name': 'ASC' }),
    gridHouseholds: byColumn(dataSource, scope, HouseholdUnit, 'grid_id', (h) => h.gridId, { 'x.household_id': 'ASC' }),
    unit: byId(dataSource, scope, GridUnit),
    unitHouseholds: byColumn(dataSource, scope, HouseholdUnit, 'unit_id', (h) => h.unitId, { 'x.household_id': 'ASC' }),
    householdUnit: rowLoader<string, HouseholdUnit>(
      (ids) => scoped(dataSource, scope, HouseholdUnit, 'x').andWhere('x.household_id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
      (h) => h.householdId,
      forbiddenIfExists(existingKeys(dataSource, HouseholdUnit, 'household_id', true), () => forbidden()),
    ),
    cadre: byId(dataSource, scope, Cadre),
    householdPairings: byColumn(dataSource, scope, CadrePairing, 'household_id', (p) => p.householdId, { 'x.started_on': 'ASC' }, 'x.ended_on IS NULL'),
    cadrePairings: byColumn(dataSource, scope, CadrePairing, 'cadre_id', (p) => p.cadreId, { 'x.started_on': 'ASC' }, 'x.ended_on IS NULL'),
    householdVisits: byColumn(dataSource, scope, CadreVisit, 'household_id', (v) => v.householdId, { 'x.visited_on': 'DESC', 'x.id': 'ASC' }),
    case: byId(dataSource, scope, GovernanceCase),
    householdCases: byColumn(dataSource, scope, GovernanceCase, 'household_id', (c) => c.householdId, { 'x.opened_on': 'DESC', 'x.case_no': 'ASC' }),
    caseTransitions: byColumn(dataSource, scope, CaseTransition, 'case_id', (t) => t.caseId, { 'x.at': 'ASC', 'x.id': 'ASC' }),
    areaOrganisations: belowArea(dataSource, scope, PartyOrganisation, { 'x.area_code': 'ASC', 'x.level': 'ASC', 'x.name': 'ASC' }),
    areaGrids: belowArea(dataSource, scope, Grid, { 'x.area_code': 'ASC', 'x.number': 'ASC' }),
    ...createStatsLoaders(dataSource, scope),
  };
}

export type PartyBuildingLoaders = ReturnType<typeof createPartyBuildingLoaders>;
