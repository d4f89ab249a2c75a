import { stableUuid } from '../../shared/random';
import { forbidden, Problems } from '../../shared/errors';
import { existsElsewhere } from '../../shared/loaders';
import { inTransaction } from '../../shared/transaction';
import { checkDate, checkText } from '../../shared/validation';
import type { EmploymentContext } from '../employment.context';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import type { RecordLabourStatusInput } from '../inputs/records.input';
import { checkGroupCode, checkId, requireInScope } from './checks';

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * Records a labour-status check. The first check of a person also records their household,
 * resident group and birth date (from the registry); later checks need only the person.
 */
export async function recordLabourStatusCheck(ctx: EmploymentContext, input: RecordLabourStatusInput): Promise<LabourStatusRecord> {
  const problems = new Problems();
  const personId = checkId(problems, 'input.personId', input.personId);
  checkDate(problems, 'input.verifiedOn', input.verifiedOn, '核查日期');
  checkText(problems, 'input.note', input.note, '备注', 200, false);
  const householdId = input.householdId ? checkId(problems, 'input.householdId', input.householdId) : null;
  const areaCode = input.areaCode ? checkGroupCode(problems, 'input.areaCode', input.areaCode) : null;
  checkDate(problems, 'input.birthDate', input.birthDate, '出生日期');
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const repo = manager.getRepository(LabourStatusRecord);
    const existing = await repo.findOneBy({ personId });
    if (!existing && (await existsElsewhere(manager, LabourStatusRecord, 'person_id', personId))) throw forbidden();
    const late = new Problems();
    if (existing) {
      requireInScope(ctx, existing.areaCode);
      if (input.verifiedOn < existing.verifiedOn) {
        late.add('input.verifiedOn', `核查日期早于上次核查（${existing.verifiedOn}）`, `verifiedOn is before the last check (${existing.verifiedOn})`);
      }
      if (householdId && householdId !== existing.householdId) late.add('input.householdId', '与已登记的所属移民户不符', 'householdId differs from the one on record');
      if (input.birthDate && input.birthDate !== existing.birthDate) late.add('input.birthDate', '与已登记的出生日期不符', 'birthDate differs from the one on record');
      late.throwIfAny();
      if (areaCode) requireInScope(ctx, areaCode, '现居住地超出您的管辖范围', 'areaCode is outside your jurisdiction');
      await repo.update({ id: existing.id }, {
        status: input.status,
        verifiedOn: input.verifiedOn,
        note: input.note?.trim() || null,
        ...(areaCode ? { areaCode, countyCode: areaCode.slice(0, 6) } : {}),
      });
      return repo.findOneByOrFail({ id: existing.id });
    }
    if (!householdId) late.add('input.householdId', '首次核查须填写所属移民户', 'householdId is required at the first check');
    if (!areaCode) late.add('input.areaCode', '首次核查须填写现居住地居民小组代码', 'areaCode is required at the first check');
    if (!input.birthDate) late.add('input.birthDate', '首次核查须填写出生日期', 'birthDate is required at the first check');
    else if (ageOn(input.birthDate, input.verifiedOn) < ctx.config.workingAge.min) {
      late.add('input.birthDate', `未满劳动年龄（${ctx.config.workingAge.min} 周岁）`, `The person is under working age (${ctx.config.workingAge.min})`);
    }
    late.throwIfAny();
    requireInScope(ctx, areaCode!, '现居住地超出您的管辖范围', 'areaCode is outside your jurisdiction');
    const row = {
      id: stableUuid('labour-status', personId),
      personId,
      householdId: householdId!,
      areaCode: areaCode!,
      countyCode: areaCode!.slice(0, 6),
      birthDate: input.birthDate!,
      status: input.status,
      verifiedOn: input.verifiedOn,
      note: input.note?.trim() || null,
    };
    await repo.insert(row);
    return repo.findOneByOrFail({ id: row.id });
  });
}
