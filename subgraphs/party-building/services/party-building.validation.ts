import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { badInput, forbidden, notFound, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { isIsoDate, isUuid } from '../../../platform/graphql/validation';
import type { PartyBuildingContext } from '../party-building.context';

/**
 * Loads a record a mutation refers to, inside the transaction: NOT_FOUND (naming the field) when
 * it does not exist, FORBIDDEN when it lies outside the caller's jurisdiction.
 */
export async function loadForChange<T extends ObjectLiteral & { areaCode: string }>(
  manager: EntityManager, ctx: PartyBuildingContext, entity: EntityTarget<T>, column: string, id: string, field: string, what: [string, string], lock = false,
): Promise<T> {
  const qb = manager.getRepository(entity).createQueryBuilder('x').where(`x.${column} = :id`, { id });
  if (lock) qb.setLock('pessimistic_write');
  const row = await qb.getOne();
  if (!row) throw (await existsElsewhere(manager, entity, column, id)) ? forbidden() : notFound(what[0], what[1], field);
  if (!ctx.scope.covers(row.areaCode)) throw forbidden();
  return row;
}


/** Like `loadForChange`, but a missing record is a bad input (e.g. a household not yet in a unit). */
export async function requireForChange<T extends ObjectLiteral & { areaCode: string }>(
  manager: EntityManager, ctx: PartyBuildingContext, entity: EntityTarget<T>, column: string, id: string, field: string, zh: string, en: string,
): Promise<T> {
  const row = await manager.getRepository(entity).createQueryBuilder('x').where(`x.${column} = :id`, { id }).getOne();
  if (!row) throw (await existsElsewhere(manager, entity, column, id)) ? forbidden() : badInput([{ field, zh, en }]);
  if (!ctx.scope.covers(row.areaCode)) throw forbidden();
  return row;
}

export function checkId(problems: Problems, field: string, value: string | null | undefined, required = true): void {
  if (value === undefined || value === null || value === '') {
    if (required) problems.add(field, '标识不能为空', `${field} is required`);
  } else if (!isUuid(value)) problems.add(field, '标识格式无效', `${field} is not a valid id`);
}

export function checkAnyDate(problems: Problems, field: string, value: string | null | undefined, label: string): void {
  if (value && !isIsoDate(value)) problems.add(field, `${label}须为有效日期（YYYY-MM-DD）`, `${field} must be a valid date (YYYY-MM-DD)`);
}

export function checkRange(problems: Problems, field: string, value: number, min: number, max: number, label: string): void {
  if (!Number.isInteger(value) || value < min || value > max) problems.add(field, `${label}须在 ${min} 至 ${max} 之间`, `${field} must be between ${min} and ${max}`);
}

/** The county of an area code (its first six digits). */
export const countyOf = (areaCode: string): string => areaCode.slice(0, 6);

/** `YYYY-MM-DD` plus `days`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
