import { Field, Int, ObjectType } from 'type-graphql';
import { registerEnum } from '../../../platform/graphql/enums';
import { AgeBand, StatisticsCellBase, StatisticsTableType } from '../../../platform/statistics/statistics.types';
import { HousingMode, ProductionMode, RelocationMode, Sex } from '../households.enums';
import { AdminArea } from './admin-area.entity';

/** What persons can be grouped by. */
export enum PersonDimension {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
  STATION = 'STATION',
  RELOCATION_MODE = 'RELOCATION_MODE',
  PRODUCTION_MODE = 'PRODUCTION_MODE',
  SEX = 'SEX',
  AGE_BAND = 'AGE_BAND',
  ETHNICITY = 'ETHNICITY',
  VULNERABLE = 'VULNERABLE',
  RELOCATION_YEAR = 'RELOCATION_YEAR',
}

/** What households can be grouped by. */
export enum HouseholdDimension {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
  STATION = 'STATION',
  RELOCATION_MODE = 'RELOCATION_MODE',
  HOUSING_MODE = 'HOUSING_MODE',
  RELOCATION_YEAR = 'RELOCATION_YEAR',
}

const AREA_LABELS = {
  COUNTY: 'County where they live now · 现居住县（区、市）',
  TOWNSHIP: 'Township where they live now · 现居住乡（镇、街道）',
  COMMUNITY: 'Village or community where they live now · 现居住村（社区）',
  STATION: 'Power station · 电站',
  RELOCATION_MODE: 'Relocation mode of the household · 搬迁安置方式',
  RELOCATION_YEAR: 'Year the household moved · 搬迁年份',
};

registerEnum(PersonDimension, 'PersonDimension', 'What persons can be grouped by · 人口统计维度', {
  ...AREA_LABELS,
  PRODUCTION_MODE: 'Production resettlement mode · 生产安置方式',
  SEX: 'Sex · 性别',
  AGE_BAND: 'Age band today: 0–15, 16–59, 60 and over · 年龄段',
  ETHNICITY: 'Ethnic group · 民族',
  VULNERABLE: 'Has any vulnerability flag · 是否重点关爱对象',
});
registerEnum(HouseholdDimension, 'HouseholdDimension', 'What households can be grouped by · 移民户统计维度', {
  ...AREA_LABELS,
  HOUSING_MODE: 'Housing construction mode · 住房建设方式',
});

const HouseholdsCell = StatisticsCellBase(AdminArea, 'Households');

@ObjectType({ description: 'Persons sharing one combination of dimension values · 人口统计格' })
export class PersonStatisticsCell extends HouseholdsCell {
  @Field(() => String, { nullable: true, description: 'Power station id · 电站' })
  station?: string;

  @Field(() => RelocationMode, { nullable: true, description: 'Relocation mode · 搬迁安置方式' })
  relocationMode?: RelocationMode;

  @Field(() => ProductionMode, { nullable: true, description: 'Production resettlement mode · 生产安置方式' })
  productionMode?: ProductionMode;

  @Field(() => Sex, { nullable: true, description: 'Sex · 性别' })
  sex?: Sex;

  @Field(() => AgeBand, { nullable: true, description: 'Age band · 年龄段' })
  ageBand?: AgeBand;

  @Field(() => String, { nullable: true, description: 'Ethnic group · 民族' })
  ethnicity?: string;

  @Field(() => Boolean, { nullable: true, description: 'Has any vulnerability flag · 是否重点关爱对象' })
  vulnerable?: boolean;

  @Field(() => Int, { nullable: true, description: 'Year the household moved (empty: not yet) · 搬迁年份' })
  relocationYear?: number;

  @Field(() => Int, { nullable: true, description: 'Persons · 人数' })
  persons: number | null;

  @Field(() => Int, { nullable: true, description: 'Households the persons belong to · 户数' })
  households: number | null;
}

@ObjectType({ description: 'Households sharing one combination of dimension values · 移民户统计格' })
export class HouseholdStatisticsCell extends HouseholdsCell {
  @Field(() => String, { nullable: true, description: 'Power station id · 电站' })
  station?: string;

  @Field(() => RelocationMode, { nullable: true, description: 'Relocation mode · 搬迁安置方式' })
  relocationMode?: RelocationMode;

  @Field(() => HousingMode, { nullable: true, description: 'Housing construction mode · 住房建设方式' })
  housingMode?: HousingMode;

  @Field(() => Int, { nullable: true, description: 'Year the household moved (empty: not yet) · 搬迁年份' })
  relocationYear?: number;

  @Field(() => Int, { nullable: true, description: 'Households · 户数' })
  households: number | null;

  @Field(() => Int, { nullable: true, description: 'Active members of those households · 人数' })
  persons: number | null;
}

export const PersonStatistics = StatisticsTableType(PersonStatisticsCell, PersonDimension, 'Person', 'Persons grouped by the dimensions asked, inside your jurisdiction · 人口分组统计');
export const HouseholdStatistics = StatisticsTableType(HouseholdStatisticsCell, HouseholdDimension, 'Household', 'Households grouped by the dimensions asked, inside your jurisdiction · 移民户分组统计');
