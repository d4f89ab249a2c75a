import type { EntityManager } from 'typeorm';
import { loadForChange } from '../../../platform/db/load-for-change';
import { badInput, forbidden, Problems } from '../../../platform/graphql/errors';
import { normalizeAreaCode, isAreaCodeShape } from '../../../platform/graphql/validation';
import { requirePerson } from '../../../platform/events/registry-lookup';
import type { EmploymentContext } from '../employment.context';
import { LabourStatusRecord } from '../entities/labour-status.entity';

/** Validation helpers shared by the mutations (they add to a Problems list; nothing is written). */

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
  const missing = () => badInput([{ field, zh: '该人员尚无劳动力状态记录，请先登记劳动力状态核查', en: 'This person has no labour-status record yet: record a labour-status check first' }]);
  return loadForChange(manager, ctx, LabourStatusRecord, { column: 'person_id', id: personId, field, lock: false, missing });
}
