import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { revealIncome } from '../../../platform/security/sensitive';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import type { EmploymentContext } from '../employment.context';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import { Household } from '../entities/registry.stubs';
import { IncomeSurveyFilter } from '../inputs/filters.input';
import { RecordIncomeSurveyInput } from '../inputs/records.input';
import { recordIncomeSurvey } from '../services/income.service';
import { listIncomeSurveys } from '../services/list.service';
import { requireId } from '../../../platform/graphql/validation';

export const IncomeSurveyConnection = ConnectionType(HouseholdIncomeSurvey, 'HouseholdIncomeSurvey', 'A page of income surveys · 收入调查分页列表');

@Resolver(() => HouseholdIncomeSurvey)
export class IncomeSurveyResolver {
  @Query(() => HouseholdIncomeSurvey, { nullable: true, description: 'One income survey by id, inside your jurisdiction · 按标识查询收入调查' })
  incomeSurvey(@Arg('id', () => ID, { description: 'Survey id · 调查标识' }) id: string, @Ctx() ctx: EmploymentContext): Promise<HouseholdIncomeSurvey | null> {
    return ctx.loaders.incomeSurvey.load(requireId(id, 'id'));
  }

  @Query(() => IncomeSurveyConnection, { description: 'Income surveys inside your jurisdiction, filtered and paginated · 收入调查列表' })
  incomeSurveys(
    @Ctx() ctx: EmploymentContext,
    @Args() page: PageArgs,
    @Arg('filter', () => IncomeSurveyFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: IncomeSurveyFilter,
  ): Promise<Page<HouseholdIncomeSurvey>> {
    return listIncomeSurveys(ctx, filter, page);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => HouseholdIncomeSurvey, { description: 'Record a household’s income survey for a year · 登记年度收入调查' })
  recordIncomeSurvey(@Arg('input', { description: 'The survey · 调查结果' }) input: RecordIncomeSurveyInput, @Ctx() ctx: EmploymentContext): Promise<HouseholdIncomeSurvey> {
    return recordIncomeSurvey(ctx, input);
  }

  @FieldResolver(() => Household, { description: 'Household surveyed · 移民户' })
  household(@Root() s: HouseholdIncomeSurvey): Household {
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
