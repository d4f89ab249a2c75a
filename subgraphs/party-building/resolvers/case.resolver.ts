import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { GovernanceCase } from '../entities/governance-case.entity';
import { GovernanceCaseFilter } from '../inputs/filters.input';
import type { PartyBuildingContext } from '../party-building.context';
import { listCases } from '../services/party-building-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const GovernanceCaseConnection = ConnectionType(GovernanceCase, 'GovernanceCase', 'A page of cases · 群众诉求事项分页列表');

@Resolver(() => GovernanceCase)
export class GovernanceCaseResolver {
  @Query(() => GovernanceCase, { nullable: true, description: 'One case by id, inside your jurisdiction · 按标识查询事项' })
  governanceCase(@Arg('id', () => ID, { description: 'Identifier · 标识' }) id: string, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.case.load(requireId(id, 'id'));
  }

  @Query(() => GovernanceCaseConnection, { description: 'Cases inside your jurisdiction, filtered and paginated (by case number) · 群众诉求事项列表' })
  governanceCases(
    @Ctx() ctx: PartyBuildingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => GovernanceCaseFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: GovernanceCaseFilter,
  ): Promise<Page<GovernanceCase>> {
    return listCases(ctx, filter, page);
  }
}
