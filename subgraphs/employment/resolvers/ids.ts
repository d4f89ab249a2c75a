import { Problems } from '../../shared/errors';
import { isUuid } from '../../shared/validation';

/** An id argument must look like one: BAD_USER_INPUT naming the argument otherwise. */
export function requireId(id: string, field: string): string {
  const problems = new Problems();
  if (!isUuid(id)) problems.add(field, '标识格式无效', `${field} is not a valid id`);
  problems.throwIfAny();
  return id.toLowerCase();
}
