import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 200;

/** Every subgraph's lists return this same type: shareable across subgraphs. */
@ObjectType({ description: 'Where a page ends · 分页信息' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page · 本页最后一条的游标' })
  endCursor: string | null;

  @Field({ description: 'Whether more items follow · 是否还有下一页' })
  hasNextPage: boolean;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1–${MAX_PAGE_SIZE} · 每页条数` })
  first: number;

  @Field(() => String, { nullable: true, description: 'Cursor from `pageInfo.endCursor` · 从此游标之后开始' })
  after?: string | null;
}

/** The shape every list query returns: a page of nodes, where it ends, and the total. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** `XxxConnection` object type for an item type. */
export function ConnectionType<T extends object>(itemType: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Connection`, { description })
  class Connection implements Page<T> {
    @Field(() => [itemType], { description: 'Items of this page · 本页条目' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Where this page ends · 分页信息' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Items matching the filter, in all pages · 符合条件的总数' })
    totalCount: number;
  }
  return Connection;
}

const encodeCursor = (key: string) => Buffer.from(JSON.stringify([key])).toString('base64url');

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string') return parsed[0];
  } catch {
    /* fall through */
  }
  throw badInput([{ field: 'after', zh: '分页游标无效', en: 'Invalid pagination cursor' }]);
}

/**
 * Keyset pagination over a unique sort column. The total is counted only when the client
 * asks for `totalCount` (the property is a lazy getter).
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sort: { column: string; key: (row: T) => string },
  args: PageArgs,
): Promise<Page<T>> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw badInput([{ field: 'first', zh: `每页条数须在 1 至 ${MAX_PAGE_SIZE} 之间`, en: `first must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  const countQuery = qb.clone();
  if (args.after) qb.andWhere(`${sort.column} > :pageAfter`, { pageAfter: decodeCursor(args.after) });
  const rows = await qb.orderBy(sort.column, 'ASC').limit(args.first + 1).getMany();
  const hasNextPage = rows.length > args.first;
  const nodes = hasNextPage ? rows.slice(0, args.first) : rows;
  let total: Promise<number> | undefined;
  const page = {
    nodes,
    pageInfo: { endCursor: nodes.length ? encodeCursor(sort.key(nodes[nodes.length - 1])) : null, hasNextPage },
  } as Page<T>;
  Object.defineProperty(page, 'totalCount', { enumerable: true, get: () => (total ??= countQuery.getCount()) });
  return page;
}
