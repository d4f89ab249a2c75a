import { Problems } from '../../../platform/graphql/errors';
import { areaPrefix } from '../../../platform/security/scope';
import { isAreaCodeShape, normalizeAreaCode } from '../../../platform/graphql/validation';

/** An area-code argument: the right shape (old codes mapped), as the prefix its area's codes start with. */
export function checkCodeShape(code: string, field: string): string {
  const normalized = normalizeAreaCode(code);
  const problems = new Problems();
  if (!isAreaCodeShape(normalized)) problems.add(field, '区划代码须为 6、9、12 或 15 位数字', 'An area code has 6, 9, 12 or 15 digits');
  problems.throwIfAny();
  return areaPrefix(normalized);
}
