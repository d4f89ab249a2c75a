import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { registerEnum } from '../../../platform/graphql/enums';
import { AgeBand, StatisticsCellBase, StatisticsTableType } from '../../../platform/statistics/statistics.types';
import { LabourStatus } from '../employment.enums';
import { AdminAreaStub } from './admin-area.stub';

/** What labour status and incomes can be grouped by (each table takes the ones that apply to it). */
export enum EmploymentDimension {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
  AGE_BAND = 'AGE_BAND',
  LABOUR_STATUS = 'LABOUR_STATUS',
  YEAR = 'YEAR',
}

registerEnum(EmploymentDimension, 'EmploymentDimension', 'What labour status and incomes can be grouped by · 就业收入统计维度', {
  COUNTY: 'County · 县（区、市）',
  TOWNSHIP: 'Township · 乡（镇、街道）',
  COMMUNITY: 'Village or community · 村（社区）',
  AGE_BAND: 'Age band on 31 December of the year (labour only) · 年龄段（仅劳动力）',
  LABOUR_STATUS: 'Labour status (labour only) · 劳动力状态（仅劳动力）',
  YEAR: 'Survey year (incomes only) · 调查年度（仅收入）',
});

@InputType({ description: 'Which records the employment statistics count · 就业收入统计筛选条件' })
export class EmploymentStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'First survey year (incomes only); not given: every year surveyed · 起始年度（仅收入；不填：所有调查年度）' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last survey year (incomes only); not given: every year surveyed · 截止年度（仅收入；不填：所有调查年度）' })
  yearTo?: number | null;
}

const EmploymentCell = StatisticsCellBase(AdminAreaStub, 'Employment');

@ObjectType({ description: 'Persons with a labour-status record sharing one combination of dimension values · 劳动力统计格' })
export class LabourStatisticsCell extends EmploymentCell {
  @Field(() => AgeBand, { nullable: true, description: 'Age band · 年龄段' })
  ageBand?: AgeBand;

  @Field(() => LabourStatus, { nullable: true, description: 'Labour status · 劳动力状态' })
  labourStatus?: LabourStatus;

  @Field(() => Int, { nullable: true, description: 'Persons with a labour-status record · 登记人数' })
  persons: number | null;

  @Field(() => Int, { nullable: true, description: 'Of working age (WORKING_AGE_MIN–MAX) on 31 December · 劳动年龄人口' })
  workingAge: number | null;

  @Field(() => Int, { nullable: true, description: 'Working-age persons employed · 已就业人数' })
  employed: number | null;

  @Field(() => Int, { nullable: true, description: 'Working-age persons unemployed and seeking work · 未就业人数' })
  unemployed: number | null;

  @Field(() => Float, { nullable: true, description: 'Employed ÷ (employed + unemployed), 0–1 · 就业率' })
  employmentRate: number | null;
}

@ObjectType({ description: 'Household income surveys sharing one combination of dimension values · 收入统计格' })
export class IncomeStatisticsCell extends EmploymentCell {
  @Field(() => Int, { nullable: true, description: 'Survey year · 调查年度' })
  year?: number;

  @Field(() => Int, { nullable: true, description: 'Households surveyed · 调查户数' })
  households: number | null;

  @Field(() => Int, { nullable: true, description: 'Members of the households surveyed · 调查人数' })
  members: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean per-capita net income, yuan: total net income ÷ members · 人均纯收入（元）' })
  meanPerCapitaNetIncome: number | null;
}

export const LabourStatistics = StatisticsTableType(LabourStatisticsCell, EmploymentDimension, 'Labour', 'Labour status grouped by the dimensions asked, for one year, inside your jurisdiction · 劳动力分组统计');
export const IncomeStatistics = StatisticsTableType(IncomeStatisticsCell, EmploymentDimension, 'Income', 'Household incomes grouped by the dimensions asked, inside your jurisdiction · 收入分组统计');
