import { LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { GovernanceCaseCategory, GovernanceCaseStatus, PartyActivityType } from '../party-building.enums';

@ObjectType({ description: 'Activities of one type · 按类型统计的活动数' })
export class PartyActivityTypeCount {
  @Field(() => PartyActivityType, { description: 'Kind of activity · 活动类型' })
  type: PartyActivityType;

  @Field(() => Int, { description: 'Number held · 次数' })
  count: number;
}

@ObjectType({ description: 'Cases in one status · 按状态统计的事项数' })
export class GovernanceCaseStatusCount {
  @Field(() => GovernanceCaseStatus, { description: 'Status · 状态' })
  status: GovernanceCaseStatus;

  @Field(() => Int, { description: 'Number of cases · 件数' })
  count: number;
}

@ObjectType({ description: 'Cases of one category · 按类别统计的事项数' })
export class GovernanceCaseCategoryCount {
  @Field(() => GovernanceCaseCategory, { description: 'Category · 类别' })
  category: GovernanceCaseCategory;

  @Field(() => Int, { description: 'Number of cases · 件数' })
  count: number;
}

@ObjectType({ description: 'Party-building and governance totals for an area and everything below it, inside your jurisdiction · 党建与基层治理统计' })
export class GovernanceStats {
  @Field({ description: 'Area code the totals are for · 统计区划代码' })
  areaCode: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day of the period (none: from the beginning) · 统计起始日期' })
  from: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of the period (none: up to now) · 统计截止日期' })
  to: string | null;
}
