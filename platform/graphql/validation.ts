import { isValidDate, parseIdNumber, type IdNumberProblem } from '../domain/id-number';
import { Problems } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** An id argument must look like one: BAD_USER_INPUT naming the argument otherwise. */
export function requireId(id: string, field: string): string {
  const problems = new Problems();
  if (!isUuid(id)) problems.add(field, '标识格式无效', `${field} is not a valid id`);
  problems.throwIfAny();
  return id.toLowerCase();
}

/**
 * An id inside an input, reported with the other problems: BAD_USER_INPUT on `field` when it is
 * malformed, or absent and `required`. Returns it lower-cased ('' when absent or malformed).
 */
export function checkId(problems: Problems, field: string, value: string | null | undefined, required = true): string {
  if (value === undefined || value === null || value === '') {
    if (required) problems.add(field, '标识不能为空', `${field} is required`);
    return '';
  }
  if (isUuid(value)) return value.toLowerCase();
  problems.add(field, '标识格式无效', `${field} is not a valid id`);
  return '';
}

/** A whole number in [min, max] (absent is fine: the input type says whether it is required). */
export function checkInt(problems: Problems, field: string, value: number | null | undefined, min: number, max: number, label: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) problems.add(field, `${label}须在 ${min} 至 ${max} 之间`, `${field} must be between ${min} and ${max}`);
}

/** Old codes still found on records, mapped to today's (Shuifu became a city in 2018). */
const RENAMED_AREA_CODES: Record<string, string> = { '530630': '530681' };

/** Maps an old area code (or a code below it) to the current one. */
export function normalizeAreaCode(code: string): string {
  const trimmed = code.trim();
  for (const [old, current] of Object.entries(RENAMED_AREA_CODES)) {
    if (trimmed.startsWith(old)) return current + trimmed.slice(old.length);
  }
  return trimmed;
}

export const isAreaCodeShape = (code: string): boolean => /^(\d{6}|\d{9}|\d{12}|\d{15})$/.test(code);

/** `YYYY-MM-DD`, a real calendar date. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const DAY_MS = 86_400_000;
let day = { from: 0, until: 0, iso: '' };

/** Today's date (UTC, YYYY-MM-DD): formatted once a day, not per call (every `age` of a list asks). */
export function today(): string {
  const now = Date.now();
  if (now < day.from || now >= day.until) {
    const from = Math.floor(now / DAY_MS) * DAY_MS;
    day = { from, until: from + DAY_MS, iso: new Date(from).toISOString().slice(0, 10) };
  }
  return day.iso;
}

/** Checks a date field: shape, calendar, and not in the future. */
export function checkDate(problems: Problems, field: string, value: string | null | undefined, label: string): void {
  if (value === undefined || value === null) return;
  if (!isIsoDate(value)) problems.add(field, `${label}须为有效日期（YYYY-MM-DD）`, `${field} must be a valid date (YYYY-MM-DD)`);
  else if (value > today()) problems.add(field, `${label}不能晚于今天`, `${field} cannot be in the future`);
}

/** Checks a string field's length after trimming. */
export function checkText(problems: Problems, field: string, value: string | null | undefined, label: string, max: number, required = true): void {
  if (value === undefined || value === null) {
    if (required) problems.add(field, `${label}不能为空`, `${field} is required`);
    return;
  }
  const trimmed = value.trim();
  if (required && !trimmed) problems.add(field, `${label}不能为空`, `${field} is required`);
  else if (trimmed.length > max) problems.add(field, `${label}不能超过 ${max} 个字`, `${field} must be at most ${max} characters`);
}

/** Control characters, and the invisible ones that reorder or hide text (bidirectional overrides, zero-width marks). */
const HIDDEN_CHARACTERS = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/**
 * Checks a name (of a person, a cadre, an employer, a site …) as a name: its length after
 * trimming, no control or invisible characters, and no leading `=`, `+`, `-` or `@`, which a
 * spreadsheet would run as a formula when the name is exported.
 */
export function checkName(problems: Problems, field: string, value: string | null | undefined, label: string, max: number, required = true): void {
  const before = problems.all.length;
  checkText(problems, field, value, label, max, required);
  if (problems.all.length > before || !value) return;
  const trimmed = value.trim();
  if (HIDDEN_CHARACTERS.test(value)) problems.add(field, `${label}含有控制字符或不可见字符`, `${field} holds control or invisible characters`);
  else if (/^[=+\-@]/.test(trimmed)) problems.add(field, `${label}不能以 = + - @ 开头`, `${field} cannot begin with =, +, - or @`);
}

const MOBILE = /^1[3-9]\d{9}$/;

/** Checks a mobile phone field (11 digits starting with 1), when given. */
export function checkPhone(problems: Problems, field: string, value: string | null | undefined): void {
  if (value && !MOBILE.test(value.trim())) problems.add(field, '手机号码须为 11 位数字，以 1 开头', 'phone must be 11 digits starting with 1');
}

const ID_PROBLEMS: Record<IdNumberProblem, [string, string]> = {
  FORMAT: ['身份证号须为 18 位（末位可为 X）或 15 位数字', 'An ID number has 18 characters (the last may be X) or 15 digits'],
  BIRTH_DATE: ['身份证号中的出生日期无效', 'The birth date inside the ID number is not a valid past date'],
  CHECK_CHARACTER: ['身份证号校验位不符，请逐位核对', 'The check character does not match; check each digit'],
  EXCEL_FLOAT: [
    '身份证号被 Excel 转成了科学计数法（如 5.30622E+17），后几位已丢失：请把该列设为“文本”后重新录入',
    'Excel turned the ID number into a float (e.g. 5.30622E+17) and lost its last digits: format the column as text and re-enter it',
  ],
  LOST_CHECK_X: ['身份证号只有 17 位，末位 X 可能被删掉了', 'The ID number has 17 digits: its trailing X was probably lost'],
};

/** Validates an ID number field; returns the normalized number, sex and birth date when valid. */
export function checkIdNumber(problems: Problems, field: string, value: string) {
  const parsed = parseIdNumber(value);
  if (!parsed.ok) {
    const [zh, en] = ID_PROBLEMS[parsed.problem];
    problems.add(field, zh, en);
    return undefined;
  }
  return parsed.value;
}
