import type { NextFunction, Request, Response } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Identity } from '../platform/security/identity';
import { authenticateKey, registeredDocument } from './clients/client-store';
import { rateLimits, type RateLimits } from './rate-limits';
import { refuse } from './refuse';

export const API_KEY_HEADER = 'x-api-key';

/** The partner identity the gate attached to a request. */
export type PartnerRequest = Request & { partner?: Identity };

/**
 * Partner systems (API key in `X-Api-Key`): the key must be genuine, unexpired and unrevoked;
 * the client stays within its rate (counted across gateway replicas with REDIS_URL: `rate-limits.ts`); and it may run only the operations registered for it, sent
 * as their text or as `documentId` (the SHA-256 of the text). Everything else is refused here,
 * before the gateway parses, plans or runs anything.
 */
export function partnerGate(clients: DataSource, limits: RateLimits = rateLimits()) {
  const limiterFor = (perMinute: number) => limits.limiter(perMinute);

  return async (req: PartnerRequest, res: Response, next: NextFunction) => {
    const key = req.headers[API_KEY_HEADER];
    if (!key) return next();
    try {
      const client = await authenticateKey(clients, String(key));
      if (!client) return refuse(res, 401, 'UNAUTHENTICATED', 'API 密钥无效、已过期或已吊销', 'Invalid, expired or revoked API key');
      try {
        await limiterFor(client.ratePerMinute).consume(client.id);
      } catch (rejection) {
        const retry = rejection instanceof RateLimiterRes ? Math.ceil(rejection.msBeforeNext / 1000) : 60;
        return refuse(res, 429, 'RATE_LIMITED', `请求过于频繁，请 ${retry} 秒后再试`, `Rate limit exceeded: retry in ${retry} s`, { headers: { 'retry-after': String(retry) } });
      }
      const body = (req.body ?? {}) as { query?: string; documentId?: string };
      const document = await registeredDocument(clients, client.id, body);
      if (!document) {
        return refuse(res, 403, 'FORBIDDEN', '该操作未为此合作方登记', 'This operation is not registered for your client');
      }
      body.query = document;
      req.body = body;
      req.partner = client.identity;
      next();
    } catch (error) {
      next(error);
    }
  };
}
