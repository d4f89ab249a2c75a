import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimal } from '../../../platform/db/decimal';
import { FlatCategory } from '../land-housing.enums';

/** `number` is part of an exact address: exposed through a field resolver that masks it (`reveal`). */
@ObjectType({ description: 'A flat (or a helped-built house) at a resettlement site · 安置房（套）' })
@Entity({ name: 'flat' })
export class Flat {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'building_id', type: 'uuid' })
  buildingId: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId: string;

  @Field({ description: 'Community the site lies in · 所在社区代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => Int, { description: 'Floor · 楼层' })
  @Column({ type: 'integer' })
  floor: number;

  @Column({ type: 'varchar', length: 16 })
  number: string;

  @Field(() => Float, { description: 'Floor area in m² · 建筑面积（平方米）' })
  @Column({ name: 'floor_area', type: 'numeric', precision: 8, scale: 2, transformer: decimal })
  floorArea: number;

  @Field(() => FlatCategory, { description: 'Housing category · 安置房类别' })
  @Column({ type: 'varchar', length: 16 })
  category: FlatCategory;
}
