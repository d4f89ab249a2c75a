import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { BaseContext } from '../../platform/graphql/context';
import { forbidden } from '../../platform/graphql/errors';
import { existingKeys, forbiddenIfExists, groupLoader, rowLoader } from '../../platform/graphql/loaders';
import { areaPrefix, prefixCondition, type Scope } from '../../platform/security/scope';
import { isUuid } from '../../platform/graphql/validation';
import { Allocation } from './entities/allocation.entity';
import { Building } from './entities/building.entity';
import { BuildingUnit } from './entities/building-unit.entity';
import { Flat } from './entities/flat.entity';
import { HouseholdRef } from './entities/household-ref.entity';
import { LandParcel } from './entities/land-parcel.entity';
import { OriginalHouse } from './entities/original-house.entity';
import { ResettlementSite } from './entities/resettlement-site.entity';
import { householdTotals, inventories } from './services/inventory-query.service';

/** Rows of `entity` whose `area_code` lies inside the caller's jurisdiction. */
export function scoped<T extends ObjectLiteral>(dataSource: DataSource, scope: Scope, entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
  return scope.apply(dataSource.getRepository(entity).createQueryBuilder(alias), `${alias}.area_code`);
}

/** Allocations whose household or whose flat lies inside the caller's jurisdiction. */
export function scopedAllocations(dataSource: DataSource, scope: Scope, alias = 'a'): SelectQueryBuilder<Allocation> {
  const household = scope.condition(`${alias}.area_code`, 'alloc_household');
  const site = scope.condition(`${alias}.site_area_code`, 'alloc_site');
  return dataSource
    .getRepository(Allocation)
    .createQueryBuilder(alias)
    .where(`(${household.clause} OR ${site.clause})`, { ...household.params, ...site.params });
}

/** A loader of rows by id inside the jurisdiction: FORBIDDEN for ids that exist outside it, null for unknown ones. */
function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>, query: () => SelectQueryBuilder<T>, alias: string) {
  return rowLoader<string, T>(
    (ids) => query().andWhere(`${alias}.id = ANY(:ids)`, { ids: ids.filter(isUuid) }).getMany(),
    (row) => row.id,
    forbiddenIfExists(existingKeys(dataSource, entity, 'id', true), () => forbidden()),
  );
}

/** Per-request loaders: every lookup, list field and total batches through these (one statement per batch). */
export function createLandHousingLoaders({ dataSource, scope }: BaseContext) {
  const parcels = () => scoped(dataSource, scope, LandParcel, 'p');
  const houses = () => scoped(dataSource, scope, OriginalHouse, 'o');
  const sites = () => scoped(dataSource, scope, ResettlementSite, 's');
  const buildings = () => scoped(dataSource, scope, Building, 'b');
  const units = () => scoped(dataSource, scope, BuildingUnit, 'u');
  const flats = () => scoped(dataSource, scope, Flat, 'f');
  const allocations = () => scopedAllocations(dataSource, scope);
  const uuids = (ids: readonly string[]) => ids.filter(isUuid);
  return {
    /** A household this subgraph has records of: FORBIDDEN outside the jurisdiction, null when unknown. */
    householdRef: byId(dataSource, HouseholdRef, () => scoped(dataSource, scope, HouseholdRef, 'r'), 'r'),
    landParcel: byId(dataSource, LandParcel, parcels, 'p'),
    originalHouse: byId(dataSource, OriginalHouse, houses, 'o'),
    site: byId(dataSource, ResettlementSite, sites, 's'),
    building: byId(dataSource, Building, buildings, 'b'),
    unit: byId(dataSource, BuildingUnit, units, 'u'),
    flat: byId(dataSource, Flat, flats, 'f'),
    allocation: byId(dataSource, Allocation, allocations, 'a'),
    parcelsOfHousehold: groupLoader<string, LandParcel>(
      (ids) => parcels().andWhere('p.household_id = ANY(:ids)', { ids: uuids(ids) }).orderBy('p.land_use').addOrderBy('p.id').getMany(),
      (p) => p.householdId!,
    ),
    housesOfHousehold: groupLoader<string, OriginalHouse>(
      (ids) => houses().andWhere('o.household_id = ANY(:ids)', { ids: uuids(ids) }).orderBy('o.structure').addOrderBy('o.id').getMany(),
      (o) => o.householdId,
    ),
    allocationsOfHousehold: groupLoader<string, Allocation>(
      (ids) => allocations().andWhere('a.household_id = ANY(:ids)', { ids: uuids(ids) }).orderBy('a.allocated_on').addOrderBy('a.id').getMany(),
      (a) => a.householdId,
    ),
    householdTotals: rowLoader(
      (ids) => householdTotals(dataSource, scope, uuids(ids)),
      (t) => t.householdId,
    ),
    /** Sites at or below each area code. */
    sitesOfArea: new DataLoader<string, ResettlementSite[]>(async (codes) => {
      const prefixes = codes.map(areaPrefix);
      const { clause, params } = prefixCondition('s.area_code', [...new Set(prefixes)], 'site_area');
      const rows = await sites().andWhere(clause, params).orderBy('s.area_code').addOrderBy('s.name').getMany();
      return prefixes.map((prefix) => rows.filter((s) => s.areaCode.startsWith(prefix)));
    }),
    buildingsOfSite: groupLoader<string, Building>(
      (ids) => buildings().andWhere('b.site_id = ANY(:ids)', { ids: uuids(ids) }).orderBy('b.number').getMany(),
      (b) => b.siteId,
    ),
    unitsOfBuilding: groupLoader<string, BuildingUnit>(
      (ids) => units().andWhere('u.building_id = ANY(:ids)', { ids: uuids(ids) }).orderBy('u.number').getMany(),
      (u) => u.buildingId,
    ),
    flatsOfUnit: groupLoader<string, Flat>(
      (ids) => flats().andWhere('f.unit_id = ANY(:ids)', { ids: uuids(ids) }).orderBy('f.floor').addOrderBy('f.number').getMany(),
      (f) => f.unitId,
    ),
    allocationOfFlat: rowLoader<string, Allocation>(
      (ids) => allocations().andWhere('a.flat_id = ANY(:ids)', { ids: uuids(ids) }).getMany(),
      (a) => a.flatId,
    ),
    inventory: rowLoader(
      (codes) => inventories(dataSource, scope, codes),
      (inventory) => inventory.areaCode,
    ),
  };
}

export type LandHousingLoaders = ReturnType<typeof createLandHousingLoaders>;
