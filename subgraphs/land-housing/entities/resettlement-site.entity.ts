import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimal } from '../../../platform/db/decimal';
import { SiteConstructionMode, SiteRelocationType } from '../land-housing.enums';

@ObjectType({ description: 'Resettlement site: the buildings a community houses its resettlers in · 安置点' })
@Entity({ name: 'resettlement_site' })
export class ResettlementSite {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Name · 名称' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field({ description: 'Community (village) the site lies in, 12 digits · 所在社区（村）代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County responsible for the site · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => SiteRelocationType, { description: 'Relocation it serves · 安置类型' })
  @Column({ name: 'relocation_type', type: 'varchar', length: 24 })
  relocationType: SiteRelocationType;

  @Field(() => SiteConstructionMode, { description: 'How its homes were built · 建设方式' })
  @Column({ name: 'construction_mode', type: 'varchar', length: 24 })
  constructionMode: SiteConstructionMode;

  @Field(() => Int, { description: 'Households it was built for · 设计安置户数' })
  @Column({ type: 'integer' })
  capacity: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Unified sites: the most floor area (m²) a flat may exceed the swapped area by, bought at cost price · 置换面积外最多可增购面积（平方米）',
  })
  @Column({ name: 'max_extra_area', type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: decimal })
  maxExtraArea: number | null;
}
