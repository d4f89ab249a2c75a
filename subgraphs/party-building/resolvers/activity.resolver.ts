import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { PartyActivity } from '../entities/party-activity.entity';
import { PartyActivityFilter } from '../inputs/filters.input';
import type { PartyBuildingContext } from '../party-building.context';
import { listActivities } from '../services/party-building-query.service';

export const PartyActivityConnection = ConnectionType(PartyActivity, 'PartyActivity', 'A page of party activities · 党组织活动分页列表');

@Resolver(() => PartyActivity)
export class PartyActivityResolver {
  @Query(() => PartyActivityConnection, { description: 'Party activities inside your jurisdiction, filtered and paginated · 党组织活动列表' })
  partyActivities(
    @Ctx() ctx: PartyBuildingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => PartyActivityFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: PartyActivityFilter,
  ): Promise<Page<PartyActivity>> {
    return listActivities(ctx, filter, page);
  }
}
