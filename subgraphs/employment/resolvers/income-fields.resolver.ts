import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { revealIncome } from '../../../platform/security/sensitive';
import type { EmploymentContext } from '../employment.context';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import { HouseholdStub } from '../entities/household.stub';

@Resolver(() => HouseholdIncomeSurvey)
export class IncomeSurveyFieldsResolver {
  @FieldResolver(() => HouseholdStub, { description: 'Household surveyed · 移民户' })
  household(@Root() s: HouseholdIncomeSurvey): HouseholdStub {
    return { id: s.householdId };
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Household net income for the year, yuan; null unless your role or purpose needs incomes (full reads are audited) · 家庭全年纯收入（元，按需提供，读取留痕）' })
  netIncome(@Root() s: HouseholdIncomeSurvey, @Ctx() ctx: EmploymentContext): number | null {
    return revealIncome(ctx, { type: 'HouseholdIncomeSurvey', id: s.id, areaCode: s.areaCode }, 'netIncome', s.netIncome);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Per-capita net income, yuan (net income ÷ members, rounded); null unless your role or purpose needs incomes (full reads are audited) · 人均纯收入（元，按需提供，读取留痕）' })
  perCapitaNetIncome(@Root() s: HouseholdIncomeSurvey, @Ctx() ctx: EmploymentContext): number | null {
    return revealIncome(ctx, { type: 'HouseholdIncomeSurvey', id: s.id, areaCode: s.areaCode }, 'perCapitaNetIncome', s.perCapitaNetIncome);
  }
}
