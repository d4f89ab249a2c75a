import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AreaLevel } from '../households.enums';

@ObjectType({ description: 'Administrative area: prefecture, county, township, village/community or resident group · 行政区划' })
@Directive('@key(fields: "code")')
@Entity({ name: 'admin_area' })
export class AdminArea {
  @Field({ description: 'Area code: 6 digits (prefecture, county, GB/T 2260), 9 (township), 12 (village/community), 15 (resident group) · 区划代码' })
  @PrimaryColumn({ type: 'varchar', length: 15, collation: 'C' })
  code: string;

  @Field({ description: 'Name · 名称' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => AreaLevel, { description: 'Level in the hierarchy · 层级' })
  @Column({ type: 'varchar', length: 16 })
  level: AreaLevel;

  @Field(() => String, { nullable: true, description: 'Code of the parent area · 上级区划代码' })
  @Column({ name: 'parent_code', type: 'varchar', length: 15, nullable: true, collation: 'C' })
  parentCode: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the county this area lies in · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, nullable: true, collation: 'C' })
  countyCode: string | null;
}
