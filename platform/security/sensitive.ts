import type { BaseContext } from '../graphql/context';
import { maskIdNumber, maskPhone } from '../domain/id-number';
import { Role, type Identity } from './identity';
import { PURPOSE_CATEGORIES, SensitiveCategory } from './purposes';

/**
 * The disclosure policy, in one place (docs/privacy.md explains it): who sees which sensitive
 * field in full, and what everyone else gets instead.
 *
 * | caller | ID number | birth date | phone | exact address | income | bank card |
 * |---|---|---|---|---|---|---|
 * | prefecture / county officer | full | full | full | full | full | full |
 * | community worker | full | full | full | full | full | masked |
 * | analyst, auditor | area code only | year only | masked | masked | withheld | masked |
 * | partner client | full only where one of its purposes needs the category (`purposes.ts`) ||||||
 *
 * The birth date is eight digits of the ID number: it is shown in full exactly when the ID number
 * is (category ID_NUMBER), never to a caller who gets the ID number masked. Always only inside the
 * caller's jurisdiction (reads are scoped in SQL; `reveal` checks again).
 */
const ALL = new Set<SensitiveCategory>(Object.values(SensitiveCategory));
const ROLE_CATEGORIES: Record<Exclude<Role, Role.PARTNER>, ReadonlySet<SensitiveCategory>> = {
  [Role.PREFECTURE_OFFICER]: ALL,
  [Role.COUNTY_OFFICER]: ALL,
  [Role.COMMUNITY_WORKER]: new Set([...ALL].filter((c) => c !== SensitiveCategory.BANK_CARD)),
  [Role.ANALYST]: new Set(),
  [Role.AUDITOR]: new Set(),
};

/** Whether `identity` may see a field of `category` in full (inside its jurisdiction). */
export function seesInFull(identity: Identity, category: SensitiveCategory): boolean {
  if (identity.role !== Role.PARTNER) return ROLE_CATEGORIES[identity.role].has(category);
  return (identity.purposes ?? []).some((p) => PURPOSE_CATEGORIES[p]?.includes(category));
}

/** `1980-05-17` → `1980`: the year alone leaves 365 days for the eight digits it hides. */
export const birthYearOf = (birthDate: string): string => birthDate.slice(0, 4);

/**
 * The kinds of sensitive value: the category that decides who sees them in full, and the form
 * everyone else gets (null: withheld). Fields, exports, change history and import reports all
 * show a sensitive value through this table.
 */
export const SENSITIVE_VALUES = {
  ID_NUMBER: { category: SensitiveCategory.ID_NUMBER, masked: maskIdNumber },
  BIRTH_DATE: { category: SensitiveCategory.ID_NUMBER, masked: birthYearOf },
  PHONE: { category: SensitiveCategory.PHONE, masked: maskPhone },
  EXACT_ADDRESS: { category: SensitiveCategory.EXACT_ADDRESS, masked: (_: string) => '****' },
  INCOME: { category: SensitiveCategory.INCOME, masked: (_: string) => null },
  BANK_CARD: { category: SensitiveCategory.BANK_CARD, masked: (value: string) => maskBankCard(value) },
} satisfies Record<string, { category: SensitiveCategory; masked: (value: string) => string | null }>;
export type SensitiveValue = keyof typeof SENSITIVE_VALUES;

/** A sensitive value as a caller who does not see it in full gets it. */
export function masked(kind: SensitiveValue, value: string): string | null {
  return SENSITIVE_VALUES[kind].masked(value);
}

/** Whether `identity` sees values of this kind in full (the role or purpose alone; the jurisdiction is checked where records are read). */
export function seesValueInFull(identity: Identity, kind: SensitiveValue): boolean {
  return seesInFull(identity, SENSITIVE_VALUES[kind].category);
}

/** A card number with its first six and last four digits shown (`622848*********1234`). */
export function maskBankCard(value: string): string {
  return value.length <= 10 ? '*'.repeat(value.length) : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** The record a sensitive field belongs to, as the read audit names it. */
export interface SensitiveRecord {
  type: string;
  id: string;
  areaCode: string;
}

/** Whether the policy shows this caller values of `kind` of a record in `areaCode` in full (not noted: for values derived from them, such as an age). */
export function seesInFullHere(ctx: BaseContext, kind: SensitiveValue, areaCode: string): boolean {
  return seesValueInFull(ctx.identity, kind) && ctx.scope.covers(areaCode);
}

/** Whether to show the field in full: the policy allows it and the record is inside the jurisdiction; if so, noted for the read audit. */
function shownInFull(ctx: BaseContext, kind: SensitiveValue, record: SensitiveRecord, field: string): boolean {
  if (!seesInFullHere(ctx, kind, record.areaCode)) return false;
  ctx.audit.fullRead(record.type, record.id, record.areaCode, field);
  return true;
}

/**
 * A sensitive value for this caller: in full, and noted for the read audit, when `shownInFull`;
 * in its masked form otherwise (null when withheld). Field resolvers of sensitive fields, and the
 * change history, return through here or `revealIncome`.
 */
export function reveal(ctx: BaseContext, kind: SensitiveValue, record: SensitiveRecord, field: string, value: string | null): string | null {
  if (value === null || value === undefined || value === '') return null;
  return shownInFull(ctx, kind, record, field) ? value : masked(kind, value);
}

/** An income amount for this caller: in full (and noted) when `shownInFull`, otherwise null. */
export function revealIncome(ctx: BaseContext, record: SensitiveRecord, field: string, value: number | null): number | null {
  if (value === null || value === undefined) return null;
  return shownInFull(ctx, 'INCOME', record, field) ? value : null;
}

/** A birth date in full (and noted), or null for a caller who gets ID numbers masked (`birthYear` is public). */
export function revealBirthDate(ctx: BaseContext, record: SensitiveRecord, value: string): string | null {
  return shownInFull(ctx, 'BIRTH_DATE', record, 'birthDate') ? value : null;
}

/**
 * Rows of a sheet (an export, an import's problem report) as this caller may see them: every
 * column marked `sensitive` in its masked form unless the caller sees that kind in full. Rows are
 * already narrowed to the caller's jurisdiction; full columns are audited by the caller
 * (`registry-files.ts`).
 */
export function rowMasker(identity: Identity, columns: readonly { key: string; sensitive?: SensitiveValue }[]) {
  const hidden = columns.filter((c) => c.sensitive && !seesValueInFull(identity, c.sensitive)) as { key: string; sensitive: SensitiveValue }[];
  return (row: Record<string, unknown>): Record<string, unknown> => {
    if (!hidden.length) return row;
    const shown = { ...row };
    for (const { key, sensitive } of hidden) {
      const value = row[key];
      if (value !== null && value !== undefined && value !== '') shown[key] = masked(sensitive, String(value));
    }
    return shown;
  };
}

/**
 * Columns of the change history that hold sensitive values, and their kind: a change of one is
 * shown as the field itself would be (`reveal`). By column name, in every subgraph's log.
 */
export const SENSITIVE_COLUMNS: Readonly<Record<string, SensitiveValue>> = {
  id_number: 'ID_NUMBER',
  birth_date: 'BIRTH_DATE',
  phone: 'PHONE',
  net_income: 'INCOME',
  per_capita_net_income: 'INCOME',
  monthly_wage: 'INCOME',
  card_no: 'BANK_CARD',
};
