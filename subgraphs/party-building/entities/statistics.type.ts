import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { registerEnum } from '../../../platform/graphql/enums';
import { StatisticsCellBase, StatisticsTableType } from '../../../platform/statistics/statistics.types';
import { GovernanceCaseCategory, GovernanceCaseStatus, PartyActivityType } from '../party-building.enums';
import { AdminAreaStub } from './admin-area.stub';

/** What activities and cases can be grouped by (each table takes the ones that apply to it). */
export enum GovernanceDimension {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
  YEAR = 'YEAR',
  ACTIVITY_TYPE = 'ACTIVITY_TYPE',
  CASE_CATEGORY = 'CASE_CATEGORY',
  CASE_STATUS = 'CASE_STATUS',
}

registerEnum(GovernanceDimension, 'GovernanceDimension', 'What party activities and cases can be grouped by · 党建治理统计维度', {
  COUNTY: 'County · 县（区、市）',
  TOWNSHIP: 'Township · 乡（镇、街道）',
  COMMUNITY: 'Village or community · 村（社区）',
  YEAR: 'Year held (activities) or opened (cases) · 年度',
  ACTIVITY_TYPE: 'Kind of activity (activities only) · 活动类型（仅活动）',
  CASE_CATEGORY: 'Kind of case (cases only) · 事项类别（仅事项）',
  CASE_STATUS: 'Where the case stands now (cases only) · 办理状态（仅事项）',
});

@InputType({ description: 'Which activities or cases the statistics count · 党建治理统计筛选条件' })
export class GovernanceStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'First year; not given: from the first record (the prefecture’s five-year figures are 2020–2024) · 起始年度（不填：自最早记录起；五年数据为 2020–2024 年）' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year; not given: up to the latest record · 截止年度（不填：至最新记录）' })
  yearTo?: number | null;
}

const GovernanceCell = StatisticsCellBase(AdminAreaStub, 'Governance');

@ObjectType({ description: 'Party activities sharing one combination of dimension values · 党组织活动统计格' })
export class ActivityStatisticsCell extends GovernanceCell {
  @Field(() => Int, { nullable: true, description: 'Year held · 年度' })
  year?: number;

  @Field(() => PartyActivityType, { nullable: true, description: 'Kind of activity · 活动类型' })
  activityType?: PartyActivityType;

  @Field(() => Int, { nullable: true, description: 'Activities · 活动次数' })
  activities: number | null;

  @Field(() => Int, { nullable: true, description: 'Attendances · 参加人次' })
  attendances: number | null;
}

@ObjectType({ description: 'Cases sharing one combination of dimension values · 治理事项统计格' })
export class CaseStatisticsCell extends GovernanceCell {
  @Field(() => Int, { nullable: true, description: 'Year opened · 年度' })
  year?: number;

  @Field(() => GovernanceCaseCategory, { nullable: true, description: 'Kind of case · 事项类别' })
  category?: GovernanceCaseCategory;

  @Field(() => GovernanceCaseStatus, { nullable: true, description: 'Where the case stands now · 办理状态' })
  status?: GovernanceCaseStatus;

  @Field(() => Int, { nullable: true, description: 'Cases · 事项数' })
  cases: number | null;

  @Field(() => Int, { nullable: true, description: 'Of which resolved · 其中已办结' })
  resolved: number | null;

  @Field(() => Int, { nullable: true, description: 'Households the cases concern · 涉及户数' })
  households: number | null;
}

export const ActivityStatistics = StatisticsTableType(ActivityStatisticsCell, GovernanceDimension, 'Activity', 'Party activities grouped by the dimensions asked, inside your jurisdiction · 党组织活动分组统计');
export const CaseStatistics = StatisticsTableType(CaseStatisticsCell, GovernanceDimension, 'Case', 'Cases grouped by the dimensions asked, inside your jurisdiction · 治理事项分组统计');
