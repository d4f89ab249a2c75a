import { stableUuid } from '../../../platform/demo/random';
import { forbidden, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { inTransaction } from '../../../platform/db/transaction';
import type { EmploymentContext } from '../employment.context';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import type { RecordLabourStatusInput } from '../inputs/records.input';
import { requireInScope } from './employment.validation';
import { checkFirstCheck, checkLabourCheck, checkLaterCheck } from './labour-status.validation';
import { countyOf } from '../../../platform/domain/area-code';

/**
 * Records a labour-status check. The first check of a person also records their household,
 * resident group and birth date (from the registry); later checks need only the person.
 */
export async function recordLabourStatusCheck(ctx: EmploymentContext, input: RecordLabourStatusInput): Promise<LabourStatusRecord> {
  const problems = new Problems();
  const { personId, householdId, areaCode } = checkLabourCheck(problems, 'input', input);
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const repo = manager.getRepository(LabourStatusRecord);
    const existing = await repo.findOneBy({ personId });
    if (!existing && (await existsElsewhere(manager, LabourStatusRecord, 'person_id', personId))) throw forbidden();
    const late = new Problems();
    if (existing) {
      requireInScope(ctx, existing.areaCode);
      checkLaterCheck(late, 'input', existing, { verifiedOn: input.verifiedOn, householdId, birthDate: input.birthDate });
      late.throwIfAny();
      if (areaCode) requireInScope(ctx, areaCode, '现居住地超出您的管辖范围', 'areaCode is outside your jurisdiction');
      await repo.update({ id: existing.id }, {
        status: input.status,
        verifiedOn: input.verifiedOn,
        note: input.note?.trim() || null,
        ...(areaCode ? { areaCode, countyCode: countyOf(areaCode) } : {}),
      });
      return repo.findOneByOrFail({ id: existing.id });
    }
    checkFirstCheck(late, 'input', { verifiedOn: input.verifiedOn, householdId, areaCode, birthDate: input.birthDate }, ctx.config.workingAge.min);
    late.throwIfAny();
    requireInScope(ctx, areaCode!, '现居住地超出您的管辖范围', 'areaCode is outside your jurisdiction');
    const row = {
      id: stableUuid('labour-status', personId),
      personId,
      householdId: householdId!,
      areaCode: areaCode!,
      countyCode: countyOf(areaCode!),
      birthDate: input.birthDate!,
      status: input.status,
      verifiedOn: input.verifiedOn,
      note: input.note?.trim() || null,
    };
    await repo.insert(row);
    return repo.findOneByOrFail({ id: row.id });
  });
}
