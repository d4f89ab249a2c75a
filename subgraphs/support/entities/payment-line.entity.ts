import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SupportScheme } from '../support.enums';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fen, SafeInt } from './money';

@ObjectType('SupportPaymentLine', { description: 'What a cycle pays one person; frozen once the cycle leaves DRAFT · 发放明细' })
@Directive('@key(fields: "id")')
@Entity({ name: 'payment_line' })
export class PaymentLine {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Field(() => SupportScheme, { description: 'Scheme · 项目' })
  @Column({ type: 'varchar', length: 32 })
  scheme: SupportScheme;

  @Field(() => Int, { description: 'Year paid for · 年度' })
  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group of the person · 现居住地区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County · 县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => SafeInt, { description: 'Amount, in fen · 金额（分）' })
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fen })
  amountFen: number;

  @Column({ name: 'source_line_id', type: 'uuid', nullable: true })
  sourceLineId: string | null;
}
