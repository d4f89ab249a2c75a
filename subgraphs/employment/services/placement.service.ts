import { randomUUID } from 'node:crypto';
import { conflict, forbidden, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { inTransaction } from '../../../platform/db/transaction';
import type { EmploymentContext } from '../employment.context';
import { LabourStatus, PlacementType } from '../employment.enums';
import { scopedShared } from '../employment.loaders';
import { Employer } from '../entities/employer.entity';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { EmploymentPlacement } from '../entities/placement.entity';
import type { EndPlacementInput, StartPlacementInput } from '../inputs/records.input';
import { personRecord, requireInScope } from './employment.validation';
import { checkEmployerKind, checkPlacementEnd, checkPlacementFields, OVERLAP, sameStart } from './placement.validation';
import { checkId } from '../../../platform/graphql/validation';

const overlapConflict = () => conflict('input.startDate', OVERLAP.zh, OVERLAP.en);

/**
 * Starts a placement: validated first (type-specific fields, dates, wage, employer kind), then in
 * one transaction the overlap check (no two full-time placements at once), the insert, and the
 * person's labour status set to EMPLOYED.
 */
export async function startPlacement(ctx: EmploymentContext, input: StartPlacementInput): Promise<EmploymentPlacement> {
  const problems = new Problems();
  const { personId, province } = checkPlacementFields(problems, 'input', input, { field: 'employerId', given: !!input.employerId });
  const employerId = input.employerId && input.type !== PlacementType.SELF_EMPLOYED ? checkId(problems, 'input.employerId', input.employerId) : null;
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const person = await personRecord(manager, ctx, personId, 'input.personId');
    // one writer per person at a time, so two clerks cannot both pass the overlap check
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`placement:${personId}`]);
    if (employerId) {
      const employer = await manager.getRepository(Employer).findOneBy({ id: employerId });
      if (!employer && (await existsElsewhere(manager, Employer, 'id', employerId))) throw forbidden('用工主体超出您的管辖范围', 'The employer is outside your jurisdiction');
      const refs = new Problems();
      if (!employer) refs.add('input.employerId', '用工主体不存在', 'employerId is not a known employer');
      else checkEmployerKind(refs, 'input.employerId', input.type, employer.kind);
      refs.throwIfAny();
      const visible = await scopedShared(manager, Employer, ctx.scope, 'x').andWhere('x.id = :id', { id: employerId }).getExists();
      if (!visible) throw forbidden('用工主体超出您的管辖范围', 'The employer is outside your jurisdiction');
    }
    if (input.fullTime) {
      const overlapping = await manager
        .getRepository(EmploymentPlacement)
        .createQueryBuilder('x')
        .where('x.person_id = :personId AND x.full_time', { personId })
        .andWhere('(x.end_date IS NULL OR x.end_date >= :start)', { start: input.startDate })
        .getExists();
      if (overlapping) throw overlapConflict();
    }
    // a person's placements are known by their start dates (the placements sheet's key)
    if (await manager.getRepository(EmploymentPlacement).existsBy({ personId, startDate: input.startDate })) {
      const same = sameStart(input.startDate);
      throw conflict('input.startDate', same.zh, same.en);
    }
    const row: Partial<EmploymentPlacement> = {
      id: randomUUID(),
      personId,
      householdId: person.householdId,
      areaCode: person.areaCode,
      countyCode: person.countyCode,
      type: input.type,
      employerId,
      destinationProvince: province,
      selfEmploymentKind: input.selfEmploymentKind ?? null,
      fullTime: input.fullTime,
      startDate: input.startDate,
      endDate: null,
      monthlyWage: input.monthlyWage ?? null,
      endReason: null,
    };
    await manager.insert(EmploymentPlacement, row);
    await manager.update(LabourStatusRecord, { id: person.id }, { status: LabourStatus.EMPLOYED, verifiedOn: input.startDate > person.verifiedOn ? input.startDate : person.verifiedOn });
    return manager.findOneByOrFail(EmploymentPlacement, { id: row.id! });
  }, overlapConflict);
}

/** Ends a placement: the end must not precede the start, and a placement ends once. */
export async function endPlacement(ctx: EmploymentContext, input: EndPlacementInput): Promise<EmploymentPlacement> {
  const problems = new Problems();
  const id = checkId(problems, 'input.placementId', input.placementId);
  checkPlacementEnd(problems, 'input', input);
  problems.throwIfAny();

  return inTransaction(ctx, async (manager) => {
    const placement = await manager.getRepository(EmploymentPlacement).findOneBy({ id });
    if (!placement && (await existsElsewhere(manager, EmploymentPlacement, 'id', id))) throw forbidden();
    if (!placement) {
      const missing = new Problems();
      missing.add('input.placementId', '就业安置记录不存在', 'placementId is not a known placement');
      missing.throwIfAny();
    }
    requireInScope(ctx, placement!.areaCode);
    if (placement!.endDate) throw conflict('input.placementId', `该就业记录已于 ${placement!.endDate} 结束`, `The placement already ended on ${placement!.endDate}`);
    const late = new Problems();
    checkPlacementEnd(late, 'input', input, placement!.startDate);
    late.throwIfAny();
    await manager.update(EmploymentPlacement, { id }, { endDate: input.endDate, endReason: input.reason?.trim() || null });
    return manager.findOneByOrFail(EmploymentPlacement, { id });
  });
}
