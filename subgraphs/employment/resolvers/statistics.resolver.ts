import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { StatisticsTable } from '../../../platform/statistics/statistics';
import type { EmploymentContext } from '../employment.context';
import { EmploymentDimension, EmploymentStatisticsFilter, IncomeStatistics, LabourStatistics } from '../entities/statistics.type';
import { incomeStatistics, labourStatistics } from '../services/statistics.service';

const groupByOptions = { description: 'Dimensions to group by (up to 4; none: the total only) · 分组维度' };
const filterOptions = { nullable: true, description: 'What to count · 筛选条件' };

@Resolver()
export class StatisticsResolver {
  @Query(() => LabourStatistics, { description: 'Working-age population, employed and employment rate by area, age band and status, in SQL; small cells suppressed for analysts and partners · 劳动力分组统计' })
  labourStatistics(
    @Ctx() ctx: EmploymentContext,
    @Arg('groupBy', () => [EmploymentDimension], groupByOptions) groupBy: EmploymentDimension[],
    @Arg('year', () => Int, { description: 'Year: ages are counted on 31 December · 年度（按 12 月 31 日计算年龄）' }) year: number,
    @Arg('filter', () => EmploymentStatisticsFilter, filterOptions) filter?: EmploymentStatisticsFilter,
  ): Promise<StatisticsTable<EmploymentDimension>> {
    return labourStatistics(ctx, groupBy, year, filter);
  }

  @Query(() => IncomeStatistics, { description: 'Households surveyed and mean per-capita net income by area and year, in SQL · 收入分组统计' })
  incomeStatistics(
    @Ctx() ctx: EmploymentContext,
    @Arg('groupBy', () => [EmploymentDimension], groupByOptions) groupBy: EmploymentDimension[],
    @Arg('filter', () => EmploymentStatisticsFilter, filterOptions) filter?: EmploymentStatisticsFilter,
  ): Promise<StatisticsTable<EmploymentDimension>> {
    return incomeStatistics(ctx, groupBy, filter);
  }
}
