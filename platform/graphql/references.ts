import { forbidden, Problems } from './errors';
import type { Scope } from '../security/scope';
import { isAreaCodeShape, normalizeAreaCode } from './validation';

/**
 * An `AdminArea` reference in a subgraph that adds fields to it: visible inside the
 * jurisdiction or above it (its totals are then narrowed to the jurisdiction); a malformed code
 * is BAD_USER_INPUT, any other area FORBIDDEN. Async, so that a refusal rejects this entity
 * only, not the whole `_entities` list.
 */
export async function areaReference(scope: Scope, code: unknown): Promise<string> {
  const normalized = normalizeAreaCode(String(code ?? ''));
  const problems = new Problems();
  if (!isAreaCodeShape(normalized)) problems.add('code', '区划代码须为 6、9、12 或 15 位数字', 'An area code has 6, 9, 12 or 15 digits');
  problems.throwIfAny();
  if (!scope.seesArea(normalized)) throw forbidden();
  return normalized;
}
