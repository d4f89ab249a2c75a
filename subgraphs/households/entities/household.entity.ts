import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { HouseholdStatus, HousingMode, RelocationMode, SupportCohort } from '../households.enums';

@ObjectType({ description: 'Resettled household · 移民户' })
@Directive('@key(fields: "id")')
@Entity({ name: 'household' })
export class Household {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Registry number, unique in the prefecture · 移民户登记编号' })
  @Column({ name: 'registry_no', type: 'varchar', length: 32, unique: true, collation: 'C' })
  registryNo: string;

  @Column({ name: 'station_id', type: 'varchar', length: 16 })
  stationId: string;

  @Field({ description: 'Code of the village/community the household lived in before relocation · 原居住地区划代码' })
  @Column({ name: 'original_area_code', type: 'varchar', length: 15, collation: 'C' })
  originalAreaCode: string;

  @Field({ description: 'Code of the resident group the household lives in now · 现居住地（居民小组）区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'Code of the county responsible for the household · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => RelocationMode, { description: 'Relocation resettlement mode · 搬迁安置方式' })
  @Column({ name: 'relocation_mode', type: 'varchar', length: 24 })
  relocationMode: RelocationMode;

  @Field(() => HousingMode, { description: 'Housing construction mode · 住房建设方式' })
  @Column({ name: 'housing_mode', type: 'varchar', length: 24 })
  housingMode: HousingMode;

  @Column({ name: 'head_id', type: 'uuid', nullable: true })
  headId: string | null;

  @Field(() => HouseholdStatus, { description: 'Registry status · 状态' })
  @Column({ type: 'varchar', length: 16 })
  status: HouseholdStatus;

  @Field(() => LocalDateResolver, { description: 'Date registered · 登记日期' })
  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the move was completed · 搬迁完成日期' })
  @Column({ name: 'relocated_on', type: 'date', nullable: true })
  relocatedOn: string | null;

  @Field(() => SupportCohort, { nullable: true, description: 'Post-relocation support cohort · 后期扶持人口类别' })
  @Column({ name: 'support_cohort', type: 'varchar', length: 16, nullable: true })
  supportCohort: SupportCohort | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day of post-relocation support · 后期扶持起始日期' })
  @Column({ name: 'support_start', type: 'date', nullable: true })
  supportStart: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of post-relocation support (20 years) · 后期扶持截止日期' })
  @Column({ name: 'support_end', type: 'date', nullable: true })
  supportEnd: string | null;
}
