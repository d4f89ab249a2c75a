import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { forbidden, notFound } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';

/**
 * A row inside the caller's jurisdiction, locked for the rest of the transaction:
 * FORBIDDEN when it exists outside the jurisdiction, NOT_FOUND when it does not exist.
 */
export async function loadForChange<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  scopedQuery: SelectQueryBuilder<T>,
  alias: string,
  id: string,
  field: string,
  what: [zh: string, en: string],
): Promise<T> {
  const found = await scopedQuery.setQueryRunner(manager.queryRunner!).andWhere(`${alias}.id = :id`, { id }).setLock('pessimistic_write').getOne();
  if (found) return found;
  // hidden by the jurisdiction (and row-level security): FORBIDDEN when it exists elsewhere
  if (await existsElsewhere(manager, entity, 'id', id)) throw forbidden();
  throw notFound(what[0], what[1], field);
}
