import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { StatisticsTable } from '../../../platform/statistics/statistics';
import { ActivityStatistics, CaseStatistics, GovernanceDimension, GovernanceStatisticsFilter } from '../entities/statistics.type';
import type { PartyBuildingContext } from '../party-building.context';
import { activityStatistics, caseStatistics } from '../services/statistics.service';

const groupByOptions = { description: 'Dimensions to group by (up to 4; none: the total only) · 分组维度' };
const filterOptions = { nullable: true, description: 'What to count · 筛选条件' };

@Resolver()
export class StatisticsResolver {
  @Query(() => ActivityStatistics, { description: 'Party activities by area, year and type, in SQL · 党组织活动分组统计' })
  activityStatistics(
    @Ctx() ctx: PartyBuildingContext,
    @Arg('groupBy', () => [GovernanceDimension], groupByOptions) groupBy: GovernanceDimension[],
    @Arg('filter', () => GovernanceStatisticsFilter, filterOptions) filter?: GovernanceStatisticsFilter,
  ): Promise<StatisticsTable<GovernanceDimension>> {
    return activityStatistics(ctx, groupBy, filter);
  }

  @Query(() => CaseStatistics, { description: 'Cases by area, year, category and status, in SQL; small cells suppressed for analysts and partners · 治理事项分组统计' })
  caseStatistics(
    @Ctx() ctx: PartyBuildingContext,
    @Arg('groupBy', () => [GovernanceDimension], groupByOptions) groupBy: GovernanceDimension[],
    @Arg('filter', () => GovernanceStatisticsFilter, filterOptions) filter?: GovernanceStatisticsFilter,
  ): Promise<StatisticsTable<GovernanceDimension>> {
    return caseStatistics(ctx, groupBy, filter);
  }
}
