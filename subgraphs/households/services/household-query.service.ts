import { paginate, type PageArgs, type Page } from '../../../platform/graphql/pagination';
import { applyAreaFilter, prefixCondition } from '../../../platform/security/scope';
import { checkStation } from '../../../platform/domain/stations';
import type { Household } from '../entities/household.entity';
import type { HouseholdsContext } from '../households.context';
import { scopedHouseholds } from '../households.loaders';
import type { HouseholdFilter } from '../inputs/filters.input';

export async function listHouseholds(ctx: HouseholdsContext, filter: HouseholdFilter | undefined, page: PageArgs): Promise<Page<Household>> {
  // a list reads from the replica when there is one (it may trail the primary by its replication lag)
  const qb = scopedHouseholds(ctx.reads, ctx.scope);
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'h.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.stationId) {
    checkStation(filter.stationId, 'filter.stationId');
    qb.andWhere('h.station_id = :station', { station: filter.stationId });
  }
  if (filter?.relocationMode) qb.andWhere('h.relocation_mode = :relocation', { relocation: filter.relocationMode });
  if (filter?.status) qb.andWhere('h.status = :status', { status: filter.status });
  if (filter?.registryNo) {
    const { clause, params } = prefixCondition('h.registry_no', [filter.registryNo.trim()], 'registry');
    qb.andWhere(clause, params);
  }
  return paginate(qb, { column: 'h.registry_no', key: (h) => h.registryNo }, page);
}
