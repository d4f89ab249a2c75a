import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'Hydropower station whose reservoir displaced the residents · 水电站（移民项目）' })
@Entity({ name: 'power_station' })
export class PowerStation {
  @Field(() => ID, { description: 'Station identifier: BAIHETAN, XILUODU or XIANGJIABA · 电站标识' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id: string;

  @Field({ description: 'Name · 名称' })
  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Field({ description: 'River · 所在河流' })
  @Column({ type: 'varchar', length: 16 })
  river: string;

  @Field(() => Int, { description: 'Installed capacity in MW · 装机容量（兆瓦）' })
  @Column({ name: 'capacity_mw', type: 'integer' })
  capacityMw: number;

  @Column({ name: 'affected_county_codes', type: 'varchar', array: true })
  affectedCountyCodes: string[];
}
