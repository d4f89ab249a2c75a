import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireId } from '../../../platform/graphql/validation';
import { PaymentCycle } from '../entities/payment-cycle.entity';
import { PaymentLine } from '../entities/payment-line.entity';
import { PaymentStandard } from '../entities/payment-standard.entity';
import { GenerateCycleInput, PaymentStandardInput } from '../inputs/records.input';
import {
  approvePaymentCycle, exportPaymentCycle, generatePaymentCycle, reconcilePaymentCycle, reversePaymentLine, submitPaymentCycle,
} from '../services/payment-cycle.service';
import { setPaymentStandard } from '../services/payment-standard.service';
import type { SupportContext } from '../support.context';
import { OFFICERS } from './roles';

const ID_ARG = { description: 'Cycle id · 批次标识' };

@Resolver()
export class PaymentCycleMutationResolver {
  @Authorized(...OFFICERS)
  @Mutation(() => PaymentStandard, { description: 'Record or change a payment standard · 登记发放标准' })
  setPaymentStandard(@Arg('input', { description: 'The scheme, county (or station), year and amount · 补助标准：项目、县（或电站）、年度及金额' }) input: PaymentStandardInput, @Ctx() ctx: SupportContext): Promise<PaymentStandard> {
    return setPaymentStandard(ctx, input);
  }

  @Authorized(...OFFICERS)
  @Mutation(() => PaymentCycle, { description: 'Generate a cycle from the year’s closed verification (the same cycle twice gives the same lines) · 生成发放批次' })
  generatePaymentCycle(@Arg('input', { description: 'The scheme, county and period · 发放周期：项目、县及期间' }) input: GenerateCycleInput, @Ctx() ctx: SupportContext): Promise<PaymentCycle> {
    return generatePaymentCycle(ctx, input);
  }

  @Authorized(...OFFICERS)
  @Mutation(() => PaymentCycle, { description: 'Submit a DRAFT cycle for approval · 提交审批' })
  submitPaymentCycle(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: SupportContext): Promise<PaymentCycle> {
    return submitPaymentCycle(ctx, requireId(id, 'id'));
  }

  @Authorized(...OFFICERS)
  @Mutation(() => PaymentCycle, { description: 'Approve a SUBMITTED cycle: by another officer than its preparer; nothing in it changes after · 审批发放批次（审批人不得为编制人）' })
  approvePaymentCycle(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: SupportContext): Promise<PaymentCycle> {
    return approvePaymentCycle(ctx, requireId(id, 'id'));
  }

  @Authorized(...OFFICERS)
  @Mutation(() => PaymentCycle, { description: 'Issue an APPROVED cycle’s bank payment file (EXPORTED) · 生成银行代发文件' })
  exportPaymentCycle(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: SupportContext): Promise<PaymentCycle> {
    return exportPaymentCycle(ctx, requireId(id, 'id'));
  }

  @Authorized(...OFFICERS)
  @Mutation(() => PaymentCycle, { description: 'Reconcile an EXPORTED cycle once the bank has returned every line; failed lines go to a re-payment cycle · 对账' })
  reconcilePaymentCycle(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: SupportContext): Promise<PaymentCycle> {
    return reconcilePaymentCycle(ctx, requireId(id, 'id'));
  }

  @Authorized(...OFFICERS)
  @Mutation(() => PaymentLine, { description: 'Correct a paid line with a reversal entry (the line itself never changes) · 冲正' })
  reversePaymentLine(
    @Arg('lineId', () => ID, { description: 'Line id · 明细标识' }) lineId: string,
    @Arg('reason', { description: 'Why, at most 200 characters · 冲正原因' }) reason: string,
    @Ctx() ctx: SupportContext,
  ): Promise<PaymentLine> {
    return reversePaymentLine(ctx, lineId, reason);
  }
}
