import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { Household } from '../entities/household.entity';
import type { HouseholdsContext } from '../households.context';
import { HouseholdFilter } from '../inputs/filters.input';
import { listHouseholds } from '../services/household-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const HouseholdConnection = ConnectionType(Household, 'Household', 'A page of households · 移民户分页列表');

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { nullable: true, description: 'One household by id, inside your jurisdiction · 按标识查询移民户' })
  household(@Arg('id', () => ID, { description: 'Household id · 移民户标识' }) id: string, @Ctx() ctx: HouseholdsContext): Promise<Household | null> {
    return ctx.loaders.household.load(requireId(id, 'id'));
  }

  @Query(() => HouseholdConnection, { description: 'Households inside your jurisdiction, filtered and paginated · 移民户列表' })
  households(
    @Ctx() ctx: HouseholdsContext,
    @Args() page: PageArgs,
    @Arg('filter', () => HouseholdFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: HouseholdFilter,
  ): Promise<Page<Household>> {
    return listHouseholds(ctx, filter, page);
  }
}
