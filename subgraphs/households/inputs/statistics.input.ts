import { Field, ID, InputType, Int } from 'type-graphql';
import { HousingMode, ProductionMode, RelocationMode, Sex, VulnerabilityFlag } from '../households.enums';

@InputType({ description: 'Which persons the statistics count · 人口统计筛选条件' })
export class PersonStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Power station of the household · 电站' })
  stationId?: string | null;

  @Field(() => RelocationMode, { nullable: true, description: 'Relocation mode of the household · 搬迁安置方式' })
  relocationMode?: RelocationMode | null;

  @Field(() => ProductionMode, { nullable: true, description: 'Production resettlement mode · 生产安置方式' })
  productionMode?: ProductionMode | null;

  @Field(() => Sex, { nullable: true, description: 'Sex · 性别' })
  sex?: Sex | null;

  @Field(() => VulnerabilityFlag, { nullable: true, description: 'Only persons with this flag · 重点关爱标识' })
  vulnerability?: VulnerabilityFlag | null;

  @Field(() => Int, { nullable: true, description: 'Households that moved in this year or later · 搬迁年份起' })
  relocatedFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Households that moved in this year or earlier · 搬迁年份止' })
  relocatedTo?: number | null;
}

@InputType({ description: 'Which households the statistics count · 移民户统计筛选条件' })
export class HouseholdStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Power station · 电站' })
  stationId?: string | null;

  @Field(() => RelocationMode, { nullable: true, description: 'Relocation mode · 搬迁安置方式' })
  relocationMode?: RelocationMode | null;

  @Field(() => HousingMode, { nullable: true, description: 'Housing construction mode · 住房建设方式' })
  housingMode?: HousingMode | null;

  @Field(() => Int, { nullable: true, description: 'Moved in this year or later · 搬迁年份起' })
  relocatedFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Moved in this year or earlier · 搬迁年份止' })
  relocatedTo?: number | null;
}
