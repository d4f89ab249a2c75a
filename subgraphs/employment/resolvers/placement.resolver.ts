import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import type { EmploymentContext } from '../employment.context';
import { EmploymentPlacement } from '../entities/placement.entity';
import { PlacementFilter } from '../inputs/filters.input';
import { listPlacements } from '../services/employment-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const PlacementConnection = ConnectionType(EmploymentPlacement, 'EmploymentPlacement', 'A page of placements · 就业安置分页列表');

@Resolver(() => EmploymentPlacement)
export class PlacementResolver {
  @Query(() => EmploymentPlacement, { nullable: true, description: 'One placement by id, inside your jurisdiction · 按标识查询就业安置记录' })
  placement(@Arg('id', () => ID, { description: 'Placement id · 记录标识' }) id: string, @Ctx() ctx: EmploymentContext): Promise<EmploymentPlacement | null> {
    return ctx.loaders.placement.load(requireId(id, 'id'));
  }

  @Query(() => PlacementConnection, { description: 'Placements inside your jurisdiction, filtered and paginated · 就业安置列表' })
  placements(
    @Ctx() ctx: EmploymentContext,
    @Args() page: PageArgs,
    @Arg('filter', () => PlacementFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: PlacementFilter,
  ): Promise<Page<EmploymentPlacement>> {
    return listPlacements(ctx, filter, page);
  }
}
