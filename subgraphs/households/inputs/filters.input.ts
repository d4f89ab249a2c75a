import { Field, ID, InputType } from 'type-graphql';
import { HouseholdStatus, ProductionMode, RelocationMode, VulnerabilityFlag } from '../households.enums';

@InputType({ description: 'Which households to list · 移民户筛选条件' })
export class HouseholdFilter {
  @Field(() => String, { nullable: true, description: 'Any area code (county, township, community, group): that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Power station: BAIHETAN, XILUODU or XIANGJIABA · 电站' })
  stationId?: string | null;

  @Field(() => RelocationMode, { nullable: true, description: 'Relocation mode · 搬迁安置方式' })
  relocationMode?: RelocationMode | null;

  @Field(() => HouseholdStatus, { nullable: true, description: 'Registry status · 状态' })
  status?: HouseholdStatus | null;

  @Field(() => String, { nullable: true, description: 'Registry number or its beginning · 登记编号（前缀匹配）' })
  registryNo?: string | null;
}

@InputType({ description: 'Which persons to list · 人员筛选条件' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Power station of the person’s household · 电站' })
  stationId?: string | null;

  @Field(() => RelocationMode, { nullable: true, description: 'Relocation mode of the person’s household · 搬迁安置方式' })
  relocationMode?: RelocationMode | null;

  @Field(() => ProductionMode, { nullable: true, description: 'Production resettlement mode · 生产安置方式' })
  productionMode?: ProductionMode | null;

  @Field(() => VulnerabilityFlag, { nullable: true, description: 'Only persons with this flag · 重点关爱标识' })
  vulnerability?: VulnerabilityFlag | null;

  @Field(() => String, {
    nullable: true,
    description: 'A full ID number (exact), or the beginning of a name · 身份证号（精确）或姓名（前缀）',
  })
  search?: string | null;

  @Field({ defaultValue: false, description: 'Include members removed from their household · 是否包含已减员人员' })
  includeRemoved: boolean;
}
