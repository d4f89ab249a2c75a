import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { currentRequest, type RequestLog } from './log';
import { countErrors, observeRequest, operationLabel, type RequestOutcome } from './metrics';

/** What one request did, as the metrics see it. */
interface Observed {
  /** The operation it ran (null: anonymous); unset until GraphQL resolved one. */
  operation?: string | null;
  codes: string[];
  hasData: boolean;
}

const observed = new WeakMap<RequestLog, Observed>();

function observedNow(): Observed | undefined {
  const entry = currentRequest();
  return entry && observed.get(entry);
}

/** Codes the caller caused; any other failure is ours. */
const CALLER_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

function outcomeOf(status: number, seen: Observed): RequestOutcome {
  if (status >= 500) return 'failed';
  if (!seen.codes.length) return status >= 400 ? 'rejected' : 'ok';
  if (seen.hasData) return 'partial';
  return seen.codes.every((c) => CALLER_CODES.has(c)) ? 'rejected' : 'failed';
}

/**
 * After `requestLogging` on the gateway and every subgraph: times each `/graphql` request into
 * `resettlement_request_duration_seconds{service, operation, outcome}` and counts every error
 * answered on any route into `resettlement_errors_total{service, code}` — those GraphQL returns
 * (noted by `requestMetricsPlugin`) and the coded refusals the servers' own routes and guards
 * send as JSON before GraphQL runs (rate limits, bad bodies, draining).
 */
export function requestMetrics(service: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const entry = currentRequest();
    if (!entry) return next();
    const seen: Observed = { codes: [], hasData: false };
    observed.set(entry, seen);
    const json = res.json;
    res.json = function (this: Response, body: unknown) {
      for (const error of (body as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors ?? []) {
        if (typeof error?.extensions?.code === 'string') seen.codes.push(error.extensions.code);
      }
      return json.call(this, body);
    } as typeof res.json;
    const started = process.hrtime.bigint();
    const graphql = req.path === '/graphql';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      countErrors(service, seen.codes);
      if (!graphql) return;
      const status = res.writableFinished ? res.statusCode : 499;
      observeRequest(service, operationLabel(service, seen.operation), outcomeOf(status, seen), Number(process.hrtime.bigint() - started) / 1e9);
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
}

/** Notes, for `requestMetrics`, the operation a GraphQL request ran and the codes of the errors it answered (as formatted for the client). */
export function requestMetricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const seen = observedNow();
          if (seen) seen.operation = operationName ?? null;
        },
        async willSendResponse({ response }) {
          const seen = observedNow();
          if (!seen || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // data whose every field is null (a failed subgraph's root field) is no answer
          seen.hasData = Object.values(data ?? {}).some((value) => value !== null);
          for (const error of errors ?? []) seen.codes.push(typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR');
        },
      };
    },
  };
}
