/**
 * Resident identity numbers (居民身份证号码), GB 11643-1999.
 * 18 characters: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male),
 * check character (ISO 7064 MOD 11-2, 0-9 or X). Old 15-digit numbers carry a 6-digit
 * birth date (19yymmdd) and no check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER' | 'EXCEL_FLOAT' | 'LOST_CHECK_X';

export interface ParsedIdNumber {
  normalized: string;
  areaCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'MALE' | 'FEMALE';
}

export type IdNumberResult = { ok: true; value: ParsedIdNumber } | { ok: false; problem: IdNumberProblem };

/** The check character for the first 17 characters of an 18-character ID number. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Parses and validates an ID number; `today` bounds the birth date (no one is born in the future). */
export function parseIdNumber(input: string, today: Date = new Date()): IdNumberResult {
  const raw = input.trim().toUpperCase();
  if (/^\d(\.\d+)?E\+\d+$/.test(raw)) return { ok: false, problem: 'EXCEL_FLOAT' };
  let year: number, month: number, day: number, sequence: number;
  if (/^\d{17}[\dX]$/.test(raw)) {
    year = Number(raw.slice(6, 10));
    month = Number(raw.slice(10, 12));
    day = Number(raw.slice(12, 14));
    sequence = Number(raw.slice(14, 17));
  } else if (/^\d{15}$/.test(raw)) {
    year = 1900 + Number(raw.slice(6, 8));
    month = Number(raw.slice(8, 10));
    day = Number(raw.slice(10, 12));
    sequence = Number(raw.slice(12, 15));
  } else if (/^\d{17}$/.test(raw)) {
    return { ok: false, problem: 'LOST_CHECK_X' };
  } else {
    return { ok: false, problem: 'FORMAT' };
  }
  if (!isValidDate(year, month, day) || year < 1890 || Date.UTC(year, month - 1, day) > today.getTime()) {
    return { ok: false, problem: 'BIRTH_DATE' };
  }
  if (raw.length === 18 && checkCharacter(raw.slice(0, 17)) !== raw[17]) {
    return { ok: false, problem: 'CHECK_CHARACTER' };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    ok: true,
    value: {
      normalized: raw,
      areaCode: raw.slice(0, 6),
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      sex: sequence % 2 === 1 ? 'MALE' : 'FEMALE',
    },
  };
}

/**
 * The 18-character form of a number: a 15-digit one gets its century (19) and its check
 * character, as the second-generation card printed it; others come back as they are (trimmed,
 * in capitals). One person, one form: duplicates are checked on it.
 */
export function eighteenCharacterForm(input: string): string {
  const raw = input.trim().toUpperCase();
  if (!/^\d{15}$/.test(raw)) return raw;
  const first17 = `${raw.slice(0, 6)}19${raw.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** Every form a person's number may be registered under: the 18-character one and, for a birth in 1900–1999, the old 15-digit one. */
export function idNumberForms(input: string): string[] {
  const eighteen = eighteenCharacterForm(input);
  if (!/^\d{6}19\d{9}[\dX]$/.test(eighteen)) return [eighteen];
  return [eighteen, eighteen.slice(0, 6) + eighteen.slice(8, 17)];
}

/** Builds a valid 18-character number (used by the demo-data generator and tests). */
export function makeIdNumber(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = areaCode + birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return first17 + checkCharacter(first17);
}

/**
 * `530622************`: the area code only. The birth date, the sequence and the check character
 * are hidden together: with the birth year published, a masked number still has 365 × 500
 * candidates (docs/privacy.md); the old form that kept the last four characters gave away the
 * sequence and, with the birth date, the whole number.
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 6);
}

/** `138****5678`. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
