import { paginate, type Page, type PageArgs } from '../../../platform/graphql/pagination';
import { applyAreaFilter } from '../../../platform/security/scope';
import { requireId } from '../../../platform/graphql/validation';
import type { Allocation } from '../entities/allocation.entity';
import { Flat } from '../entities/flat.entity';
import type { AllocationFilter } from '../inputs/filters.input';
import type { LandHousingContext } from '../land-housing.context';
import { scopedAllocations } from '../land-housing.loaders';

export function listAllocations(ctx: LandHousingContext, filter: AllocationFilter | undefined, page: PageArgs): Promise<Page<Allocation>> {
  const qb = scopedAllocations(ctx.dataSource, ctx.scope);
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'a.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.siteId) {
    qb.innerJoin(Flat, 'f', 'f.id = a.flat_id').andWhere('f.site_id = :site', { site: requireId(filter.siteId, 'filter.siteId') });
  }
  if (filter?.householdId) qb.andWhere('a.household_id = :household', { household: requireId(filter.householdId, 'filter.householdId') });
  if (filter?.occupancyStatus) qb.andWhere('a.occupancy_status = :occupancy', { occupancy: filter.occupancyStatus });
  if (filter?.awaitingHandover === true) qb.andWhere('a.handed_over_on IS NULL');
  if (filter?.awaitingHandover === false) qb.andWhere('a.handed_over_on IS NOT NULL');
  return paginate(qb, { column: 'a.id', key: (a) => a.id }, page);
}
