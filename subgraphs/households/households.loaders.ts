import type { DataSource } from 'typeorm';
import type { BaseContext } from '../../platform/graphql/context';
import { forbidden } from '../../platform/graphql/errors';
import { existingKeys, forbiddenIfExists, groupLoader, rowLoader } from '../../platform/graphql/loaders';
import { isUuid } from '../../platform/graphql/validation';
import type { Scope } from '../../platform/security/scope';
import { AdminArea } from './entities/admin-area.entity';
import { Household } from './entities/household.entity';
import { Person } from './entities/person.entity';
import { PowerStation } from './entities/power-station.entity';
import { PersonStatus } from './households.enums';

/** Areas a caller may see: inside the jurisdiction, or above it (to navigate up to the prefecture). */
export function visibleAreas(dataSource: DataSource, scope: Scope, alias = 'a') {
  const { clause, params } = scope.condition(`${alias}.code`, 'area_scope');
  return dataSource
    .getRepository(AdminArea)
    .createQueryBuilder(alias)
    .where(`(${clause} OR ${alias}.code = ANY(:area_ancestors))`, { ...params, area_ancestors: scope.ancestorList() });
}

export function scopedHouseholds(dataSource: DataSource, scope: Scope, alias = 'h') {
  return scope.apply(dataSource.getRepository(Household).createQueryBuilder(alias), `${alias}.area_code`);
}

export function scopedPersons(dataSource: DataSource, scope: Scope, alias = 'p') {
  return scope.apply(dataSource.getRepository(Person).createQueryBuilder(alias), `${alias}.area_code`);
}

/** Per-request loaders: every lookup and list field batches through these (one statement per batch). */
export function createHouseholdLoaders({ dataSource, scope }: BaseContext) {
  return {
    area: rowLoader<string, AdminArea>(
      (codes) => visibleAreas(dataSource, scope).andWhere('a.code = ANY(:codes)', { codes }).getMany(),
      (a) => a.code,
      forbiddenIfExists(existingKeys(dataSource, AdminArea, 'code'), () => forbidden()),
    ),
    areaChildren: groupLoader<string, AdminArea>(
      (parents) => visibleAreas(dataSource, scope).andWhere('a.parent_code = ANY(:parents)', { parents }).orderBy('a.code').getMany(),
      (a) => a.parentCode!,
    ),
    station: rowLoader<string, PowerStation>(
      (ids) => dataSource.getRepository(PowerStation).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany(),
      (s) => s.id,
    ),
    household: rowLoader<string, Household>(
      (ids) => scopedHouseholds(dataSource, scope).andWhere('h.id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
      (h) => h.id,
      forbiddenIfExists(existingKeys(dataSource, Household, 'id', true), () => forbidden()),
    ),
    person: rowLoader<string, Person>(
      (ids) => scopedPersons(dataSource, scope).andWhere('p.id = ANY(:ids)', { ids: ids.filter(isUuid) }).getMany(),
      (p) => p.id,
      forbiddenIfExists(existingKeys(dataSource, Person, 'id', true), () => forbidden()),
    ),
    members: groupLoader<string, Person>(
      (ids) =>
        scopedPersons(dataSource, scope)
          .andWhere('p.household_id = ANY(:ids)', { ids: ids.filter(isUuid) })
          .andWhere('p.status = :active', { active: PersonStatus.ACTIVE })
          .orderBy('p.birth_date')
          .getMany(),
      (p) => p.householdId,
    ),
  };
}

export type HouseholdLoaders = ReturnType<typeof createHouseholdLoaders>;
