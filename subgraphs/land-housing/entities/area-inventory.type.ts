import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FlatStatus, HouseStructure, LandUse } from '../land-housing.enums';

@ObjectType({ description: 'Flooded land of one use · 某一用途的淹没土地' })
export class LandUseTotal {
  @Field(() => LandUse, { description: 'Land use · 土地用途' })
  landUse: LandUse;

  @Field(() => Int, { description: 'Parcels · 地块数' })
  parcels: number;

  @Field(() => Float, { description: 'Area in mu · 面积（亩）' })
  mu: number;
}

@ObjectType({ description: 'Original houses of one structure · 某一结构的原有房屋' })
export class StructureTotal {
  @Field(() => HouseStructure, { description: 'Structure · 房屋结构' })
  structure: HouseStructure;

  @Field(() => Int, { description: 'Houses · 房屋数' })
  houses: number;

  @Field(() => Float, { description: 'Surveyed floor area in m² · 实调面积（平方米）' })
  floorArea: number;
}

@ObjectType({ description: 'Flats in one status · 某一状态的安置房' })
export class FlatStatusTotal {
  @Field(() => FlatStatus, { description: 'Status · 状态' })
  status: FlatStatus;

  @Field(() => Int, { description: 'Flats · 套数' })
  flats: number;

  @Field(() => Float, { description: 'Floor area in m² · 建筑面积（平方米）' })
  floorArea: number;
}

@ObjectType({
  description:
    'Land and housing totals of an area and everything below it, inside your jurisdiction. Land and houses count where their household lives now (collective land: its village); sites and flats where they stand · 区划（含下级）土地房屋汇总',
})
export class AreaInventory {
  @Field({ description: 'Area code the totals are for · 区划代码' })
  areaCode: string;

  @Field(() => Float, { description: 'Flooded land in mu · 淹没土地面积（亩）' })
  floodedLandMu: number;

  @Field(() => Float, { description: 'Of which owned by households · 其中农户土地（亩）' })
  householdLandMu: number;

  @Field(() => Float, { description: 'Of which owned by village collectives · 其中集体土地（亩）' })
  collectiveLandMu: number;

  @Field(() => [LandUseTotal], { description: 'Flooded land by use (every use, zeros included) · 按用途分的淹没土地' })
  landByUse: LandUseTotal[];

  @Field(() => Int, { description: 'Original houses surveyed · 原有房屋数' })
  originalHouses: number;

  @Field(() => Float, { description: 'Surveyed floor area of the original houses, m² · 原有房屋实调面积（平方米）' })
  originalFloorArea: number;

  @Field(() => [StructureTotal], { description: 'Original houses by structure (every structure, zeros included) · 按结构分的原有房屋' })
  housesByStructure: StructureTotal[];

  @Field(() => Int, { description: 'Resettlement sites · 安置点数' })
  sites: number;

  @Field(() => Int, { description: 'Buildings · 楼栋（幢）数' })
  buildings: number;

  @Field(() => Int, { description: 'Units · 单元数' })
  units: number;

  @Field(() => Int, { description: 'Flats · 安置房套数' })
  flats: number;

  @Field(() => [FlatStatusTotal], { description: 'Flats by status (every status, zeros included) · 按状态分的安置房' })
  flatsByStatus: FlatStatusTotal[];
}
