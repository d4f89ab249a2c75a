import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { StatisticsTable } from '../../../platform/statistics/statistics';
import { SupportDimension, SupportStatistics, SupportStatisticsFilter } from '../entities/statistics.type';
import { supportStatistics } from '../services/statistics.service';
import type { SupportContext } from '../support.context';

@Resolver()
export class StatisticsResolver {
  @Query(() => SupportStatistics, { description: 'Persons paid, lines and amounts of approved cycles by area, scheme, year, bank standing and category, in SQL; small cells suppressed for analysts, auditors and partners · 后期扶持资金发放分组统计' })
  supportStatistics(
    @Ctx() ctx: SupportContext,
    @Arg('groupBy', () => [SupportDimension], { description: 'Dimensions to group by (up to 4; none: the total only) · 分组维度' }) groupBy: SupportDimension[],
    @Arg('filter', () => SupportStatisticsFilter, { nullable: true, description: 'What to count · 筛选条件' }) filter?: SupportStatisticsFilter,
  ): Promise<StatisticsTable<SupportDimension>> {
    return supportStatistics(ctx, groupBy, filter);
  }
}
