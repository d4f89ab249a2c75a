import type { Express, Request, Response } from 'express';
import type { CryptoKey } from 'jose';
import type { DataSource } from 'typeorm';
import { Role, verifyUserToken } from '../../platform/security/identity';
import { Scope } from '../../platform/security/scope';
import { refuse } from '../refuse';
import { findFullReads, type ReadAuditCursor, type ReadAuditFilter } from './read-audit.store';

const PATH = '/audit/reads';
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** A record type: a GraphQL type name, or `export:<sheet>` for a registry file downloaded with full values. */
const RECORD_TYPE = /^(?:[A-Za-z_][A-Za-z0-9_]{0,63}|export:[a-z][a-z0-9-]{0,63})$/;
/** A keyset cursor: the request's time to the microsecond, its row, the record's place in it. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\/(\d{1,18})\/(\d{1,6})$/;
const encodeCursor = ({ at, id, ord }: ReadAuditCursor) => Buffer.from(`${at}/${id}/${ord}`).toString('base64url');
const FILTERS = ['subject', 'recordType', 'recordId', 'field', 'operation', 'from', 'to', 'first', 'after'];

class BadFilter extends Error {
  constructor(readonly field: string, readonly zh: string, readonly en: string) {
    super(en);
  }
}

function time(value: string, field: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw new BadFilter(field, '时间须为 ISO 8601 格式，如 2026-11-29 或 2026-11-29T08:00:00+08:00', 'A time is ISO 8601, e.g. 2026-11-29 or 2026-11-29T08:00:00+08:00');
  return at;
}

/** The query string as a filter; unknown or malformed parameters are BAD_USER_INPUT naming them. */
function parseFilter(query: Request['query']): ReadAuditFilter {
  const get = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length > 128) throw new BadFilter(name, '每个参数只能给一个不超过 128 字符的值', 'Give each parameter one value of at most 128 characters');
    return value;
  };
  for (const name of Object.keys(query)) {
    if (!FILTERS.includes(name)) throw new BadFilter(name, `未知的筛选参数；可用：${FILTERS.join('、')}`, `Unknown filter; known: ${FILTERS.join(', ')}`);
  }
  const filter: ReadAuditFilter = { first: 50 };
  filter.recordType = get('recordType');
  if (filter.recordType !== undefined && !RECORD_TYPE.test(filter.recordType)) {
    throw new BadFilter('recordType', '记录类型为类型名（字母、数字、下划线）或“export:表名”', 'A record type is a type name (letters, digits, underscores) or export:<sheet>');
  }
  filter.field = get('field');
  if (filter.field !== undefined && !NAME.test(filter.field)) throw new BadFilter('field', '字段名只含字母、数字和下划线', 'Field names are letters, digits and underscores');
  filter.subject = get('subject');
  filter.recordId = get('recordId');
  filter.operation = get('operation');
  const from = get('from');
  const to = get('to');
  if (from) filter.from = time(from, 'from');
  if (to) filter.to = time(to, 'to');
  if (filter.from && filter.to && filter.from >= filter.to) throw new BadFilter('to', '结束时间须晚于开始时间', '`to` must be after `from`');
  const first = get('first');
  if (first !== undefined) {
    if (!/^\d{1,3}$/.test(first) || Number(first) < 1 || Number(first) > 200) throw new BadFilter('first', '每页条数须为 1–200', '`first` is 1–200');
    filter.first = Number(first);
  }
  const after = get('after');
  if (after !== undefined) {
    const cursor = CURSOR.exec(Buffer.from(after, 'base64url').toString());
    if (!cursor || Number.isNaN(new Date(cursor[1]).getTime())) throw new BadFilter('after', '游标无效，请使用上一页返回的 endCursor', 'Invalid cursor: pass the endCursor of the previous page');
    filter.before = { at: cursor[1], id: cursor[2], ord: cursor[3] };
  }
  return filter;
}

/**
 * `GET /audit/reads`: the read audit, for AUDITOR tokens only, one item per record read inside the
 * auditor's jurisdiction, filtered and paginated (newest first, keyset cursor). The audit is
 * append-only: no route changes or deletes it, and any other method is refused.
 */
export function serveReadAudit(app: Express, dataSource: DataSource | undefined, tokenPublic: CryptoKey): void {
  app.get(PATH, async (req: Request, res: Response) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) return refuse(res, 401, 'UNAUTHENTICATED', '缺少登录凭证：请在请求头 Authorization 中提供 Bearer 令牌', 'Missing credentials: send an Authorization: Bearer token');
    const identity = await verifyUserToken(match[1], tokenPublic).catch(() => null);
    if (!identity) return refuse(res, 401, 'UNAUTHENTICATED', '登录凭证无效或已过期，请重新登录', 'Invalid or expired token: sign in again');
    if (identity.role !== Role.AUDITOR) return refuse(res, 403, 'FORBIDDEN', '只有审计人员可以查看读取审计', 'Only auditors may read the read audit');
    if (!dataSource) return refuse(res, 503, 'INTERNAL_SERVER_ERROR', '审计库不可用', 'The audit database is not available');
    let filter: ReadAuditFilter;
    try {
      filter = parseFilter(req.query);
    } catch (error) {
      if (!(error instanceof BadFilter)) throw error;
      return refuse(res, 400, 'BAD_USER_INPUT', error.zh, error.en, { field: error.field });
    }
    try {
      const { rows, hasNextPage } = await findFullReads(dataSource, Scope.of(identity), filter);
      res.json({
        nodes: rows.map((r) => ({
          id: r.id, at: r.at.toISOString(), requestId: r.requestId, subject: r.subject, role: r.role,
          client: r.clientId ? { id: r.clientId, name: r.clientName } : null,
          operationName: r.operationName, clientAddress: r.clientAddress,
          recordType: r.recordType, recordId: r.recordId, areaCode: r.areaCode, fields: r.fields,
        })),
        pageInfo: { endCursor: rows.length ? encodeCursor(rows[rows.length - 1].cursor) : null, hasNextPage },
      });
    } catch {
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', '服务器内部错误，请稍后再试', 'Internal server error');
    }
  });
  app.all(PATH, (_req, res) => refuse(res, 405, 'METHOD_NOT_ALLOWED', '读取审计只能查询，不能修改或删除', 'The read audit can only be read, never changed or deleted', { headers: { allow: 'GET' } }));
}
