import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GovernanceCaseCategory, GovernanceCaseStatus } from '../party-building.enums';

@ObjectType({ description: 'A problem or request raised by residents, with a first responsible person and a deadline · 群众诉求事项' })
@Directive('@key(fields: "id")')
@Entity({ name: 'governance_case' })
export class GovernanceCase {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Case number, unique in the prefecture · 事项编号' })
  @Column({ name: 'case_no', type: 'varchar', length: 32, collation: 'C', unique: true })
  caseNo: string;

  @Field(() => GovernanceCaseCategory, { description: 'Category · 类别' })
  @Column({ type: 'varchar', length: 24 })
  category: GovernanceCaseCategory;

  @Field({ description: 'Short title · 事项摘要' })
  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Details · 详细情况' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId: string | null;

  @Column({ name: 'grid_id', type: 'uuid', nullable: true })
  gridId: string | null;

  @Column({ name: 'first_responsible_id', type: 'uuid' })
  firstResponsibleId: string;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Field(() => GovernanceCaseStatus, { description: 'Status · 状态' })
  @Column({ type: 'varchar', length: 16 })
  status: GovernanceCaseStatus;

  @Field(() => LocalDateResolver, { description: 'Date opened · 受理日期' })
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => LocalDateResolver, { description: 'Deadline to settle the case (限时办结) · 办结时限' })
  @Column({ type: 'date' })
  deadline: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date resolved or escalated · 办结（上报）日期' })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => String, { nullable: true, description: 'How it was resolved, or why escalated · 办理结果' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  outcome: string | null;

  @Field({ description: 'Code of the area (the household’s, else the grid’s community) · 所在区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'Code of the county · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
