import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { StatisticsTable } from '../../../platform/statistics/statistics';
import { HouseholdDimension, HouseholdStatistics, PersonDimension, PersonStatistics } from '../entities/statistics.type';
import type { HouseholdsContext } from '../households.context';
import { HouseholdStatisticsFilter, PersonStatisticsFilter } from '../inputs/statistics.input';
import { householdStatistics, personStatistics } from '../services/statistics.service';

@Resolver()
export class StatisticsResolver {
  @Query(() => PersonStatistics, {
    description: 'Persons counted by any dimensions, in SQL, inside your jurisdiction; small cells suppressed for analysts and partners · 人口分组统计',
  })
  personStatistics(
    @Ctx() ctx: HouseholdsContext,
    @Arg('groupBy', () => [PersonDimension], { description: 'Dimensions to group by (up to 4; none: the total only) · 分组维度' }) groupBy: PersonDimension[],
    @Arg('filter', () => PersonStatisticsFilter, { nullable: true, description: 'Which persons to count · 筛选条件' }) filter?: PersonStatisticsFilter,
  ): Promise<StatisticsTable<PersonDimension>> {
    return personStatistics(ctx, groupBy, filter);
  }

  @Query(() => HouseholdStatistics, {
    description: 'Households counted by any dimensions, in SQL, inside your jurisdiction; small cells suppressed for analysts and partners · 移民户分组统计',
  })
  householdStatistics(
    @Ctx() ctx: HouseholdsContext,
    @Arg('groupBy', () => [HouseholdDimension], { description: 'Dimensions to group by (up to 4; none: the total only) · 分组维度' }) groupBy: HouseholdDimension[],
    @Arg('filter', () => HouseholdStatisticsFilter, { nullable: true, description: 'Which households to count · 筛选条件' }) filter?: HouseholdStatisticsFilter,
  ): Promise<StatisticsTable<HouseholdDimension>> {
    return householdStatistics(ctx, groupBy, filter);
  }
}
