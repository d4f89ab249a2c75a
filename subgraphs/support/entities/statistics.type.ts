import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { registerEnum } from '../../../platform/graphql/enums';
import { StatisticsCellBase, StatisticsTableType } from '../../../platform/statistics/statistics.types';
import { LineStatus, SupportCategory, SupportScheme } from '../support.enums';
import { AdminAreaStub } from './admin-area.stub';
import { SafeInt } from './money';

/** What the support statistics can be grouped by. */
export enum SupportDimension {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
  SCHEME = 'SCHEME',
  YEAR = 'YEAR',
  STATUS = 'STATUS',
  CATEGORY = 'CATEGORY',
}

registerEnum(SupportDimension, 'SupportDimension', 'What the support statistics can be grouped by · 后期扶持统计维度', {
  COUNTY: 'County · 县（区、市）',
  TOWNSHIP: 'Township · 乡（镇、街道）',
  COMMUNITY: 'Village or community · 村（社区）',
  SCHEME: 'Scheme · 扶持类别',
  YEAR: 'Payment year · 发放年度',
  STATUS: 'Where the line stands with the bank · 发放明细状态',
  CATEGORY: 'Post-relocation support category (现状/原迁) · 人口类别',
});

@InputType({ description: 'Which payment lines the support statistics count · 后期扶持统计筛选条件' })
export class SupportStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => SupportScheme, { nullable: true, description: 'Only this scheme · 仅此扶持类别' })
  scheme?: SupportScheme | null;

  @Field(() => Int, { nullable: true, description: 'First payment year; not given: every year · 起始年度（不填：所有年度）' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last payment year; not given: every year · 截止年度（不填：所有年度）' })
  yearTo?: number | null;
}

const SupportCell = StatisticsCellBase(AdminAreaStub, 'Support');

@ObjectType({ description: 'Payment lines of approved cycles sharing one combination of dimension values · 后期扶持统计格' })
export class SupportStatisticsCell extends SupportCell {
  @Field(() => SupportScheme, { nullable: true, description: 'Scheme · 扶持类别' })
  scheme?: SupportScheme;

  @Field(() => Int, { nullable: true, description: 'Payment year · 发放年度' })
  year?: number;

  @Field(() => LineStatus, { nullable: true, description: 'Where the lines stand with the bank · 发放明细状态' })
  status?: LineStatus;

  @Field(() => SupportCategory, { nullable: true, description: 'Support category · 人口类别' })
  category?: SupportCategory;

  @Field(() => Int, { nullable: true, description: 'Persons paid (distinct) · 发放人数' })
  persons: number | null;

  @Field(() => Int, { nullable: true, description: 'Payment lines · 发放笔数' })
  lines: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Amount ordered, fen · 发放金额（分）' })
  amountFen: number | null;

  @Field(() => SafeInt, { nullable: true, description: 'Amount the bank paid, fen · 已到账金额（分）' })
  paidFen: number | null;
}

export const SupportStatistics = StatisticsTableType(SupportStatisticsCell, SupportDimension, 'Support', 'Payment lines of approved cycles grouped by the dimensions asked, inside your jurisdiction · 后期扶持资金发放分组统计');
