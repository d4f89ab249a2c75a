import { Arg, Args, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { Entitlement } from '../entities/entitlement.entity';
import { PaymentStandard } from '../entities/payment-standard.entity';
import { Verification, VerificationEntry } from '../entities/verification.entity';
import { VerificationEntryFilter } from '../inputs/filters.input';
import { listEntitlements, listEntries, listStandards, listVerifications } from '../services/support-query.service';
import type { SupportContext } from '../support.context';
import { INDIVIDUAL_READERS } from './roles';

const VerificationConnection = ConnectionType(Verification, 'SupportVerification', 'A page of verifications · 人口核定分页列表');
const EntryConnection = ConnectionType(VerificationEntry, 'SupportVerificationEntry', 'A page of verification entries · 人口核定明细分页列表');
const EntitlementConnection = ConnectionType(Entitlement, 'SupportEntitlement', 'A page of entitlements · 扶持资格分页列表');
const StandardConnection = ConnectionType(PaymentStandard, 'SupportPaymentStandard', 'A page of payment standards · 发放标准分页列表');

@Resolver()
export class VerificationResolver {
  @Authorized(...INDIVIDUAL_READERS)
  @Query(() => VerificationConnection, { description: 'The counties’ yearly verifications inside your jurisdiction · 年度人口核定列表' })
  supportVerifications(@Ctx() ctx: SupportContext, @Args() page: PageArgs,
    @Arg('year', () => Int, { nullable: true, description: 'Year · 年度' }) year?: number): Promise<Page<Verification>> {
    return listVerifications(ctx, year, page);
  }

  @Authorized(...INDIVIDUAL_READERS)
  @Query(() => EntryConnection, { description: 'Persons on the verification lists inside your jurisdiction, filtered and paginated · 人口核定明细' })
  verificationEntries(@Ctx() ctx: SupportContext, @Args() page: PageArgs,
    @Arg('filter', () => VerificationEntryFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: VerificationEntryFilter): Promise<Page<VerificationEntry>> {
    return listEntries(ctx, filter, page);
  }

  @Authorized(...INDIVIDUAL_READERS)
  @Query(() => EntitlementConnection, { description: 'Entitlements inside your jurisdiction · 扶持资格列表' })
  supportEntitlements(@Ctx() ctx: SupportContext, @Args() page: PageArgs,
    @Arg('areaCode', () => String, { nullable: true, description: 'Any area code: that area and below · 区划代码（含下级）' }) areaCode?: string): Promise<Page<Entitlement>> {
    return listEntitlements(ctx, areaCode, page);
  }

  @Query(() => StandardConnection, { description: 'Payment standards of your counties · 发放标准' })
  paymentStandards(@Ctx() ctx: SupportContext, @Args() page: PageArgs,
    @Arg('year', () => Int, { nullable: true, description: 'Year · 年度' }) year?: number): Promise<Page<PaymentStandard>> {
    return listStandards(ctx, year, page);
  }
}
