import { Field, ID, InputType, Int } from 'type-graphql';
import { GovernanceCaseCategory, GovernanceCaseStatus, PartyActivityType, PartyOrganisationLevel } from '../party-building.enums';

@InputType({ description: 'A party organisation to create · 新建党组织' })
export class CreatePartyOrganisationInput {
  @Field({ description: 'Name · 名称' })
  name: string;

  @Field(() => PartyOrganisationLevel, { description: 'Level · 层级' })
  level: PartyOrganisationLevel;

  @Field({ description: 'Area it works in: a county for a leading group, a township or community for a branch, a community or group below · 所在区划代码' })
  areaCode: string;

  @Field(() => ID, { nullable: true, description: 'Parent organisation, one level up (none for a leading group) · 上级党组织' })
  parentId?: string | null;
}

@InputType({ description: 'A grid to create in a community · 新建网格' })
export class CreateGridInput {
  @Field({ description: 'Name · 名称' })
  name: string;

  @Field({ description: 'Community (12-digit code) the grid divides · 社区区划代码' })
  areaCode: string;

  @Field(() => Int, { description: 'Number inside the community, unique there · 网格序号' })
  number: number;

  @Field(() => ID, { nullable: true, description: 'The red grid (party organisation) that leads it · 对应红网格党组织' })
  organisationId?: string | null;
}

@InputType({ description: 'A unit to create in a grid · 新建网格单元' })
export class CreateGridUnitInput {
  @Field(() => ID, { description: 'Grid · 网格' })
  gridId: string;

  @Field({ description: 'Name · 名称' })
  name: string;

  @Field(() => Int, { description: 'Number inside the grid, unique there · 单元序号' })
  number: number;

  @Field(() => ID, { nullable: true, description: 'Person (households subgraph) who manages the unit · 单元长（人员标识）' })
  managerPersonId?: string | null;
}

@InputType({ description: 'Households to put into a grid unit (each leaves its previous unit) · 户划入网格单元' })
export class AssignHouseholdsInput {
  @Field(() => ID, { description: 'Grid unit · 网格单元' })
  unitId: string;

  @Field(() => [ID], { description: 'Households (households subgraph), 1–50 · 移民户标识' })
  householdIds: string[];
}

@InputType({ description: 'A cadre to pair with a household (干部包户) · 干部结对包户' })
export class PairCadreInput {
  @Field(() => ID, { description: 'Cadre · 干部' })
  cadreId: string;

  @Field(() => ID, { description: 'Household, already in a grid unit · 移民户' })
  householdId: string;

  @Field(() => String, { nullable: true, description: 'First day (YYYY-MM-DD), today when omitted · 结对日期' })
  startedOn?: string | null;
}

@InputType({ description: 'A visit of a paired cadre to a household · 入户走访' })
export class RecordVisitInput {
  @Field(() => ID, { description: 'Cadre, paired with the household · 干部' })
  cadreId: string;

  @Field(() => ID, { description: 'Household · 移民户' })
  householdId: string;

  @Field({ description: 'Date of the visit (YYYY-MM-DD), not in the future · 走访日期' })
  visitedOn: string;

  @Field({ description: 'What was seen and said · 走访情况' })
  notes: string;

  @Field(() => String, { nullable: true, description: 'Follow-up promised · 后续跟进事项' })
  followUp?: string | null;

  @Field(() => String, { nullable: true, description: 'Follow-up due by (YYYY-MM-DD), with a follow-up · 跟进期限' })
  followUpDue?: string | null;
}

@InputType({ description: 'An activity a party organisation held · 党组织活动登记' })
export class RecordActivityInput {
  @Field(() => ID, { description: 'Organisation · 党组织' })
  organisationId: string;

  @Field(() => PartyActivityType, { description: 'Kind of activity · 活动类型' })
  type: PartyActivityType;

  @Field({ description: 'Date held (YYYY-MM-DD), not in the future · 活动日期' })
  heldOn: string;

  @Field({ description: 'Topic · 主题' })
  topic: string;

  @Field(() => Int, { description: 'Number of attendees, 1–5000 · 参加人数' })
  attendees: number;
}

@InputType({ description: 'A problem or request to open as a case · 受理群众诉求' })
export class OpenCaseInput {
  @Field(() => GovernanceCaseCategory, { description: 'Category · 类别' })
  category: GovernanceCaseCategory;

  @Field({ description: 'Short title · 事项摘要' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Details · 详细情况' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Household concerned (must be in a grid unit); gives the grid · 涉及移民户' })
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Grid, when no household is concerned · 网格' })
  gridId?: string | null;

  @Field(() => ID, { description: 'Cadre who received it and answers for it (首问责任人) · 首问责任人' })
  firstResponsibleId: string;

  @Field(() => String, { nullable: true, description: 'Deadline (YYYY-MM-DD); by default 7, 90, 30 or 60 days by category · 办结时限' })
  deadline?: string | null;
}

@InputType({ description: 'A move of a case along its flow · 事项流转' })
export class MoveCaseInput {
  @Field(() => ID, { description: 'Case · 事项' })
  caseId: string;

  @Field(() => GovernanceCaseStatus, { description: 'New status: ASSIGNED, IN_PROGRESS, RESOLVED or ESCALATED · 新状态' })
  to: GovernanceCaseStatus;

  @Field(() => ID, { nullable: true, description: 'Handler, required to assign · 承办人（交办时必填）' })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true, description: 'Note; the outcome is required to resolve or escalate · 备注（办结、上报时必填）' })
  note?: string | null;
}
