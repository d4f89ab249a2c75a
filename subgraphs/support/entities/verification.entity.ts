import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VerificationResult, VerificationStatus } from '../support.enums';

@ObjectType('SupportVerification', { description: 'A county’s yearly verification of its entitled persons (人口核定) · 年度人口核定' })
@Directive('@key(fields: "id")')
@Entity({ name: 'verification' })
export class Verification {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County · 县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => Int, { description: 'Year verified · 核定年度' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => VerificationStatus, { description: 'Open or closed · 状态' })
  @Column({ type: 'varchar', length: 8 })
  status: VerificationStatus;

  @Field({ description: 'Who opened it · 发起人' })
  @Column({ name: 'opened_by', type: 'varchar', length: 128 })
  openedBy: string;

  @Field(() => String, { nullable: true, description: 'Who closed it (the county office) · 完成人' })
  @Column({ name: 'closed_by', type: 'varchar', length: 128, nullable: true })
  closedBy: string | null;
}

@ObjectType('SupportVerificationEntry', { description: 'One person on a verification list, and their result · 人口核定明细' })
@Directive('@key(fields: "id")')
@Entity({ name: 'verification_entry' })
export class VerificationEntry {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'verification_id', type: 'uuid' })
  verificationId: string;

  @Field(() => Int, { description: 'Year verified · 核定年度' })
  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group · 现居住地区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County · 县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => VerificationResult, { nullable: true, description: 'Result; empty while not yet verified · 核定结果' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  result: VerificationResult | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date verified · 核定日期' })
  @Column({ name: 'verified_on', type: 'date', nullable: true })
  verifiedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Who verified (the signed-in worker) · 核定人' })
  @Column({ type: 'varchar', length: 128, nullable: true })
  verifier: string | null;

  @Field(() => String, { nullable: true, description: 'Note · 备注' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
