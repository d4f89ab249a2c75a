import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { registerEnum } from '../../../platform/graphql/enums';
import { StatisticsCellBase, StatisticsTableType } from '../../../platform/statistics/statistics.types';
import { FlatStatus, HouseStructure, LandOwnerKind, LandUse } from '../land-housing.enums';
import { AdminAreaStub } from './admin-area.stub';

/** What land, houses and flats can be grouped by (each table takes the ones that apply to it). */
export enum LandHousingDimension {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
  STATION = 'STATION',
  LAND_USE = 'LAND_USE',
  OWNER = 'OWNER',
  STRUCTURE = 'STRUCTURE',
  FLAT_STATUS = 'FLAT_STATUS',
}

registerEnum(LandHousingDimension, 'LandHousingDimension', 'What land, houses and flats can be grouped by · 土地房屋统计维度', {
  COUNTY: 'County (of the household now; flats: where they stand) · 县（区、市）',
  TOWNSHIP: 'Township · 乡（镇、街道）',
  COMMUNITY: 'Village or community · 村（社区）',
  STATION: 'Power station (land only) · 电站（仅土地）',
  LAND_USE: 'Land use (land only) · 土地用途（仅土地）',
  OWNER: 'Household or collective land (land only) · 土地权属（仅土地）',
  STRUCTURE: 'House structure (houses only) · 房屋结构（仅房屋）',
  FLAT_STATUS: 'Flat status (flats only) · 房源状态（仅安置房）',
});

@InputType({ description: 'Which land, houses or flats the statistics count · 土地房屋统计筛选条件' })
export class LandHousingStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Power station (land only) · 电站（仅土地）' })
  stationId?: string | null;
}

const LandHousingCell = StatisticsCellBase(AdminAreaStub, 'LandHousing');

@ObjectType({ description: 'Flooded land sharing one combination of dimension values · 淹没土地统计格' })
export class LandStatisticsCell extends LandHousingCell {
  @Field(() => String, { nullable: true, description: 'Power station id · 电站' })
  station?: string;

  @Field(() => LandUse, { nullable: true, description: 'Land use · 土地用途' })
  landUse?: LandUse;

  @Field(() => LandOwnerKind, { nullable: true, description: 'Owner · 土地权属' })
  owner?: LandOwnerKind;

  @Field(() => Int, { nullable: true, description: 'Parcels · 地块数' })
  parcels: number | null;

  @Field(() => Float, { nullable: true, description: 'Flooded land in mu · 淹没土地面积（亩）' })
  floodedLandMu: number | null;

  @Field(() => Int, { nullable: true, description: 'Households owning the parcels (collective land: none) · 涉及户数' })
  households: number | null;
}

@ObjectType({ description: 'Original houses sharing one combination of dimension values · 原有房屋统计格' })
export class HouseStatisticsCell extends LandHousingCell {
  @Field(() => HouseStructure, { nullable: true, description: 'Structure · 房屋结构' })
  structure?: HouseStructure;

  @Field(() => Int, { nullable: true, description: 'Houses · 房屋数' })
  houses: number | null;

  @Field(() => Float, { nullable: true, description: 'Surveyed floor area, m² · 原有房屋实调面积（平方米）' })
  originalFloorArea: number | null;

  @Field(() => Int, { nullable: true, description: 'Households owning the houses · 涉及户数' })
  households: number | null;
}

@ObjectType({ description: 'Resettlement flats sharing one combination of dimension values · 安置房统计格' })
export class FlatStatisticsCell extends LandHousingCell {
  @Field(() => FlatStatus, { nullable: true, description: 'Status · 房源状态' })
  flatStatus?: FlatStatus;

  @Field(() => Int, { nullable: true, description: 'Flats · 套数' })
  flats: number | null;

  @Field(() => Float, { nullable: true, description: 'Floor area, m² · 建筑面积（平方米）' })
  floorArea: number | null;

  @Field(() => Int, { nullable: true, description: 'Households allocated the flats · 分配户数' })
  households: number | null;
}

export const LandStatistics = StatisticsTableType(LandStatisticsCell, LandHousingDimension, 'Land', 'Flooded land grouped by the dimensions asked, inside your jurisdiction · 淹没土地分组统计');
export const HouseStatistics = StatisticsTableType(HouseStatisticsCell, LandHousingDimension, 'House', 'Original houses grouped by the dimensions asked, inside your jurisdiction · 原有房屋分组统计');
export const FlatStatistics = StatisticsTableType(FlatStatisticsCell, LandHousingDimension, 'Flat', 'Resettlement flats grouped by the dimensions asked, inside your jurisdiction · 安置房分组统计');
