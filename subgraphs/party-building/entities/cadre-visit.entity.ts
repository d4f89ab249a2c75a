import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A paired cadre’s visit to a household · 入户走访记录' })
@Entity({ name: 'cadre_visit' })
export class CadreVisit {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field(() => LocalDateResolver, { description: 'Date of the visit · 走访日期' })
  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Field({ description: 'What was seen and said · 走访情况' })
  @Column({ type: 'varchar', length: 500 })
  notes: string;

  @Field(() => String, { nullable: true, description: 'Follow-up promised · 后续跟进事项' })
  @Column({ name: 'follow_up', type: 'varchar', length: 500, nullable: true })
  followUp: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Follow-up due by · 跟进期限' })
  @Column({ name: 'follow_up_due', type: 'date', nullable: true })
  followUpDue: string | null;

  @Field({ description: 'Code of the household’s area · 所在区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
