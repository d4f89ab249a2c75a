import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { changeKey } from './change-history.loader';
import { ChangeRecord } from './change-record.type';
import type { BaseContext } from '../graphql/context';
import { badInput } from '../graphql/errors';

const MAX_CHANGES = 200;

/**
 * A resolver adding `changes(first)` to `type`, whose rows live in `table` and are identified
 * by `idOf` (default: `id`); batched through the request's change loader.
 */
export function changeHistoryResolver<T extends object>(type: ClassType<T>, table: string, idOf: (row: T) => string = (row) => (row as { id: string }).id) {
  @Resolver(() => type)
  class ChangeHistoryResolver {
    @FieldResolver(() => [ChangeRecord], { description: 'Latest changes to this record, newest first · 本记录的变更历史（最新在前）' })
    changes(
      @Root() row: T,
      @Ctx() ctx: BaseContext,
      @Arg('first', () => Int, { defaultValue: 20, description: `How many, 1–${MAX_CHANGES} · 条数` }) first: number,
    ): Promise<ChangeRecord[]> {
      if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES) {
        throw badInput([{ field: 'first', zh: `条数须在 1 至 ${MAX_CHANGES} 之间`, en: `first must be between 1 and ${MAX_CHANGES}` }]);
      }
      return ctx.changes.load(changeKey(table, first, idOf(row)));
    }
  }
  return ChangeHistoryResolver;
}
