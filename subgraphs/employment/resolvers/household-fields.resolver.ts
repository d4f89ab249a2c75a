import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EmploymentContext } from '../employment.context';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import { HouseholdStub } from '../entities/household.stub';
import { requireYear } from '../services/employment-query.service';

/** Fields this subgraph contributes to the households subgraph's Household. */
@Resolver(() => HouseholdStub)
export class HouseholdFieldsResolver {
  @FieldResolver(() => [HouseholdIncomeSurvey], { description: 'Income surveys by year, latest first · 历年收入调查' })
  async incomes(
    @Root() h: HouseholdStub,
    @Ctx() ctx: EmploymentContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year · 仅此年度' }) year?: number | null,
  ): Promise<HouseholdIncomeSurvey[]> {
    const all = await ctx.loaders.incomesOfHousehold.load(h.id);
    return year === undefined || year === null ? all : all.filter((s) => s.year === requireYear(year, 'year'));
  }
}
