import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'Grid of a community (网格化管理) · 网格' })
@Directive('@key(fields: "id")')
@Entity({ name: 'grid' })
export class Grid {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Name · 名称' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => Int, { description: 'Number inside the community · 网格序号' })
  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Field({ description: 'Code of the community the grid divides · 所在社区区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'Code of the county · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
