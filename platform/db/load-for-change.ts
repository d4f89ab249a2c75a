import { SelectQueryBuilder, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { forbidden, notFound } from '../graphql/errors';
import { existsElsewhere } from '../graphql/loaders';
import type { Scope } from '../security/scope';

/** The row a mutation refers to: which one, the input field that named it, and what to say when it is not there. */
export interface ChangeTarget {
  id: string;
  /** The input field that named it (`input.siteId`), named by NOT_FOUND. */
  field: string;
  /** What it is, for NOT_FOUND: `['该安置点', 'Resettlement site']`. */
  what?: [zh: string, en: string];
  /** Its key column in the database (default `id`). */
  column?: string;
  /** Locks the row for the rest of the transaction (default true; false for a row only referred to). */
  lock?: boolean;
  /** The error when it exists nowhere (default NOT_FOUND on `field`), e.g. a bad input. */
  missing?(): Error;
}

/**
 * A row inside the caller's jurisdiction, read in the mutation's transaction: the jurisdiction
 * narrows the SQL (row-level security applies too), so nothing outside it is ever read. FORBIDDEN
 * when the row exists outside the jurisdiction, NOT_FOUND (or `missing()`) when it exists nowhere.
 *
 * `from` is an entity whose `area_code` the jurisdiction applies to, or a query the subgraph has
 * already scoped (e.g. allocations seen through their household or their flat).
 */
export async function loadForChange<T extends ObjectLiteral>(
  manager: EntityManager,
  ctx: { scope: Scope },
  from: EntityTarget<T> | SelectQueryBuilder<T>,
  target: ChangeTarget,
): Promise<T> {
  const column = target.column ?? 'id';
  const query = from instanceof SelectQueryBuilder ? from.setQueryRunner(manager.queryRunner!) : ctx.scope.apply(manager.getRepository(from).createQueryBuilder('x'), 'x.area_code');
  query.andWhere(`${query.alias}.${column} = :changeKey`, { changeKey: target.id });
  if (target.lock ?? true) query.setLock('pessimistic_write');
  const found = await query.getOne();
  if (found) return found;
  // hidden by the jurisdiction (and row-level security): FORBIDDEN when it exists elsewhere
  if (await existsElsewhere(manager, query.expressionMap.mainAlias!.target, column, target.id)) throw forbidden();
  if (target.missing) throw target.missing();
  throw notFound(target.what?.[0] ?? '该记录', target.what?.[1] ?? 'Record', target.field);
}
