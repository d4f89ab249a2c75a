import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A cadre paired with a household (干部包户/挂钩联系) · 干部包户' })
@Entity({ name: 'cadre_pairing' })
export class CadrePairing {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field(() => LocalDateResolver, { description: 'First day of the pairing · 结对日期' })
  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day, when ended · 结束日期' })
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
