import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PlacementType, SelfEmploymentKind } from '../employment.enums';

@ObjectType({ description: 'A job placement of a person: with an employer, a public-welfare post, labour export or self-employment · 就业安置记录' })
@Directive('@key(fields: "id")')
@Entity({ name: 'placement' })
export class EmploymentPlacement {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group of the person · 现居住地（居民小组）区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County responsible for the person · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => PlacementType, { description: 'How the person is employed · 就业方式' })
  @Column({ type: 'varchar', length: 24 })
  type: PlacementType;

  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId: string | null;

  @Field(() => String, { nullable: true, description: 'Destination province of labour export · 劳务输出目的地（省）' })
  @Column({ name: 'destination_province', type: 'varchar', length: 8, nullable: true })
  destinationProvince: string | null;

  @Field(() => SelfEmploymentKind, { nullable: true, description: 'Kind of self-employment · 自主创业类型' })
  @Column({ name: 'self_employment_kind', type: 'varchar', length: 24, nullable: true })
  selfEmploymentKind: SelfEmploymentKind | null;

  @Field({ description: 'Full-time (a person holds at most one full-time placement at a time) · 是否全职' })
  @Column({ name: 'full_time', type: 'boolean' })
  fullTime: boolean;

  @Field(() => LocalDateResolver, { description: 'First day · 开始日期' })
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day; empty while it lasts · 结束日期' })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  /** Sensitive (income): exposed through a field resolver that withholds it (`revealIncome`). */
  @Column({ name: 'monthly_wage', type: 'integer', nullable: true })
  monthlyWage: number | null;

  @Field(() => String, { nullable: true, description: 'Why the placement ended · 离岗原因' })
  @Column({ name: 'end_reason', type: 'varchar', length: 200, nullable: true })
  endReason: string | null;
}
