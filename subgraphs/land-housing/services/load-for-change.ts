import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { forbidden, notFound } from '../../shared/errors';

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
  if (await manager.getRepository(entity).exists({ where: { id } as never })) throw forbidden();
  throw notFound(what[0], what[1], field);
}
