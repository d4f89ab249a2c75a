import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimal } from '../../../platform/db/decimal';
import { LandOwnerKind, LandUse } from '../land-housing.enums';

@ObjectType({ description: 'A flooded land parcel, as surveyed · 淹没土地地块' })
@Entity({ name: 'land_parcel' })
export class LandParcel {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID, { description: 'Power station whose reservoir flooded it · 所属电站' })
  @Column({ name: 'station_id', type: 'varchar', length: 16 })
  stationId: string;

  @Field(() => LandOwnerKind, { description: 'Owned by a household or by the village collective · 权属' })
  @Column({ name: 'owner_kind', type: 'varchar', length: 16 })
  ownerKind: LandOwnerKind;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId: string | null;

  @Field({ description: 'Area the record belongs to: the owning household’s resident group, or the village for collective land · 归属区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County responsible for the record · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field({ description: 'Village where the parcel lay · 地块所在村代码' })
  @Column({ name: 'village_code', type: 'varchar', length: 12, collation: 'C' })
  villageCode: string;

  @Field({ description: 'Parcel number inside its village, as the survey numbered it (the key of the land-parcels sheet with the village) · 地块编号（村内唯一）' })
  @Column({ name: 'parcel_no', type: 'varchar', length: 32, collation: 'C' })
  parcelNo: string;

  @Field(() => LandUse, { description: 'Land use · 土地用途' })
  @Column({ name: 'land_use', type: 'varchar', length: 16 })
  landUse: LandUse;

  @Field(() => Float, { description: 'Area in mu (亩, 666.7 m²), two decimals · 面积（亩）' })
  @Column({ name: 'area_mu', type: 'numeric', precision: 10, scale: 2, transformer: decimal })
  areaMu: number;

  @Field(() => LocalDateResolver, { description: 'Date surveyed · 调查日期' })
  @Column({ name: 'surveyed_on', type: 'date' })
  surveyedOn: string;
}
