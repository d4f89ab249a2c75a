import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimal } from '../../../platform/db/decimal';
import { OccupancyStatus, SettlementMethod } from '../land-housing.enums';

/** Visible to callers whose jurisdiction holds the household or the flat. */
@ObjectType({ description: 'A flat allocated to a household · 安置房分配' })
@Entity({ name: 'allocation' })
export class Allocation {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'flat_id', type: 'uuid' })
  flatId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group of the household · 归属区划代码（户现居住地）' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'Community the flat’s site lies in · 安置点所在社区代码' })
  @Column({ name: 'site_area_code', type: 'varchar', length: 15, collation: 'C' })
  siteAreaCode: string;

  @Field({ description: 'County responsible for the record · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => Float, { nullable: true, description: 'Original floor area swapped for the flat, m² (unified sites) · 置换的原房屋面积（平方米）' })
  @Column({ name: 'swapped_area', type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: decimal })
  swappedArea: number | null;

  @Field(() => Float, { description: 'Floor area allocated (the flat’s), m² · 分配面积（平方米）' })
  @Column({ name: 'allocated_area', type: 'numeric', precision: 8, scale: 2, transformer: decimal })
  allocatedArea: number;

  @Field(() => SettlementMethod, { description: 'How the area difference is settled · 面积差结算方式' })
  @Column({ type: 'varchar', length: 24 })
  settlement: SettlementMethod;

  @Field(() => LocalDateResolver, { description: 'Date allocated · 分配日期' })
  @Column({ name: 'allocated_on', type: 'date' })
  allocatedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the keys were handed over · 交房日期' })
  @Column({ name: 'handed_over_on', type: 'date', nullable: true })
  handedOverOn: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the household moved in · 入住日期' })
  @Column({ name: 'occupied_on', type: 'date', nullable: true })
  occupiedOn: string | null;

  @Field(() => OccupancyStatus, { nullable: true, description: 'How the flat is used; empty until handed over · 入住状态（交房后）' })
  @Column({ name: 'occupancy_status', type: 'varchar', length: 16, nullable: true })
  occupancyStatus: OccupancyStatus | null;
}
