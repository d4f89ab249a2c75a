/**
 * Categories of sensitive personal information (PIPL art. 28 and the registries' own rules) and
 * the partner purposes that need each in full. One table, read by the masking policy
 * (`sensitive.ts`) and by the gateway when it issues partner keys.
 */
export const SensitiveCategory = {
  /** Resident ID number. */
  ID_NUMBER: 'ID_NUMBER',
  /** Mobile phone. */
  PHONE: 'PHONE',
  /** Anything that locates a household to the door: flat numbers, house numbers. */
  EXACT_ADDRESS: 'EXACT_ADDRESS',
  /** Individual wages and household incomes (aggregates are not sensitive). */
  INCOME: 'INCOME',
  /** Bank or subsidy card number (惠民惠农"一卡通"), which payments go to. */
  BANK_CARD: 'BANK_CARD',
} as const;
export type SensitiveCategory = (typeof SensitiveCategory)[keyof typeof SensitiveCategory];

const { ID_NUMBER, PHONE, EXACT_ADDRESS, INCOME } = SensitiveCategory;

/**
 * What each partner purpose needs in full (minimum necessary): a partner client sees a category
 * in full only when one of its key's purposes is listed with it here, and only inside its
 * jurisdiction. Everything else comes back masked.
 */
export const PURPOSE_CATEGORIES: Readonly<Record<string, readonly SensitiveCategory[]>> = {
  /** Public security bureau: identity checks, contacting and locating people. */
  'public-security': [ID_NUMBER, PHONE, EXACT_ADDRESS],
  /** Civil affairs bureau: minimum living allowance and assistance (identity, address, means test). */
  'civil-affairs': [ID_NUMBER, EXACT_ADDRESS, INCOME],
  /** Human resources and social security bureau: employment services and social insurance. */
  'human-resources': [ID_NUMBER, PHONE, INCOME],
  /** Audit bureau: checks figures and procedures, never needs a person's details. */
  audit: [],
};

export const PURPOSES = Object.keys(PURPOSE_CATEGORIES);

export function isPurpose(value: unknown): value is string {
  return typeof value === 'string' && Object.hasOwn(PURPOSE_CATEGORIES, value);
}
