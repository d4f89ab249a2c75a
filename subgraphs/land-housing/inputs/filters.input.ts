import { Field, ID, InputType } from 'type-graphql';
import { FlatCategory, FlatStatus, HouseStructure, LandOwnerKind, LandUse, OccupancyStatus, SiteConstructionMode, SiteRelocationType } from '../land-housing.enums';

const AREA = 'Any area code: records belonging to that area and everything below it · 区划代码（含下级）';

@InputType({ description: 'Which flooded land parcels to list · 淹没土地筛选条件' })
export class LandParcelFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the parcel lay: a village, township or county code and below · 地块所在地区划代码（含下级）' })
  villageCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owning household · 所属移民户' })
  householdId?: string | null;

  @Field(() => LandOwnerKind, { nullable: true, description: 'Household or collective land · 权属' })
  ownerKind?: LandOwnerKind | null;

  @Field(() => LandUse, { nullable: true, description: 'Land use · 土地用途' })
  landUse?: LandUse | null;

  @Field(() => ID, { nullable: true, description: 'Power station: BAIHETAN, XILUODU or XIANGJIABA · 电站' })
  stationId?: string | null;
}

@InputType({ description: 'Which original houses to list · 原有房屋筛选条件' })
export class OriginalHouseFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the house stood: a village, township or county code and below · 房屋所在地区划代码（含下级）' })
  villageCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owning household · 所属移民户' })
  householdId?: string | null;

  @Field(() => HouseStructure, { nullable: true, description: 'Structure · 房屋结构' })
  structure?: HouseStructure | null;
}

@InputType({ description: 'Which resettlement sites to list · 安置点筛选条件' })
export class SiteFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: sites in that area and below · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => SiteRelocationType, { nullable: true, description: 'Relocation it serves · 安置类型' })
  relocationType?: SiteRelocationType | null;

  @Field(() => SiteConstructionMode, { nullable: true, description: 'How its homes were built · 建设方式' })
  constructionMode?: SiteConstructionMode | null;
}

@InputType({ description: 'Which flats to list · 安置房筛选条件' })
export class FlatFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: flats of sites in that area and below · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Resettlement site · 安置点' })
  siteId?: string | null;

  @Field(() => FlatStatus, { nullable: true, description: 'Status · 房源状态' })
  status?: FlatStatus | null;

  @Field(() => FlatCategory, { nullable: true, description: 'Housing category · 安置房类别' })
  category?: FlatCategory | null;
}

@InputType({ description: 'Which allocations to list · 安置房分配筛选条件' })
export class AllocationFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: allocations of households living in that area and below · 区划代码（按户现居住地，含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Resettlement site of the flat · 安置点' })
  siteId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Household · 移民户' })
  householdId?: string | null;

  @Field(() => OccupancyStatus, { nullable: true, description: 'Occupancy status · 入住状态' })
  occupancyStatus?: OccupancyStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those not yet handed over; false: only those handed over · 是否待交房' })
  awaitingHandover?: boolean | null;
}
