import type { AuthChecker } from 'type-graphql';
import type { BaseContext } from '../graphql/context';
import { forbidden } from '../graphql/errors';

/** The one checker behind `@Authorized(roles)`: the caller's role must be listed (none listed: any role). */
export const authChecker: AuthChecker<BaseContext> = ({ context }, roles) => {
  if (roles.length === 0 || roles.includes(context.identity.role)) return true;
  throw forbidden('您的角色无权执行此操作', 'Your role may not perform this operation');
};
