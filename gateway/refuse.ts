import type { Response } from 'express';
import { currentRequest } from '../platform/server/log';

/** A coded, bilingual error answered by the gateway's own routes (the GraphQL error shape). */
export function refuse(res: Response, status: number, code: string, zh: string, en: string, options: { field?: string; headers?: Record<string, string> } = {}) {
  const extensions = { code, ...(options.field ? { field: options.field } : {}), messageZh: zh, messageEn: en, requestId: currentRequest()?.requestId };
  res.status(status).set(options.headers ?? {}).json({ errors: [{ message: `${zh} · ${en}`, extensions }] });
}
