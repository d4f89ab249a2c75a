import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import type { EmploymentContext } from '../employment.context';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import { IncomeSurveyFilter } from '../inputs/filters.input';
import { listIncomeSurveys } from '../services/employment-query.service';
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
}
