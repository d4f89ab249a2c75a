import type { BaseContext } from '../graphql/context';
import { maskIdNumber, maskPhone } from '../domain/id-number';
import { Role, type Identity } from './identity';
import { PURPOSE_CATEGORIES, SensitiveCategory } from './purposes';

/**
 * The masking policy, in one place: who sees which category of sensitive field in full.
 *
 * | caller | ID number | phone | exact address | income | bank card |
 * |---|---|---|---|---|---|
 * | prefecture / county officer | full | full | full | full | full |
 * | community worker | full | full | full | full | masked |
 * | analyst, auditor | masked | masked | masked | masked | masked |
 * | partner client | full only where one of its purposes needs it (`purposes.ts`) ||||
 *
 * Always only inside the caller's jurisdiction (reads are scoped in SQL; `reveal` checks again).
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

/** How the text categories are masked; incomes are withheld (null) and their descriptions say so. */
type TextCategory = Exclude<SensitiveCategory, 'INCOME'>;
const MASKS: Record<TextCategory, (value: string) => string> = {
  ID_NUMBER: maskIdNumber,
  PHONE: maskPhone,
  EXACT_ADDRESS: () => '****',
  BANK_CARD: maskBankCard,
};

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

/** Whether to show the field in full: the policy allows it and the record is inside the jurisdiction; if so, noted for the read audit. */
function shownInFull(ctx: BaseContext, category: SensitiveCategory, record: SensitiveRecord, field: string): boolean {
  if (!seesInFull(ctx.identity, category) || !ctx.scope.covers(record.areaCode)) return false;
  ctx.audit.fullRead(record.type, record.id, record.areaCode, field);
  return true;
}

/**
 * A sensitive text field (ID number, phone, exact address) for this caller: in full, and noted for
 * the read audit, when `shownInFull`; masked otherwise. Field resolvers of sensitive fields return
 * through here or `revealIncome`.
 */
export function reveal(ctx: BaseContext, category: TextCategory, record: SensitiveRecord, field: string, value: string | null): string | null {
  if (!value) return null;
  return shownInFull(ctx, category, record, field) ? value : MASKS[category](value);
}

/** An income amount for this caller: in full (and noted) when `shownInFull`, otherwise null. */
export function revealIncome(ctx: BaseContext, record: SensitiveRecord, field: string, value: number | null): number | null {
  if (value === null || value === undefined) return null;
  return shownInFull(ctx, SensitiveCategory.INCOME, record, field) ? value : null;
}
