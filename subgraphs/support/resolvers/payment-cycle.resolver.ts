import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { requireId } from '../../../platform/graphql/validation';
import { LedgerEntry } from '../entities/ledger-entry.entity';
import { PaymentCycle } from '../entities/payment-cycle.entity';
import { PaymentLine } from '../entities/payment-line.entity';
import { PaymentCycleFilter, PaymentLineFilter } from '../inputs/filters.input';
import { listCycles, listLedger, listLines } from '../services/support-query.service';
import type { SupportContext } from '../support.context';
import { INDIVIDUAL_READERS } from './roles';

export const PaymentCycleConnection = ConnectionType(PaymentCycle, 'SupportPaymentCycle', 'A page of payment cycles · 发放批次分页列表');
export const PaymentLineConnection = ConnectionType(PaymentLine, 'SupportPaymentLine', 'A page of payment lines · 发放明细分页列表');
export const LedgerEntryConnection = ConnectionType(LedgerEntry, 'SupportLedgerEntry', 'A page of ledger entries · 台账记录分页列表');

@Resolver()
export class PaymentCycleResolver {
  @Authorized(...INDIVIDUAL_READERS)
  @Query(() => PaymentCycle, { nullable: true, description: 'One payment cycle by id, inside your jurisdiction · 按标识查询发放批次' })
  paymentCycle(@Arg('id', () => ID, { description: 'Cycle id · 批次标识' }) id: string, @Ctx() ctx: SupportContext): Promise<PaymentCycle | null> {
    return ctx.loaders.cycle.load(requireId(id, 'id'));
  }

  @Authorized(...INDIVIDUAL_READERS)
  @Query(() => PaymentCycleConnection, { description: 'Payment cycles inside your jurisdiction, filtered and paginated · 发放批次列表' })
  paymentCycles(@Ctx() ctx: SupportContext, @Args() page: PageArgs,
    @Arg('filter', () => PaymentCycleFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: PaymentCycleFilter): Promise<Page<PaymentCycle>> {
    return listCycles(ctx, filter, page);
  }

  @Authorized(...INDIVIDUAL_READERS)
  @Query(() => PaymentLineConnection, { description: 'Payment lines inside your jurisdiction, filtered and paginated · 发放明细列表' })
  paymentLines(@Ctx() ctx: SupportContext, @Args() page: PageArgs,
    @Arg('filter', () => PaymentLineFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: PaymentLineFilter): Promise<Page<PaymentLine>> {
    return listLines(ctx, filter, page);
  }

  @Authorized(...INDIVIDUAL_READERS)
  @Query(() => LedgerEntryConnection, { description: 'A cycle’s ledger entries, in the order recorded · 批次台账' })
  supportLedger(@Ctx() ctx: SupportContext, @Args() page: PageArgs,
    @Arg('cycleId', () => ID, { description: 'Cycle id · 批次标识' }) cycleId: string): Promise<Page<LedgerEntry>> {
    return listLedger(ctx, cycleId, page);
  }
}
