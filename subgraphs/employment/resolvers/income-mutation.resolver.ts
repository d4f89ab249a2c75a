import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import type { EmploymentContext } from '../employment.context';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import { RecordIncomeSurveyInput } from '../inputs/records.input';
import { recordIncomeSurvey } from '../services/income.service';

@Resolver()
export class IncomeSurveyMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => HouseholdIncomeSurvey, { description: 'Record a household’s income survey for a year · 登记年度收入调查' })
  recordIncomeSurvey(@Arg('input', { description: 'The survey · 调查结果' }) input: RecordIncomeSurveyInput, @Ctx() ctx: EmploymentContext): Promise<HouseholdIncomeSurvey> {
    return recordIncomeSurvey(ctx, input);
  }
}
