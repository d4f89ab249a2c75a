import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimal } from '../../../platform/db/decimal';
import { HouseStructure } from '../land-housing.enums';

@ObjectType({ description: 'A household’s original (flooded) house, as surveyed · 原有房屋（淹没房屋）' })
@Entity({ name: 'original_house' })
export class OriginalHouse {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group of the owning household · 归属区划代码（户现居住地）' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County responsible for the record · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field({ description: 'Village where the house stood · 房屋所在村代码' })
  @Column({ name: 'village_code', type: 'varchar', length: 12, collation: 'C' })
  villageCode: string;

  @Field({ description: 'House number inside the household, as the survey numbered it (the key of the original-houses sheet with the household) · 房屋编号（户内唯一）' })
  @Column({ name: 'house_no', type: 'varchar', length: 32, collation: 'C' })
  houseNo: string;

  @Field(() => HouseStructure, { description: 'Structure · 房屋结构' })
  @Column({ type: 'varchar', length: 16 })
  structure: HouseStructure;

  @Field(() => Float, { description: 'Surveyed floor area in m², two decimals · 实调面积（平方米）' })
  @Column({ name: 'floor_area', type: 'numeric', precision: 10, scale: 2, transformer: decimal })
  floorArea: number;

  @Field(() => LocalDateResolver, { description: 'Date surveyed · 调查日期' })
  @Column({ name: 'surveyed_on', type: 'date' })
  surveyedOn: string;
}
