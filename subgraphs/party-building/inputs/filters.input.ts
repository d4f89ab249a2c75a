import { Field, ID, InputType } from 'type-graphql';
import { GovernanceCaseCategory, GovernanceCaseStatus, PartyActivityType, PartyOrganisationLevel } from '../party-building.enums';

@InputType({ description: 'Which party organisations to list · 党组织筛选条件' })
export class PartyOrganisationFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => PartyOrganisationLevel, { nullable: true, description: 'Level · 层级' })
  level?: PartyOrganisationLevel | null;

  @Field(() => ID, { nullable: true, description: 'Parent organisation · 上级党组织' })
  parentId?: string | null;
}

@InputType({ description: 'Which grids to list · 网格筛选条件' })
export class GridFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;
}

@InputType({ description: 'Which cadres to list · 干部筛选条件' })
export class CadreFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Grid served · 所在网格' })
  gridId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cadres serving in a grid (true) or not (false) · 是否下沉网格' })
  servingInGrid?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only party members (true) or non-members (false) · 是否党员' })
  partyMember?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Work unit, exactly · 工作单位（精确）' })
  workUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'Beginning of the name · 姓名（前缀）' })
  search?: string | null;
}

@InputType({ description: 'Which activities to list · 活动筛选条件' })
export class PartyActivityFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Organisation that held it · 组织单位' })
  organisationId?: string | null;

  @Field(() => PartyActivityType, { nullable: true, description: 'Kind of activity · 活动类型' })
  type?: PartyActivityType | null;

  @Field(() => String, { nullable: true, description: 'Held on or after (YYYY-MM-DD) · 起始日期' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Held on or before (YYYY-MM-DD) · 截止日期' })
  to?: string | null;
}

@InputType({ description: 'Which cases to list · 事项筛选条件' })
export class GovernanceCaseFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => GovernanceCaseCategory, { nullable: true, description: 'Category · 类别' })
  category?: GovernanceCaseCategory | null;

  @Field(() => GovernanceCaseStatus, { nullable: true, description: 'Status · 状态' })
  status?: GovernanceCaseStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases still being handled past their deadline today · 仅超期未办结' })
  overdue?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Household concerned · 涉及移民户' })
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Grid · 网格' })
  gridId?: string | null;

  @Field(() => String, { nullable: true, description: 'Opened on or after (YYYY-MM-DD) · 受理起始日期' })
  openedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Opened on or before (YYYY-MM-DD) · 受理截止日期' })
  openedTo?: string | null;
}
