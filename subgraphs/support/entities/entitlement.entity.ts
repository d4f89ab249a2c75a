import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, PrimaryColumn, ViewEntity } from 'typeorm';
import { EntitlementReason, EntitlementStatus, SupportCategory, SupportScheme } from '../support.enums';

/** Derived in the database (view `entitlement`) from the registry projection and the changes: never typed. */
@ObjectType('SupportEntitlement', { description: 'A person’s entitlement under one scheme, derived from the registry and the relocation date · 扶持补偿资格' })
@ViewEntity({ name: 'entitlement', synchronize: false })
export class Entitlement {
  @Field(() => ID, { description: 'Stable identifier (person and scheme) · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group of the person · 现居住地区划代码' })
  @Column({ name: 'area_code', type: 'varchar' })
  areaCode: string;

  @Field({ description: 'County responsible · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar' })
  countyCode: string;

  @Field({ description: 'Power station of the household · 所属电站' })
  @Column({ name: 'station_id', type: 'varchar' })
  stationId: string;

  @Field(() => SupportScheme, { description: 'Scheme · 项目' })
  @Column({ type: 'varchar' })
  scheme: SupportScheme;

  @Field(() => SupportCategory, { description: '现状 (moved by 30 June 2006) or 原迁 · 人口类别' })
  @Column({ type: 'varchar' })
  category: SupportCategory;

  @Field(() => LocalDateResolver, { description: 'First day supported · 起始日期' })
  @Column({ name: 'start_on', type: 'date' })
  startOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day supported (20 years for post-relocation support; none for annual compensation) · 截止日期' })
  @Column({ name: 'end_on', type: 'date', nullable: true })
  endOn: string | null;

  @Field(() => EntitlementStatus, { description: 'Status · 状态' })
  @Column({ type: 'varchar' })
  status: EntitlementStatus;

  @Field(() => EntitlementReason, { nullable: true, description: 'Why the status changed last · 变动原因' })
  @Column({ name: 'status_reason', type: 'varchar', nullable: true })
  statusReason: EntitlementReason | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of the last change · 变动日期' })
  @Column({ name: 'status_on', type: 'date', nullable: true })
  statusOn: string | null;
}
