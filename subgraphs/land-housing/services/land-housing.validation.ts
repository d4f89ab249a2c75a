import type { Problems } from '../../../platform/graphql/errors';
import { checkDate, normalizeAreaCode } from '../../../platform/graphql/validation';

/** A positive area with at most two decimals, no larger than `max`. */
export function checkAmount(problems: Problems, field: string, value: number | null | undefined, label: string, unit: string, min: number, max: number): void {
  if (value === undefined || value === null) return;
  if (!Number.isFinite(value) || value < min || value > max) {
    problems.add(field, `${label}须在 ${min}–${max} ${unit}之间`, `${field} must be between ${min} and ${max}`);
  } else if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
    problems.add(field, `${label}最多保留两位小数`, `${field} has at most two decimals`);
  }
}

/** A required date: shape, calendar, not in the future. */
export function checkRequiredDate(problems: Problems, field: string, value: string, label: string): void {
  if (!value) problems.add(field, `${label}不能为空`, `${field} is required`);
  else checkDate(problems, field, value, label);
}

/** An area code of a fixed length (old codes mapped); returns it normalised. */
export function checkCode(problems: Problems, field: string, value: string, digits: 12 | 15, label: string): string {
  const code = normalizeAreaCode(value ?? '');
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) {
    const what = digits === 12 ? '12 位村（社区）代码' : '15 位居民小组代码';
    problems.add(field, `${label}须为${what}`, `${field} must be a ${digits}-digit ${digits === 12 ? 'village/community' : 'resident-group'} code`);
  }
  return code;
}
