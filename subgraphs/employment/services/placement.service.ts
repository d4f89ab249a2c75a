import { randomUUID } from 'node:crypto';
import { conflict, forbidden, Problems } from '../../shared/errors';
import { existsElsewhere } from '../../shared/loaders';
import { inTransaction } from '../../shared/transaction';
import { checkDate, checkText } from '../../shared/validation';
import type { EmploymentContext } from '../employment.context';
import { EmployerKind, LabourStatus, PlacementType, PROVINCES } from '../employment.enums';
import { scopedShared } from '../employment.loaders';
import { Employer } from '../entities/employer.entity';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { EmploymentPlacement } from '../entities/placement.entity';
import type { EndPlacementInput, StartPlacementInput } from '../inputs/records.input';
import { checkId, checkInt, personRecord, requireInScope } from './checks';

/** Which employer kinds each placement type takes (labour export and self-employment need none). */
const EMPLOYER_KINDS: Partial<Record<PlacementType, EmployerKind[]>> = {
  [PlacementType.ASSISTANCE_WORKSHOP]: [EmployerKind.ASSISTANCE_WORKSHOP],
  [PlacementType.LOCAL_ENTERPRISE]: [EmployerKind.ENTERPRISE, EmployerKind.COOPERATIVE],
  [PlacementType.PUBLIC_WELFARE_POST]: [EmployerKind.PUBLIC_BODY],
};

const overlapConflict = () =>
  conflict('input.startDate', '该人员在此期间已有全职就业记录，不能重叠登记', 'The person already holds a full-time placement overlapping this one');

/**
 * Starts a placement: validated first (type-specific fields, dates, wage, employer kind), then in
 * one transaction the overlap check (no two full-time placements at once), the insert, and the
 * person's labour status set to EMPLOYED.
 */
export async function startPlacement(ctx: EmploymentContext, input: StartPlacementInput): Promise<EmploymentPlacement> {
  const problems = new Problems();
  const personId = checkId(problems, 'input.personId', input.personId);
  const kinds = EMPLOYER_KINDS[input.type];
  let employerId: string | null = null;
  if (kinds && !input.employerId) problems.add('input.employerId', '此就业方式须填写用工主体', `employerId is required for ${input.type}`);
  if (input.employerId) {
    if (input.type === PlacementType.SELF_EMPLOYED) problems.add('input.employerId', '自主创业不填写用工主体', 'SELF_EMPLOYED takes no employerId');
    else employerId = checkId(problems, 'input.employerId', input.employerId);
  }
  const province = input.destinationProvince?.trim() || null;
  if (input.type === PlacementType.LABOUR_EXPORT) {
    if (!province) problems.add('input.destinationProvince', '劳务输出须填写目的地省份', 'destinationProvince is required for LABOUR_EXPORT');
    else if (!(PROVINCES as readonly string[]).includes(province)) problems.add('input.destinationProvince', '目的地省份不存在（如：浙江、广东）', 'destinationProvince is not a province (e.g. 浙江, 广东)');
  } else if (province) problems.add('input.destinationProvince', '仅劳务输出填写目的地省份', 'destinationProvince is only for LABOUR_EXPORT');
  if (input.type === PlacementType.SELF_EMPLOYED && !input.selfEmploymentKind) {
    problems.add('input.selfEmploymentKind', '自主创业须填写创业类型', 'selfEmploymentKind is required for SELF_EMPLOYED');
  }
  if (input.type !== PlacementType.SELF_EMPLOYED && input.selfEmploymentKind) {
    problems.add('input.selfEmploymentKind', '仅自主创业填写创业类型', 'selfEmploymentKind is only for SELF_EMPLOYED');
  }
  checkDate(problems, 'input.startDate', input.startDate, '开始日期');
  checkInt(problems, 'input.monthlyWage', input.monthlyWage, 0, 100_000, '月工资');
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
      else if (kinds && !kinds.includes(employer.kind)) refs.add('input.employerId', '用工主体类型与就业方式不符', `The employer is a ${employer.kind}, not what ${input.type} takes`);
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
  checkDate(problems, 'input.endDate', input.endDate, '结束日期');
  checkText(problems, 'input.reason', input.reason, '离岗原因', 200, false);
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
    if (input.endDate < placement!.startDate) {
      const late = new Problems();
      late.add('input.endDate', `结束日期不能早于开始日期（${placement!.startDate}）`, `endDate cannot be before startDate (${placement!.startDate})`);
      late.throwIfAny();
    }
    await manager.update(EmploymentPlacement, { id }, { endDate: input.endDate, endReason: input.reason?.trim() || null });
    return manager.findOneByOrFail(EmploymentPlacement, { id });
  });
}
