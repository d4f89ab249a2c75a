import type { EntityManager } from 'typeorm';
import { forbidden, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { isUuid, normalizeAreaCode, isAreaCodeShape } from '../../../platform/graphql/validation';
import { requirePerson } from '../../../platform/events/registry-lookup';
import type { EmploymentContext } from '../employment.context';
import { LabourStatusRecord } from '../entities/labour-status.entity';

/** Validation helpers shared by the mutations (they add to a Problems list; nothing is written). */

export function checkId(problems: Problems, field: string, value: string | null | undefined): string {
  if (value && isUuid(value)) return value.toLowerCase();
  problems.add(field, '标识格式无效', `${field} is not a valid id`);
  return '';
}

export function checkGroupCode(problems: Problems, field: string, value: string): string {
  const code = normalizeAreaCode(value);
  if (!/^\d{15}$/.test(code)) problems.add(field, '须为 15 位居民小组代码', `${field} must be a 15-digit resident-group code`);
  return code;
}

export function checkAreaCode(problems: Problems, field: string, value: string): string {
  const code = normalizeAreaCode(value);
  if (!isAreaCodeShape(code) || code === '530600' || code.endsWith('0000')) {
    problems.add(field, '区划代码须为县、乡镇、村（社区）或居民小组代码', `${field} must be a county, township, community or group code`);
  }
  return code;
}

export function checkInt(problems: Problems, field: string, value: number | null | undefined, min: number, max: number, label: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) problems.add(field, `${label}须在 ${min} 至 ${max} 之间`, `${field} must be between ${min} and ${max}`);
}

/** A record a write refers to must be inside the caller's jurisdiction. */
export function requireInScope(ctx: EmploymentContext, areaCode: string, zh = '超出您的管辖范围', en = 'Outside your jurisdiction'): void {
  if (!ctx.scope.covers(areaCode)) throw forbidden(zh, en);
}

/**
 * The labour-status record of a person: placements and enrolments copy the person's household
 * and area from it. Without one, the person must first be checked (BAD_USER_INPUT on `field`).
 */
export async function personRecord(manager: EntityManager, ctx: EmploymentContext, personId: string, field: string): Promise<LabourStatusRecord> {
  // the registry first: unknown NOT_FOUND, outside the jurisdiction FORBIDDEN, removed BAD_USER_INPUT
  await requirePerson(manager, ctx.scope, personId, field);
  const record = await manager.getRepository(LabourStatusRecord).findOneBy({ personId });
  if (!record) {
    // hidden by the jurisdiction (and row-level security): FORBIDDEN when it exists elsewhere
    if (await existsElsewhere(manager, LabourStatusRecord, 'person_id', personId)) throw forbidden();
    const problems = new Problems();
    problems.add(field, '该人员尚无劳动力状态记录，请先登记劳动力状态核查', 'This person has no labour-status record yet: record a labour-status check first');
    problems.throwIfAny();
  }
  requireInScope(ctx, record!.areaCode);
  return record!;
}
