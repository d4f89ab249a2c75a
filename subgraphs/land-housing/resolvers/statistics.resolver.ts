import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { StatisticsTable } from '../../../platform/statistics/statistics';
import { FlatStatistics, HouseStatistics, LandHousingDimension, LandHousingStatisticsFilter, LandStatistics } from '../entities/statistics.type';
import type { LandHousingContext } from '../land-housing.context';
import { landHousingStatistics } from '../services/statistics.service';

const groupByOptions = { description: 'Dimensions to group by (up to 4; none: the total only) · 分组维度' };
const filterOptions = { nullable: true, description: 'What to count · 筛选条件' };
type Table = StatisticsTable<LandHousingDimension>;

@Resolver()
export class StatisticsResolver {
  @Query(() => LandStatistics, { description: 'Flooded land by county, township, community, station, use and owner, in SQL; small cells suppressed for analysts and partners · 淹没土地分组统计' })
  landStatistics(
    @Ctx() ctx: LandHousingContext,
    @Arg('groupBy', () => [LandHousingDimension], groupByOptions) groupBy: LandHousingDimension[],
    @Arg('filter', () => LandHousingStatisticsFilter, filterOptions) filter?: LandHousingStatisticsFilter,
  ): Promise<Table> {
    return landHousingStatistics(ctx, 'land', groupBy, filter);
  }

  @Query(() => HouseStatistics, { description: 'Original houses by county, township, community and structure, in SQL · 原有房屋分组统计' })
  houseStatistics(
    @Ctx() ctx: LandHousingContext,
    @Arg('groupBy', () => [LandHousingDimension], groupByOptions) groupBy: LandHousingDimension[],
    @Arg('filter', () => LandHousingStatisticsFilter, filterOptions) filter?: LandHousingStatisticsFilter,
  ): Promise<Table> {
    return landHousingStatistics(ctx, 'houses', groupBy, filter);
  }

  @Query(() => FlatStatistics, { description: 'Resettlement flats by county, township, community and status, in SQL · 安置房分组统计' })
  flatStatistics(
    @Ctx() ctx: LandHousingContext,
    @Arg('groupBy', () => [LandHousingDimension], groupByOptions) groupBy: LandHousingDimension[],
    @Arg('filter', () => LandHousingStatisticsFilter, filterOptions) filter?: LandHousingStatisticsFilter,
  ): Promise<Table> {
    return landHousingStatistics(ctx, 'flats', groupBy, filter);
  }
}
