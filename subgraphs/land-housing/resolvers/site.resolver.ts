import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { requireId } from '../../../platform/graphql/validation';
import { Flat } from '../entities/flat.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import { FlatFilter, SiteFilter } from '../inputs/filters.input';
import type { LandHousingContext } from '../land-housing.context';
import { listFlats, listSites } from '../services/site-query.service';

export const ResettlementSiteConnection = ConnectionType(ResettlementSite, 'ResettlementSite', 'A page of resettlement sites · 安置点分页列表');
export const FlatConnection = ConnectionType(Flat, 'Flat', 'A page of flats · 安置房分页列表');

@Resolver()
export class SiteResolver {
  @Query(() => ResettlementSite, { nullable: true, description: 'One resettlement site, inside your jurisdiction · 按标识查询安置点' })
  resettlementSite(@Arg('id', () => ID, { description: 'Site id · 安置点标识' }) id: string, @Ctx() ctx: LandHousingContext): Promise<ResettlementSite | null> {
    return ctx.loaders.site.load(requireId(id, 'id'));
  }

  @Query(() => ResettlementSiteConnection, { description: 'Resettlement sites inside your jurisdiction, filtered and paginated · 安置点列表' })
  resettlementSites(
    @Ctx() ctx: LandHousingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => SiteFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: SiteFilter,
  ): Promise<Page<ResettlementSite>> {
    return listSites(ctx, filter, page);
  }

  @Query(() => Flat, { nullable: true, description: 'One flat, inside your jurisdiction · 按标识查询安置房' })
  flat(@Arg('id', () => ID, { description: 'Flat id · 房屋（套）标识' }) id: string, @Ctx() ctx: LandHousingContext): Promise<Flat | null> {
    return ctx.loaders.flat.load(requireId(id, 'id'));
  }

  @Query(() => FlatConnection, { description: 'Flats inside your jurisdiction, filtered and paginated · 安置房列表' })
  flats(
    @Ctx() ctx: LandHousingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => FlatFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: FlatFilter,
  ): Promise<Page<Flat>> {
    return listFlats(ctx, filter, page);
  }
}
