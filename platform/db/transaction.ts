import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import type { BaseContext } from '../graphql/context';
import { conflict } from '../graphql/errors';

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * Runs a mutation's writes in one transaction: all of it or none of it. A unique violation
 * that slipped past validation (two clerks at once) becomes CONFLICT on `conflictField`.
 */
export async function inTransaction<T>(
  ctx: BaseContext,
  work: (manager: EntityManager) => Promise<T>,
  onUniqueViolation?: () => Error,
): Promise<T> {
  try {
    return await ctx.dataSource.transaction(work);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === UNIQUE_VIOLATION) {
      throw onUniqueViolation?.() ?? conflict('input', '记录已存在', 'The record already exists');
    }
    throw error;
  }
}
