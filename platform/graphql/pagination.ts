import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import DataLoader from 'dataloader';
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

/**
 * A connection field under each parent of a list (a cycle's lines, an area's projects), batched:
 * one statement for the pages of every parent asked with the same `first` and `after` (a
 * LATERAL join on the parents' keys, each page read by its own index range), one to load the
 * rows, and one for the totals when a client asks for `totalCount`. Per request (a DataLoader).
 *
 * `base()` is the scoped query on alias `x`; `parent(param)` the condition tying a row to the
 * parent key `param` (e.g. `x.cycle_id = ${param}::uuid`, or `x.area_code ^@ ${param}`).
 */
export function pagesByParent<T extends ObjectLiteral>(options: {
  base: () => SelectQueryBuilder<T>;
  parent: (param: string) => string;
  sort: { column: string; key: (row: T) => string };
  load: (ids: string[]) => Promise<T[]>;
}): (parent: string, args: PageArgs) => Promise<Page<T>> {
  const lateral = async (keys: readonly string[], build: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>) => {
    const qb = build(options.base());
    const [sql, params] = qb.getQueryAndParameters();
    const slot = `$${params.length + 1}`;
    return qb.connection.query(`SELECT p.key AS parent_key, l.* FROM unnest(${slot}::text[]) AS p(key) CROSS JOIN LATERAL (${sql.replaceAll('PARENT_KEY', 'p.key')}) l`, [...params, keys]);
  };
  const totals = new DataLoader<string, number>(async (keys) => {
    const rows: { parent_key: string; n: string }[] = await lateral(keys, (qb) => qb.select('count(*)', 'n').andWhere(options.parent('PARENT_KEY')));
    const by = new Map(rows.map((r) => [r.parent_key, Number(r.n)]));
    return keys.map((k) => by.get(k) ?? 0);
  });
  const pages = new DataLoader<string, { rows: T[]; hasNextPage: boolean }>(async (keys) => {
    const asked = keys.map((k) => JSON.parse(k) as [string, number, string | null]);
    const out = new Map<string, { rows: T[]; hasNextPage: boolean }>();
    // one statement per distinct page (in practice: one), whatever the number of parents
    for (const shape of new Set(asked.map(([, f, a]) => JSON.stringify([f, a])))) {
      const [size, cursor] = JSON.parse(shape) as [number, string | null];
      const parents = asked.filter(([, f, a]) => f === size && a === cursor).map(([p]) => p);
      const found: { parent_key: string; id: string }[] = await lateral(parents, (qb) => {
        qb.select(options.sort.column, 'id').andWhere(options.parent('PARENT_KEY'));
        if (cursor) qb.andWhere(`${options.sort.column} > :pageAfter`, { pageAfter: decodeCursor(cursor) });
        return qb.orderBy(options.sort.column, 'ASC').limit(size + 1);
      });
      const rows = found.length ? await options.load([...new Set(found.map((f) => String(f.id)))]) : [];
      const byKey = new Map(rows.map((r) => [options.sort.key(r), r]));
      for (const parent of parents) {
        const ids = found.filter((f) => f.parent_key === parent).map((f) => String(f.id));
        const mine = ids.map((id) => byKey.get(id)).filter((r): r is T => r !== undefined);
        out.set(JSON.stringify([parent, size, cursor]), { rows: mine.slice(0, size), hasNextPage: mine.length > size });
      }
    }
    return keys.map((k) => out.get(k)!);
  });
  return async (parent, args) => {
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw badInput([{ field: 'first', zh: `每页条数须在 1 至 ${MAX_PAGE_SIZE} 之间`, en: `first must be between 1 and ${MAX_PAGE_SIZE}` }]);
    }
    if (args.after) decodeCursor(args.after);
    const { rows, hasNextPage } = await pages.load(JSON.stringify([parent, args.first, args.after ?? null]));
    const page = { nodes: rows, pageInfo: { endCursor: rows.length ? encodeCursor(options.sort.key(rows[rows.length - 1])) : null, hasNextPage } } as Page<T>;
    Object.defineProperty(page, 'totalCount', { enumerable: true, get: () => totals.load(parent) });
    return page;
  };
}
