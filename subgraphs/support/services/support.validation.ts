import { badInput, forbidden, Problems } from '../../../platform/graphql/errors';
import { isAreaCodeShape, normalizeAreaCode } from '../../../platform/graphql/validation';
import { Role } from '../../../platform/security/identity';
import type { SupportContext } from '../support.context';

/** Validation helpers shared by the mutations and the sheets (nothing is written). */

export function checkYear(problems: Problems, field: string, value: number): void {
  if (!Number.isInteger(value) || value < 2006 || value > 2100) problems.add(field, '年度须在 2006 至 2100 之间', `${field} must be a year between 2006 and 2100`);
}

export function requireYear(value: number, field: string): number {
  const problems = new Problems();
  checkYear(problems, field, value);
  problems.throwIfAny();
  return value;
}

/** A county code (6 digits, not the prefecture's); old codes mapped to today's. */
export function checkCounty(problems: Problems, field: string, value: string): string {
  const code = normalizeAreaCode(value ?? '');
  if (!isAreaCodeShape(code) || code.length !== 6 || code.endsWith('00')) problems.add(field, '须为 6 位县（区、市）代码', `${field} must be a 6-digit county code`);
  return code;
}

/** The county must be inside the caller's jurisdiction (a county officer: their own). */
export function requireCounty(ctx: SupportContext, countyCode: string): void {
  if (!ctx.scope.covers(countyCode)) throw forbidden('该县（区、市）超出您的管辖范围', 'That county is outside your jurisdiction');
}

/** A county-wide act (opening and closing a verification, payment cycles): the whole county must be the caller's. */
export function requireWholeCounty(ctx: SupportContext, countyCode: string): void {
  requireCounty(ctx, countyCode);
  if (ctx.identity.role === Role.COMMUNITY_WORKER) throw forbidden('须由县（区、市）移民办办理', 'Only the county office may do this');
}

export function amountProblem(field: string) {
  return badInput([{ field, zh: '金额须为正整数（分）', en: `${field} must be a positive whole number of fen` }]);
}
