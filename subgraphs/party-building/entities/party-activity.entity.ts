import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PartyActivityType } from '../party-building.enums';

@ObjectType({ description: 'Activity of a party organisation (三会一课, theme party day …) · 党组织活动' })
@Entity({ name: 'party_activity' })
export class PartyActivity {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Field(() => PartyActivityType, { description: 'Kind of activity · 活动类型' })
  @Column({ type: 'varchar', length: 32 })
  type: PartyActivityType;

  @Field(() => LocalDateResolver, { description: 'Date held · 活动日期' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field({ description: 'Topic · 主题' })
  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Field(() => Int, { description: 'Number of attendees · 参加人数' })
  @Column({ type: 'integer' })
  attendees: number;

  @Field({ description: 'Code of the organisation’s area · 所在区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
