import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HouseholdStub } from '../entities/household.stub';
import { PaymentLine } from '../entities/payment-line.entity';
import { requireYear } from '../services/support.validation';
import type { SupportContext } from '../support.context';
import { INDIVIDUAL_READERS } from './roles';

/** Fields this subgraph contributes to the households subgraph's Household. */
@Resolver(() => HouseholdStub)
export class HouseholdFieldsResolver {
  @Authorized(...INDIVIDUAL_READERS)
  @FieldResolver(() => [PaymentLine], { description: 'Payment lines of the household’s members, by year (all years when none is given) · 本户发放记录' })
  async supportPayments(@Root() h: HouseholdStub, @Ctx() ctx: SupportContext,
    @Arg('year', () => Int, { nullable: true, description: 'Year · 年度' }) year?: number | null): Promise<PaymentLine[]> {
    const wanted = year === undefined || year === null ? null : requireYear(year, 'year');
    const all = await ctx.loaders.linesOfHousehold.load(h.id);
    return wanted === null ? all : all.filter((l) => l.year === wanted);
  }
}
