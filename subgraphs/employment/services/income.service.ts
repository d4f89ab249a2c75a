import { randomUUID } from 'node:crypto';
import { conflict, forbidden, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { inTransaction } from '../../../platform/db/transaction';
import { checkDate, checkId, checkInt } from '../../../platform/graphql/validation';
import type { EmploymentContext } from '../employment.context';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import type { RecordIncomeSurveyInput } from '../inputs/records.input';
import { checkGroupCode, requireInScope } from './employment.validation';
import { countyOf } from '../../../platform/domain/area-code';

/**
 * Records a household's income survey for a year (one per household and year). The household's
 * area comes from what this subgraph already holds about it (an earlier survey, a member's
 * labour-status record); for a household it has never seen, `areaCode` is required.
 */
export async function recordIncomeSurvey(ctx: EmploymentContext, input: RecordIncomeSurveyInput): Promise<HouseholdIncomeSurvey> {
  const problems = new Problems();
  const householdId = checkId(problems, 'input.householdId', input.householdId);
  const given = input.areaCode ? checkGroupCode(problems, 'input.areaCode', input.areaCode) : null;
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
    const known =
      (await manager.getRepository(HouseholdIncomeSurvey).findOne({ where: { householdId }, order: { year: 'DESC' } })) ??
      (await manager.getRepository(LabourStatusRecord).findOneBy({ householdId }));
    if (!known && (await existsElsewhere(manager, HouseholdIncomeSurvey, 'household_id', householdId))) throw forbidden();
    if (!known && (await existsElsewhere(manager, LabourStatusRecord, 'household_id', householdId))) throw forbidden();
    const refs = new Problems();
    if (!known && !given) refs.add('input.areaCode', '首次登记该户须填写现居住地居民小组代码', 'areaCode is required for a household not yet known here');
    if (known && given && known.areaCode !== given) refs.add('input.areaCode', `与该户已登记的居住地（${known.areaCode}）不符`, `areaCode differs from the household's (${known.areaCode})`);
    refs.throwIfAny();
    const areaCode = known?.areaCode ?? given!;
    requireInScope(ctx, areaCode);
    if (await manager.getRepository(HouseholdIncomeSurvey).existsBy({ householdId, year: input.year })) throw duplicate();
    const row = {
      id: randomUUID(), householdId, areaCode, countyCode: countyOf(areaCode), year: input.year, householdSize: input.householdSize,
      netIncome: input.netIncome, perCapitaNetIncome: Math.round(input.netIncome / input.householdSize), surveyedOn: input.surveyedOn,
    };
    await manager.insert(HouseholdIncomeSurvey, row);
    return manager.findOneByOrFail(HouseholdIncomeSurvey, { id: row.id });
  }, duplicate);
}
