import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Entitlement } from '../entities/entitlement.entity';
import { PaymentLine } from '../entities/payment-line.entity';
import { PersonStub } from '../entities/person.stub';
import { SubsidyCard } from '../entities/subsidy-card.entity';
import { VerificationEntry } from '../entities/verification.entity';
import { requireYear } from '../services/support.validation';
import type { SupportContext } from '../support.context';
import { INDIVIDUAL_READERS } from './roles';

/** Fields this subgraph contributes to the households subgraph's Person. */
@Resolver(() => PersonStub)
export class PersonFieldsResolver {
  @Authorized(...INDIVIDUAL_READERS)
  @FieldResolver(() => [Entitlement], { description: 'Entitlements under post-relocation support and annual compensation, derived from the registry · 扶持补偿资格' })
  supportEntitlements(@Root() p: PersonStub, @Ctx() ctx: SupportContext): Promise<Entitlement[]> {
    return ctx.loaders.entitlementsOfPerson.load(p.id);
  }

  @Authorized(...INDIVIDUAL_READERS)
  @FieldResolver(() => [PaymentLine], { description: 'Payment lines of the person, by year (all years when none is given) · 发放记录' })
  async payments(@Root() p: PersonStub, @Ctx() ctx: SupportContext,
    @Arg('year', () => Int, { nullable: true, description: 'Year · 年度' }) year?: number | null): Promise<PaymentLine[]> {
    const wanted = year === undefined || year === null ? null : requireYear(year, 'year');
    const all = await ctx.loaders.linesOfPerson.load(p.id);
    return wanted === null ? all : all.filter((l) => l.year === wanted);
  }

  @Authorized(...INDIVIDUAL_READERS)
  @FieldResolver(() => [VerificationEntry], { description: 'The person’s yearly verification results · 历年人口核定结果' })
  supportVerifications(@Root() p: PersonStub, @Ctx() ctx: SupportContext): Promise<VerificationEntry[]> {
    return ctx.loaders.entriesOfPerson.load(p.id);
  }

  @Authorized(...INDIVIDUAL_READERS)
  @FieldResolver(() => SubsidyCard, { nullable: true, description: 'The subsidy card payments go to · 惠民惠农一卡通' })
  subsidyCard(@Root() p: PersonStub, @Ctx() ctx: SupportContext): Promise<SubsidyCard | null> {
    return ctx.loaders.cardOfPerson.load(p.id);
  }
}
