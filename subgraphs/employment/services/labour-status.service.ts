import { stableUuid } from '../../../platform/demo/random';
import { Problems } from '../../../platform/graphql/errors';
import { requirePerson } from '../../../platform/events/registry-lookup';
import { inTransaction } from '../../../platform/db/transaction';
import type { EmploymentContext } from '../employment.context';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import type { RecordLabourStatusInput } from '../inputs/records.input';
import { checkFirstCheck, checkLabourCheck, checkLaterCheck } from './labour-status.validation';

/**
 * Records a labour-status check. The person's household, resident group and birth date come
 * from this subgraph's projection of the registry, never from the caller: a person the
 * registry does not know is NOT_FOUND, one outside the jurisdiction FORBIDDEN, a removed one
 * BAD_USER_INPUT.
 */
export async function recordLabourStatusCheck(ctx: EmploymentContext, input: RecordLabourStatusInput): Promise<LabourStatusRecord> {
  const problems = new Problems();
  const { personId } = checkLabourCheck(problems, 'input', input);
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const person = await requirePerson(manager, ctx.scope, personId, 'input.personId');
    const repo = manager.getRepository(LabourStatusRecord);
    const existing = await repo.findOneBy({ personId });
    const late = new Problems();
    if (existing) {
      checkLaterCheck(late, 'input', existing, { verifiedOn: input.verifiedOn, householdId: null });
      late.throwIfAny();
      await repo.update({ id: existing.id }, { status: input.status, verifiedOn: input.verifiedOn, note: input.note?.trim() || null });
      return repo.findOneByOrFail({ id: existing.id });
    }
    checkFirstCheck(late, 'input', { verifiedOn: input.verifiedOn, birthDate: person.birthDate }, ctx.config.workingAge.min);
    late.throwIfAny();
    const row = {
      id: stableUuid('labour-status', personId),
      personId,
      householdId: person.householdId,
      areaCode: person.areaCode,
      countyCode: person.countyCode,
      birthDate: person.birthDate,
      status: input.status,
      verifiedOn: input.verifiedOn,
      note: input.note?.trim() || null,
    };
    await repo.insert(row);
    return repo.findOneByOrFail({ id: row.id });
  });
}
