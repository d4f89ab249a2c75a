import { paginate, type Page, type PageArgs } from '../../../platform/graphql/pagination';
import { applyAreaFilter, prefixCondition } from '../../../platform/security/scope';
import { checkStation } from '../../../platform/domain/stations';
import { requireId } from '../../../platform/graphql/validation';
import { LandParcel } from '../entities/land-parcel.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import type { LandHousingContext } from '../land-housing.context';
import { scoped } from '../land-housing.loaders';
import type { LandParcelFilter, OriginalHouseFilter } from '../inputs/filters.input';
import { checkCodeShape } from './area-code.validation';

/** Narrows to records whose location (village code) lies under `code`. */
function locatedIn(column: string, code: string, field: string) {
  return prefixCondition(column, [checkCodeShape(code, field)], 'located');
}

export function listLandParcels(ctx: LandHousingContext, filter: LandParcelFilter | undefined, page: PageArgs): Promise<Page<LandParcel>> {
  const qb = scoped(ctx.dataSource, ctx.scope, LandParcel, 'p');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'p.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.villageCode) {
    const { clause, params } = locatedIn('p.village_code', filter.villageCode, 'filter.villageCode');
    qb.andWhere(clause, params);
  }
  if (filter?.householdId) qb.andWhere('p.household_id = :household', { household: requireId(filter.householdId, 'filter.householdId') });
  if (filter?.ownerKind) qb.andWhere('p.owner_kind = :owner', { owner: filter.ownerKind });
  if (filter?.landUse) qb.andWhere('p.land_use = :use', { use: filter.landUse });
  if (filter?.stationId) {
    checkStation(filter.stationId, 'filter.stationId');
    qb.andWhere('p.station_id = :station', { station: filter.stationId });
  }
  return paginate(qb, { column: 'p.id', key: (p) => p.id }, page);
}

export function listOriginalHouses(ctx: LandHousingContext, filter: OriginalHouseFilter | undefined, page: PageArgs): Promise<Page<OriginalHouse>> {
  const qb = scoped(ctx.dataSource, ctx.scope, OriginalHouse, 'o');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'o.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.villageCode) {
    const { clause, params } = locatedIn('o.village_code', filter.villageCode, 'filter.villageCode');
    qb.andWhere(clause, params);
  }
  if (filter?.householdId) qb.andWhere('o.household_id = :household', { household: requireId(filter.householdId, 'filter.householdId') });
  if (filter?.structure) qb.andWhere('o.structure = :structure', { structure: filter.structure });
  return paginate(qb, { column: 'o.id', key: (o) => o.id }, page);
}
