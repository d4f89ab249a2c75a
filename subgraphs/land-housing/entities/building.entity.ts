import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A building of a resettlement site · 楼栋（幢）' })
@Entity({ name: 'building' })
export class Building {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId: string;

  @Field({ description: 'Community the site lies in · 所在社区代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field({ description: 'Building number inside the site, e.g. 3幢 · 幢号' })
  @Column({ type: 'varchar', length: 16 })
  number: string;

  @Field(() => Int, { description: 'Storeys above ground · 层数' })
  @Column({ type: 'integer' })
  floors: number;
}
