import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ProjectKind, ProjectStatus } from '../support.enums';
import { fen, SafeInt } from './money';

@ObjectType({ description: 'A post-relocation support project (collective asset, beautiful home, hazard relief) · 后期扶持项目' })
@Directive('@key(fields: "id")')
@Entity({ name: 'support_project' })
export class SupportProject {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Project code · 项目编号' })
  @Column({ type: 'varchar', length: 16, collation: 'C' })
  code: string;

  @Field({ description: 'Name · 项目名称' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => ProjectKind, { description: 'Kind · 类型' })
  @Column({ type: 'varchar', length: 24 })
  kind: ProjectKind;

  @Field(() => Int, { nullable: true, description: 'Batch (hazard-relief pilots) · 批次' })
  @Column({ type: 'smallint', nullable: true })
  batch: number | null;

  @Field({ description: 'Area the project sits in · 所在地区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County · 县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => ProjectStatus, { description: 'Status · 状态' })
  @Column({ type: 'varchar', length: 24 })
  status: ProjectStatus;

  @Field(() => Int, { description: 'Resettled households benefiting · 受益移民户数' })
  @Column({ name: 'households_benefiting', type: 'integer' })
  householdsBenefiting: number;

  @Field(() => Int, { description: 'Year started · 开工年度' })
  @Column({ name: 'started_year', type: 'integer' })
  startedYear: number;
}

@ObjectType('SupportProjectFund', { description: 'Funds allocated to a project for a year · 项目年度资金' })
@Entity({ name: 'project_fund' })
export class ProjectFund {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Field(() => Int, { description: 'Year · 年度' })
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => SafeInt, { description: 'Amount allocated, in fen · 下达资金（分）' })
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fen })
  amountFen: number;
}
