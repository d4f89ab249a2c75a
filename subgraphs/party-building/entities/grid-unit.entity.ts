import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'Unit of a grid, 10–15 households under one manager · 网格单元' })
@Directive('@key(fields: "id")')
@Entity({ name: 'grid_unit' })
export class GridUnit {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @Field({ description: 'Name · 名称' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => Int, { description: 'Number inside the grid · 单元序号' })
  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'manager_person_id', type: 'uuid', nullable: true })
  managerPersonId: string | null;

  @Field({ description: 'Code of the community · 所在社区区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'Code of the county · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
