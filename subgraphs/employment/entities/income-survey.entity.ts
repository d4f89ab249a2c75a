import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A household’s income survey for one year · 移民户年度收入调查' })
@Directive('@key(fields: "id")')
@Entity({ name: 'income_survey' })
export class HouseholdIncomeSurvey {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group of the household · 现居住地（居民小组）区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County responsible for the household · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => Int, { description: 'Year surveyed · 调查年度' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int, { description: 'Household members counted · 家庭常住人口' })
  @Column({ name: 'household_size', type: 'integer' })
  householdSize: number;

  /** Sensitive (income), like `perCapitaNetIncome`: exposed through field resolvers that withhold them (`revealIncome`). */
  @Column({ name: 'net_income', type: 'integer' })
  netIncome: number;

  @Column({ name: 'per_capita_net_income', type: 'integer' })
  perCapitaNetIncome: number;

  @Field(() => LocalDateResolver, { description: 'Date surveyed · 调查日期' })
  @Column({ name: 'surveyed_on', type: 'date' })
  surveyedOn: string;
}
