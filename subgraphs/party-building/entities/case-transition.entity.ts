import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GovernanceCaseStatus } from '../party-building.enums';

@ObjectType({ description: 'One move of a case along its flow: who, when, from and to · 事项流转记录' })
@Entity({ name: 'case_transition' })
export class CaseTransition {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Field(() => GovernanceCaseStatus, { nullable: true, description: 'Status before (none when the case was opened) · 原状态' })
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: GovernanceCaseStatus | null;

  @Field(() => GovernanceCaseStatus, { description: 'Status after · 新状态' })
  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: GovernanceCaseStatus;

  @Field({ description: 'Subject of the caller who made the move · 操作人' })
  @Column({ type: 'varchar', length: 128 })
  actor: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => String, { nullable: true, description: 'Note · 备注' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
