import type { RequestHandler } from 'express';
import { setGatewayOperations } from '../platform/server/metrics';

/**
 * At most `max` GraphQL requests execute at a time; the rest wait, in order of arrival, as parsed
 * bodies, until one finishes (its response sent or its connection closed). What a request holds
 * while it executes (every subgraph answer, the merged result, the serialised response) is what
 * bounds the gateway's memory under many connections, not the waiting bodies.
 */
export class OperationSlots {
  private executing = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new Error(`GATEWAY_MAX_OPERATIONS must be at least 1, got ${max}`);
    setGatewayOperations(0, 0);
  }

  /** Resolves when the caller may execute; call the returned function once when done. */
  async acquire(): Promise<() => void> {
    if (this.executing < this.max) this.executing++;
    else {
      await new Promise<void>((turn) => {
        this.queue.push(turn);
        this.report();
      });
    }
    this.report();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // the slot passes to the next waiting request as it is
      if (next) next();
      else this.executing--;
      this.report();
    };
  }

  get waiting(): number {
    return this.queue.length;
  }

  private report() {
    setGatewayOperations(this.executing, this.queue.length);
  }

  /** Express middleware: waits for a slot, gives it back when the response is finished or the connection closed. */
  middleware(): RequestHandler {
    return (_req, res, next) => {
      this.acquire().then((release) => {
        res.once('finish', release);
        res.once('close', release);
        if (res.writableEnded || res.destroyed) release();
        else next();
      }, next);
    };
  }
}
