import { paginate, type Page, type PageArgs } from '../../../platform/graphql/pagination';
import { applyAreaFilter } from '../../../platform/security/scope';
import { requireId } from '../../../platform/graphql/validation';
import { Allocation } from '../entities/allocation.entity';
import { Flat } from '../entities/flat.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import type { FlatFilter, SiteFilter } from '../inputs/filters.input';
import type { LandHousingContext } from '../land-housing.context';
import { scoped } from '../land-housing.loaders';
import { FLAT_STATUS_SQL } from './inventory-query.service';

export function listSites(ctx: LandHousingContext, filter: SiteFilter | undefined, page: PageArgs): Promise<Page<ResettlementSite>> {
  const qb = scoped(ctx.dataSource, ctx.scope, ResettlementSite, 's');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 's.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.relocationType) qb.andWhere('s.relocation_type = :relocation', { relocation: filter.relocationType });
  if (filter?.constructionMode) qb.andWhere('s.construction_mode = :construction', { construction: filter.constructionMode });
  return paginate(qb, { column: 's.id', key: (s) => s.id }, page);
}

export function listFlats(ctx: LandHousingContext, filter: FlatFilter | undefined, page: PageArgs): Promise<Page<Flat>> {
  const qb = scoped(ctx.dataSource, ctx.scope, Flat, 'f');
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'f.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.siteId) qb.andWhere('f.site_id = :site', { site: requireId(filter.siteId, 'filter.siteId') });
  if (filter?.category) qb.andWhere('f.category = :category', { category: filter.category });
  if (filter?.status) {
    qb.leftJoin(Allocation, 'a', 'a.flat_id = f.id').andWhere(`${FLAT_STATUS_SQL} = :status`, { status: filter.status });
  }
  return paginate(qb, { column: 'f.id', key: (f) => f.id }, page);
}
