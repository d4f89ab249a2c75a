import type { Express, NextFunction, Request, Response } from 'express';
import { currentRequest, errorFields, logger } from './log';

/** Seconds a client is told to wait (`Retry-After`) when a draining process sheds its request. */
const RETRY_AFTER_SECONDS = 5;

/** The longest a readiness check waits for the database. */
const DATABASE_CHECK_MS = 2000;

/**
 * Where a server is in its life, for an orchestrator and for a graceful stop:
 * `GET /health/live` answers 200 while the process runs; `GET /health/ready` answers 200 only
 * once it serves, while it is not draining, and while its database answers. `drain()` (on
 * SIGTERM) sheds every new request with 503 and `Retry-After` and resolves once the requests
 * in flight have finished, or when `timeoutMs` is up.
 */
export class Lifecycle {
  private state: 'starting' | 'ready' | 'draining' = 'starting';
  private inFlight = 0;
  private idle: (() => void) | undefined;

  constructor(private readonly databaseCheck?: () => Promise<unknown>) {}

  /** Mounts the probes and the gate; call before every other route. */
  mount(app: Express): void {
    app.get('/health/live', (_req, res) => {
      res.json({ status: 'live' });
    });
    app.get('/health/ready', async (_req, res) => {
      const reason = this.state !== 'ready' ? this.state : (await this.databaseReachable()) ? undefined : 'database unreachable';
      res.status(reason ? 503 : 200).json({ status: reason ?? 'ready' });
    });
    app.use((req, res, next) => this.gate(req, res, next));
  }

  ready(): void {
    if (this.state === 'starting') this.state = 'ready';
  }

  get draining(): boolean {
    return this.state === 'draining';
  }

  /** Stops taking requests; resolves with the number still in flight when it gave up (0: all finished). */
  drain(timeoutMs: number): Promise<number> {
    this.state = 'draining';
    if (this.inFlight === 0) return Promise.resolve(0);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.inFlight), timeoutMs);
      this.idle = () => {
        clearTimeout(timer);
        resolve(0);
      };
    });
  }

  private async databaseReachable(): Promise<boolean> {
    if (!this.databaseCheck) return true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), DATABASE_CHECK_MS)));
      await Promise.race([this.databaseCheck(), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private gate(req: Request, res: Response, next: NextFunction): void {
    if (req.path === '/health' || req.path.startsWith('/health/')) return next();
    if (this.state === 'draining') {
      const [zh, en] = ['服务正在停止，请稍后重试', 'The service is shutting down: retry shortly'];
      res.status(503).set({ 'retry-after': String(RETRY_AFTER_SECONDS), connection: 'close' });
      res.json({ errors: [{ message: `${zh} · ${en}`, extensions: { code: 'SHUTTING_DOWN', messageZh: zh, messageEn: en, requestId: currentRequest()?.requestId } }] });
      return;
    }
    this.inFlight++;
    // a response finished while draining closes its connection: no keep-alive request races the stop
    const writeHead = res.writeHead;
    res.writeHead = ((...args: Parameters<typeof writeHead>) => {
      if (this.state === 'draining' && !res.headersSent) res.setHeader('connection', 'close');
      return writeHead.apply(res, args);
    }) as typeof writeHead;
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      this.inFlight--;
      if (this.inFlight === 0 && this.idle) this.idle();
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  }
}

/** A part of the process that stops gracefully: drain, then close. */
export interface Stoppable {
  name: string;
  drain(timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT (once): drains every part in order (the gateway before the subgraphs it
 * calls), within `drainTimeoutMs` in all, closes them and whatever `after` closes (pools, the
 * embedded database), and exits 0; 1 if closing failed. A second signal exits at once.
 */
export function stopOnSignals(parts: Stoppable[], drainTimeoutMs: number, after: () => Promise<void> = async () => undefined): void {
  const log = logger(parts.map((p) => p.name).join(',') || 'process');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    const deadline = Date.now() + drainTimeoutMs;
    log.info({ signal, drainTimeoutMs }, 'draining');
    let left = 0;
    for (const part of parts) left += await part.drain(Math.max(0, deadline - Date.now()));
    try {
      for (const part of parts) await part.close();
      await after();
      log.info({ unfinished: left }, 'stopped');
      process.exit(0);
    } catch (error) {
      log.error(errorFields(error), 'failed to stop cleanly');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
