import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LedgerKind, SupportScheme } from '../support.enums';
import { fen, SafeInt } from './money';

@ObjectType('SupportLedgerEntry', { description: 'An entry of the append-only payment ledger · 资金发放台账记录' })
@Entity({ name: 'ledger_entry' })
export class LedgerEntry {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group · 现居住地区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => SupportScheme, { description: 'Scheme · 项目' })
  @Column({ type: 'varchar', length: 32 })
  scheme: SupportScheme;

  @Field(() => Int, { description: 'Year paid for · 年度' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => LedgerKind, { description: 'Payment, failure or reversal · 类型' })
  @Column({ type: 'varchar', length: 16 })
  kind: LedgerKind;

  @Field(() => SafeInt, { description: 'Signed amount, in fen: payments positive, failures and reversals negative · 金额（分，发放为正，失败与冲正为负）' })
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fen })
  amountFen: number;

  @Field(() => String, { nullable: true, description: 'The bank’s reason for a failure, or the reason for a reversal · 原因' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId: string | null;

  @Field({ description: 'Who recorded it · 记录人' })
  @Column({ name: 'recorded_by', type: 'varchar', length: 128 })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
