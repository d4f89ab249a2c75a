import { Field, Float, ID, InputType } from 'type-graphql';
import { HouseStructure, LandUse } from '../land-housing.enums';

@InputType({ description: 'A surveyed flooded land parcel · 淹没土地调查登记' })
export class RecordLandParcelInput {
  @Field(() => ID, { description: 'Power station whose reservoir flooded it · 电站' })
  stationId: string;

  @Field({ description: 'Village where the parcel lay (12 digits) · 地块所在村代码' })
  villageCode: string;

  @Field(() => ID, { nullable: true, description: 'Owning household; omit for village collective land · 所属移民户（集体土地不填）' })
  householdId?: string | null;

  @Field(() => String, { nullable: true, description: 'Parcel number inside the village (1–32 characters), as the survey numbered it; made from the record’s id when omitted · 地块编号（村内唯一，可不填）' })
  parcelNo?: string | null;

  @Field(() => LandUse, { description: 'Land use · 土地用途' })
  landUse: LandUse;

  @Field(() => Float, { description: 'Area in mu, at most two decimals · 面积（亩）' })
  areaMu: number;

  @Field({ description: 'Date surveyed, YYYY-MM-DD · 调查日期' })
  surveyedOn: string;
}

@InputType({ description: 'A surveyed original house · 原有房屋调查登记' })
export class RecordOriginalHouseInput {
  @Field(() => ID, { description: 'Owning household · 所属移民户' })
  householdId: string;

  @Field({ description: 'Village where the house stood (12 digits) · 房屋所在村代码' })
  villageCode: string;

  @Field(() => String, { nullable: true, description: 'House number inside the household (1–32 characters), as the survey numbered it; made from the record’s id when omitted · 房屋编号（户内唯一，可不填）' })
  houseNo?: string | null;

  @Field(() => HouseStructure, { description: 'Structure · 房屋结构' })
  structure: HouseStructure;

  @Field(() => Float, { description: 'Surveyed floor area in m², at most two decimals · 实调面积（平方米）' })
  floorArea: number;

  @Field({ description: 'Date surveyed, YYYY-MM-DD · 调查日期' })
  surveyedOn: string;
}
