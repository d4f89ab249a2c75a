import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SupportScheme } from '../support.enums';
import { fen, SafeInt } from './money';

@ObjectType('SupportPaymentStandard', { description: 'Amount a scheme pays a person for a year in a county (and station) · 发放标准' })
@Entity({ name: 'payment_standard' })
export class PaymentStandard {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => SupportScheme, { description: 'Scheme · 项目' })
  @Column({ type: 'varchar', length: 32 })
  scheme: SupportScheme;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County · 县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => String, { nullable: true, description: 'Power station, when the standard differs by station; empty: the county’s · 电站（为空则全县适用）' })
  @Column({ name: 'station_id', type: 'varchar', length: 16, nullable: true })
  stationId: string | null;

  @Field(() => Int, { description: 'Year · 年度' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => SafeInt, { description: 'Amount a person a year, in fen (1 yuan = 100 fen) · 每人每年金额（分）' })
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fen })
  amountFen: number;
}
