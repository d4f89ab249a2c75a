import { randomUUID } from 'node:crypto';
import { conflict, Problems } from '../../../platform/graphql/errors';
import { requireHousehold } from '../../../platform/events/registry-lookup';
import { inTransaction } from '../../../platform/db/transaction';
import { checkDate, checkId, checkInt } from '../../../platform/graphql/validation';
import type { EmploymentContext } from '../employment.context';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import type { RecordIncomeSurveyInput } from '../inputs/records.input';

/**
 * Records a household's income survey for a year (one per household and year). The household's
 * area comes from this subgraph's projection of the registry.
 */
export async function recordIncomeSurvey(ctx: EmploymentContext, input: RecordIncomeSurveyInput): Promise<HouseholdIncomeSurvey> {
  const problems = new Problems();
  const householdId = checkId(problems, 'input.householdId', input.householdId);
  checkInt(problems, 'input.year', input.year, 2000, 2100, '调查年度');
  checkInt(problems, 'input.householdSize', input.householdSize, 1, 30, '家庭常住人口');
  checkInt(problems, 'input.netIncome', input.netIncome, 0, 10_000_000, '家庭纯收入');
  checkDate(problems, 'input.surveyedOn', input.surveyedOn, '调查日期');
  if (Number.isInteger(input.year) && input.surveyedOn && input.surveyedOn < `${input.year}-01-01`) {
    problems.add('input.surveyedOn', '调查日期不能早于调查年度', 'surveyedOn cannot be before the year surveyed');
  }
  problems.throwIfAny();
  const duplicate = () => conflict('input.year', `该户 ${input.year} 年度收入已登记`, `This household's income for ${input.year} is already recorded`);

  return inTransaction(ctx, async (manager) => {
    const household = await requireHousehold(manager, ctx.scope, householdId, 'input.householdId');
    if (await manager.getRepository(HouseholdIncomeSurvey).existsBy({ householdId, year: input.year })) throw duplicate();
    const row = {
      id: randomUUID(), householdId, areaCode: household.areaCode, countyCode: household.countyCode, year: input.year, householdSize: input.householdSize,
      netIncome: input.netIncome, perCapitaNetIncome: Math.round(input.netIncome / input.householdSize), surveyedOn: input.surveyedOn,
    };
    await manager.insert(HouseholdIncomeSurvey, row);
    return manager.findOneByOrFail(HouseholdIncomeSurvey, { id: row.id });
  }, duplicate);
}
