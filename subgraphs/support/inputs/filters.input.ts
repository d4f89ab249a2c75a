import { Field, ID, InputType, Int } from 'type-graphql';
import { CycleState, ProjectKind, ProjectStatus, SupportScheme, VerificationResult } from '../support.enums';

const AREA = 'Any area code: that area and everything below it · 区划代码（含下级）';

@InputType({ description: 'Which payment cycles to list · 发放批次筛选条件' })
export class PaymentCycleFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => SupportScheme, { nullable: true, description: 'Scheme · 项目' })
  scheme?: SupportScheme | null;

  @Field(() => Int, { nullable: true, description: 'Year · 年度' })
  year?: number | null;

  @Field(() => CycleState, { nullable: true, description: 'State · 状态' })
  state?: CycleState | null;
}

@InputType({ description: 'Which payment lines to list · 发放明细筛选条件' })
export class PaymentLineFilter {
  @Field(() => ID, { nullable: true, description: 'Cycle · 批次' })
  cycleId?: string | null;

  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Person · 人员' })
  personId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year · 年度' })
  year?: number | null;
}

@InputType({ description: 'Which verification entries to list · 人口核定明细筛选条件' })
export class VerificationEntryFilter {
  @Field(() => Int, { nullable: true, description: 'Year · 年度' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => VerificationResult, { nullable: true, description: 'Result · 核定结果' })
  result?: VerificationResult | null;

  @Field(() => Boolean, { nullable: true, description: 'Only entries without a result yet · 仅未核定' })
  pending?: boolean | null;
}

@InputType({ description: 'Which support projects to list · 后期扶持项目筛选条件' })
export class SupportProjectFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => ProjectKind, { nullable: true, description: 'Kind · 类型' })
  kind?: ProjectKind | null;

  @Field(() => ProjectStatus, { nullable: true, description: 'Status · 状态' })
  status?: ProjectStatus | null;
}
