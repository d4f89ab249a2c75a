import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput, forbidden } from '../graphql/errors';
import { isAreaCodeShape, normalizeAreaCode } from '../graphql/validation';
import type { Identity } from './identity';

/**
 * The prefix every code below an area starts with. GB/T 2260 pads higher levels with zeros:
 * the prefecture 530600 covers 5306xx, the province 530000 covers 53xxxx; below the county,
 * codes simply extend their parent's.
 */
export function areaPrefix(code: string): string {
  if (code.length === 6) {
    if (code.endsWith('0000')) return code.slice(0, 2);
    if (code.endsWith('00')) return code.slice(0, 4);
  }
  return code;
}

/** Codes of the areas above `code`, nearest last (a county 530622 → [530600]). */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  if (code.length > 6 || (code.length === 6 && !code.endsWith('00'))) out.push(code.slice(0, 4) + '00');
  for (const len of [6, 9, 12]) if (code.length > len) out.push(code.slice(0, len));
  return out.filter((c, i, all) => c !== code && all.indexOf(c) === i);
}

/** Upper bound of a prefix range under the C collation: codes are digits, `~` sorts after them. */
const RANGE_END = '~';

/**
 * A caller's jurisdiction as prefixes of area codes. Every registry row carries its area code,
 * so scoping is a range condition on an indexed column, inside the SQL.
 */
export class Scope {
  readonly prefixes: string[];
  private readonly ancestors: Set<string>;

  constructor(jurisdiction: string[]) {
    const prefixes = [...new Set(jurisdiction.map(areaPrefix))].sort();
    // drop prefixes already covered by a shorter one
    this.prefixes = prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
    this.ancestors = new Set(jurisdiction.flatMap(ancestorCodes).filter((c) => !this.covers(c)));
  }

  static of(identity: Identity): Scope {
    return new Scope(identity.jurisdiction);
  }

  /** Whether a row in `areaCode` is inside the jurisdiction. */
  covers(areaCode: string): boolean {
    return this.prefixes.some((p) => areaCode.startsWith(p));
  }

  /** Whether an area is visible: inside the jurisdiction, or one of its ancestors (for navigation). */
  seesArea(areaCode: string): boolean {
    return this.covers(areaCode) || this.ancestors.has(areaCode);
  }

  /** Ancestor areas visible for navigation. */
  ancestorList(): string[] {
    return [...this.ancestors];
  }

  /** Adds `column` inside the jurisdiction to a query (parameters named uniquely per call). */
  apply<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    const { clause, params } = this.condition(column, `scope_${column.replace(/\W/g, '_')}`);
    return qb.andWhere(clause, params);
  }

  /** The SQL condition and its named parameters. */
  condition(column: string, paramPrefix: string): { clause: string; params: Record<string, string> } {
    return prefixCondition(column, this.prefixes, paramPrefix);
  }
}

/**
 * `column` starts with one of `prefixes`, as index-friendly ranges (C collation):
 * `column >= prefix AND column < prefix || '~'`.
 */
export function prefixCondition(column: string, prefixes: string[], paramPrefix: string): { clause: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const parts = prefixes.map((p, i) => {
    params[`${paramPrefix}_lo${i}`] = p;
    params[`${paramPrefix}_hi${i}`] = p + RANGE_END;
    return `(${column} >= :${paramPrefix}_lo${i} AND ${column} < :${paramPrefix}_hi${i})`;
  });
  return { clause: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', params };
}


/**
 * Validates an area filter against the caller's jurisdiction: a malformed code is
 * BAD_USER_INPUT; an area wholly outside the jurisdiction is FORBIDDEN; a wider area is
 * allowed (the scope still narrows it). Returns the code with old codes mapped to today's.
 */
export function checkAreaFilter(scope: Scope, code: string, field: string): string {
  const normalized = normalizeAreaCode(code);
  if (!isAreaCodeShape(normalized)) {
    throw badInput([{ field, zh: '区划代码须为 6、9、12 或 15 位数字', en: 'An area code has 6, 9, 12 or 15 digits' }]);
  }
  const prefix = areaPrefix(normalized);
  if (!scope.prefixes.some((p) => prefix.startsWith(p) || p.startsWith(prefix))) throw forbidden();
  return normalized;
}

/** Narrows a query to an area and everything below it, after `checkAreaFilter`. */
export function applyAreaFilter<T extends ObjectLiteral>(scope: Scope, qb: SelectQueryBuilder<T>, column: string, code: string, field: string): void {
  const { clause, params } = prefixCondition(column, [areaPrefix(checkAreaFilter(scope, code, field))], 'filter_area');
  qb.andWhere(clause, params);
}
