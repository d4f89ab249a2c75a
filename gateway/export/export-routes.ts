import express, { type Express, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../platform/graphql/errors';
import { firstList } from './export-table';
import { toCsv, toXlsx } from './export-writers';

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;

/** Headers of the caller's request the export sends on with the operation: their credentials. */
const CREDENTIALS = ['authorization', 'x-api-key'];

function refuse(res: Response, status: number, code: string, field: string | undefined, zh: string, en: string) {
  res.status(status).json({ errors: [{ message: `${zh} · ${en}`, extensions: { code, ...(field ? { field } : {}), messageZh: zh, messageEn: en } }] });
}

const STATUS: Record<string, number> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403, [ErrorCode.RATE_LIMITED]: 429 };

/**
 * `POST /export?format=csv|xlsx` with `{query, variables, operationName}`: runs the operation
 * through the gateway's own `/graphql` (so authentication, partner rules, limits, masking in the
 * subgraphs, jurisdiction and audit all apply as to any request) with the caller's credentials,
 * and returns the first list of the result as a file with Chinese headers.
 */
export function serveExport(app: Express, graphqlUrl: () => string, schema: () => GraphQLSchema | undefined): void {
  app.post('/export', express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
    const format = String(req.query.format ?? '') as keyof typeof FORMATS;
    if (!(format in FORMATS)) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'format', '导出格式须为 csv 或 xlsx', 'format must be csv or xlsx');
    const { query, variables, operationName } = (req.body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof query !== 'string' || !query.trim()) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'query', '缺少要导出的查询', 'query is missing');
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
      return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'operationName', '操作名须为字符串', 'operationName must be a string');
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const name of CREDENTIALS) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name] as string;
    const answer = await fetch(graphqlUrl(), { method: 'POST', headers, body: JSON.stringify({ query, variables, operationName }) });
    const body = (await answer.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.length || !body.data) {
      const code = body.errors?.[0]?.extensions?.code ?? '';
      return res.status(answer.status !== 200 ? answer.status : STATUS[code] ?? 400).json({ errors: body.errors });
    }
    const currentSchema = schema();
    const table = currentSchema && firstList(currentSchema, query, (operationName as string | undefined) ?? undefined, body.data);
    if (!table) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'query', '查询结果中没有可导出的列表', 'The result has no list to export');
    const name = (typeof operationName === 'string' && /^\w+$/.test(operationName) ? operationName : 'export');
    const { type, extension } = FORMATS[format];
    const file = format === 'csv' ? toCsv(table) : await toXlsx(table, name);
    res.status(200).type(type).setHeader('content-disposition', `attachment; filename="${name}.${extension}"`).send(file);
  });
}
