import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CycleKind, CycleState, SupportScheme } from '../support.enums';
import { fen, SafeInt } from './money';

@ObjectType('SupportPaymentCycle', { description: 'A payment cycle of one scheme, county and period (prepared by one officer, approved by another) · 资金发放批次' })
@Directive('@key(fields: "id")')
@Entity({ name: 'payment_cycle' })
export class PaymentCycle {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Cycle code, as the bank files name it · 批次编号' })
  @Column({ type: 'varchar', length: 40, collation: 'C' })
  code: string;

  @Field(() => SupportScheme, { description: 'Scheme · 项目' })
  @Column({ type: 'varchar', length: 32 })
  scheme: SupportScheme;

  @Field(() => CycleKind, { description: 'Regular or re-payment · 批次类型' })
  @Column({ type: 'varchar', length: 16 })
  kind: CycleKind;

  @Field({ description: 'Area the cycle pays (its county) · 发放区划代码（县）' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County · 县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => Int, { description: 'Year paid for · 年度' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Int, { description: 'Instalment of the year, from 1 · 期次' })
  @Column({ type: 'smallint' })
  period: number;

  @Field(() => Int, { description: 'Instalments in the county’s year (a setting) · 年度期数' })
  @Column({ type: 'smallint' })
  periods: number;

  @Column({ name: 'verification_id', type: 'uuid' })
  verificationId: string;

  @Column({ name: 'source_cycle_id', type: 'uuid', nullable: true })
  sourceCycleId: string | null;

  @Field(() => CycleState, { description: 'State · 状态' })
  @Column({ type: 'varchar', length: 16 })
  state: CycleState;

  @Field(() => Int, { description: 'Lines in the cycle · 明细笔数' })
  @Column({ name: 'line_count', type: 'integer' })
  lineCount: number;

  @Field(() => SafeInt, { description: 'Total of the lines, in fen · 合计金额（分）' })
  @Column({ name: 'total_fen', type: 'bigint', transformer: fen })
  totalFen: number;

  @Field({ description: 'Who generated it (the maker) · 编制人' })
  @Column({ name: 'prepared_by', type: 'varchar', length: 128 })
  preparedBy: string;

  @Field(() => String, { nullable: true, description: 'Who submitted it for approval · 提交人' })
  @Column({ name: 'submitted_by', type: 'varchar', length: 128, nullable: true })
  submittedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Who approved it (the checker, never the maker) · 审批人' })
  @Column({ name: 'approved_by', type: 'varchar', length: 128, nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who issued the bank file · 导出人' })
  @Column({ name: 'exported_by', type: 'varchar', length: 128, nullable: true })
  exportedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Who reconciled it · 对账人' })
  @Column({ name: 'reconciled_by', type: 'varchar', length: 128, nullable: true })
  reconciledBy: string | null;
}
