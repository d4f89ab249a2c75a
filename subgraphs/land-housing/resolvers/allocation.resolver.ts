import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { requireId } from '../../../platform/graphql/validation';
import { Allocation } from '../entities/allocation.entity';
import { AllocationFilter } from '../inputs/filters.input';
import type { LandHousingContext } from '../land-housing.context';
import { listAllocations } from '../services/allocation-query.service';

export const AllocationConnection = ConnectionType(Allocation, 'Allocation', 'A page of flat allocations · 安置房分配分页列表');

@Resolver()
export class AllocationResolver {
  @Query(() => Allocation, { nullable: true, description: 'One allocation, inside your jurisdiction · 按标识查询安置房分配' })
  allocation(@Arg('id', () => ID, { description: 'Allocation id · 分配记录标识' }) id: string, @Ctx() ctx: LandHousingContext): Promise<Allocation | null> {
    return ctx.loaders.allocation.load(requireId(id, 'id'));
  }

  @Query(() => AllocationConnection, { description: 'Allocations inside your jurisdiction (household or flat), filtered and paginated · 安置房分配列表' })
  allocations(
    @Ctx() ctx: LandHousingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AllocationFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: AllocationFilter,
  ): Promise<Page<Allocation>> {
    return listAllocations(ctx, filter, page);
  }
}
