import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import pino from 'pino';

/**
 * The platform's log: JSON lines on standard output, one object a line (pino), in every process.
 * `LOG_LEVEL` (trace, debug, info, warn, error, fatal, silent; default info, silent under the
 * tests) and `LOG_FORMAT` (`json`, or `pretty`: one short readable line each; default pretty on
 * a terminal outside production). Lines never carry personal values: a request's line names
 * the caller's subject and role, not what was asked or answered.
 */

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
type Level = (typeof LEVELS)[number];

function levelFrom(env: NodeJS.ProcessEnv): Level {
  const raw = env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info');
  if (!(LEVELS as readonly string[]).includes(raw)) throw new Error(`Configuration error: LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${raw}"`);
  return raw as Level;
}

function prettyFrom(env: NodeJS.ProcessEnv): boolean {
  if (env.LOG_FORMAT === 'json') return false;
  if (env.LOG_FORMAT === 'pretty') return true;
  if (env.LOG_FORMAT) throw new Error(`Configuration error: LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  return env.NODE_ENV !== 'production' && Boolean(process.stdout.isTTY);
}

/** One JSON line as a short readable one: time, level, service, message, then the other fields. */
export function prettyLine(json: string): string {
  try {
    const { time, level, service, msg, pid: _pid, stack, ...rest } = JSON.parse(json) as Record<string, unknown>;
    const fields = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    const head = `${String(time ?? '').slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${service ?? ''} ${msg ?? ''}`;
    return [head, ...fields].join(' ') + (stack ? `\n${stack}` : '') + '\n';
  } catch {
    return json;
  }
}

/** Where lines go: standard output, unless a test captures them. */
let sink: ((line: string) => void) | undefined;
const pretty = prettyFrom(process.env);
const destination = {
  write(line: string) {
    if (sink) sink(line);
    else process.stdout.write(pretty ? prettyLine(line) : line);
  },
};

const root = pino(
  {
    level: levelFrom(process.env),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  destination,
);

export interface Log {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** The log of one service (`gateway`, `households` …): every line names it. */
export function logger(service: string): Log {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (fields: Record<string, unknown>, message: string) => root[level]({ service, ...fields }, message);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Fields of an error for the log (server side only: its stack never reaches a client). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = (error as { originalError?: unknown }).originalError;
  const origin = cause instanceof Error ? cause : error;
  return { error: origin.message, errorType: origin.name, stack: origin.stack };
}

/** Catches every line logged until `stop` (at `level`), parsed; for tests. */
export function captureLogs(level: Level = 'info'): { lines: Record<string, any>[]; stop(): void } {
  const lines: Record<string, any>[] = [];
  const before = root.level;
  root.level = level;
  sink = (line) => lines.push(JSON.parse(line));
  return {
    lines,
    stop() {
      sink = undefined;
      root.level = before;
    },
  };
}

/** What the per-request line reports, filled in as the request goes. */
export interface RequestLog {
  requestId: string;
  operation?: string;
  subject?: string;
  role?: string;
}

const requests = new AsyncLocalStorage<RequestLog>();

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id a caller may choose: short, letters, digits and `-_.:` only. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's `X-Request-Id` when it is acceptable, else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && ACCEPTED_ID.test(given) ? given : randomUUID();
}

/** The request being served now (undefined outside one). */
export function currentRequest(): RequestLog | undefined {
  return requests.getStore();
}

/** Records who and what the request running now is, for its log line. */
export function noteRequest(details: Partial<Omit<RequestLog, 'requestId'>>): void {
  const entry = requests.getStore();
  if (entry) Object.assign(entry, Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)));
}

const QUIET = /^\/(health|favicon)/;

/**
 * First middleware of every server: gives the request its id (the caller's `X-Request-Id` or a
 * new one, echoed in the response header), runs the rest inside it, and logs one line when the
 * response is sent: id, method, path, status, duration, operation, subject and role.
 */
export function requestLogging(log: Log) {
  return (req: Request, res: Response, next: NextFunction) => {
    const entry: RequestLog = { requestId: requestIdOf(req.headers[REQUEST_ID_HEADER]) };
    res.setHeader(REQUEST_ID_HEADER, entry.requestId);
    const started = process.hrtime.bigint();
    const path = req.originalUrl.split('?')[0];
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      const status = res.writableFinished ? res.statusCode : 499;
      const fields = { ...entry, method: req.method, path, status, durationMs };
      if (QUIET.test(path) && status < 500) log.debug(fields, 'request');
      else log.info(fields, 'request');
    };
    res.once('finish', done);
    res.once('close', done);
    requests.run(entry, next);
  };
}
