import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { loadConfig } from '../config';
import type { StatementCounter } from '../db/data-source';

/**
 * The process's metrics, one registry for every server it runs (the gateway and the subgraphs
 * share one process under `npm start`): each series names its `service`. Served in Prometheus
 * text format on the internal metrics port only (`metrics-server.ts`), never beside the API.
 * Every label takes a bounded set of values: operation names come from clients, so they are
 * admitted up to a cap per service (`operationLabel`).
 */
export const metricsRegistry = new Registry();

/** Seconds; up to the default subgraph timeout (30 s). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What became of a request: answered in full, in part (data and errors), refused (the caller's mistake) or failed (ours). */
export type RequestOutcome = 'ok' | 'partial' | 'rejected' | 'failed';

/** What became of one subgraph fetch of the gateway's. */
export type FetchOutcome = 'ok' | 'errors' | 'unavailable' | 'timeout' | 'failed';

const requestDuration = new Histogram({
  name: 'resettlement_request_duration_seconds',
  help: 'GraphQL requests served, by service (gateway or subgraph), operation name and outcome',
  labelNames: ['service', 'operation', 'outcome'] as const,
  buckets: BUCKETS,
  registers: [metricsRegistry],
});

const subgraphFetchDuration = new Histogram({
  name: 'resettlement_subgraph_fetch_duration_seconds',
  help: "The gateway's fetches from each subgraph, by subgraph and outcome",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: BUCKETS,
  registers: [metricsRegistry],
});

const sharedReads = new Counter({
  name: 'resettlement_subgraph_reads_shared_total',
  help: 'Subgraph reads the gateway did not send, sharing the answer of the identical read of the same caller already in flight',
  labelNames: ['subgraph'] as const,
  registers: [metricsRegistry],
});

const errors = new Counter({
  name: 'resettlement_errors_total',
  help: 'Errors answered to callers, by service and code (BAD_USER_INPUT, FORBIDDEN, SUBGRAPH_UNAVAILABLE …)',
  labelNames: ['service', 'code'] as const,
  registers: [metricsRegistry],
});

/** Statement counters of the subgraphs in this process, by service (replicas in one process add up). */
const statementCounters = new Map<string, Set<StatementCounter>>();
new Counter({
  name: 'resettlement_sql_statements_total',
  help: 'SQL statements run by each subgraph',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    for (const [service, counters] of statementCounters) {
      let total = 0;
      for (const counter of counters) total += counter.count;
      this.inc({ service }, total);
    }
  },
});

/** How far behind the registry's outbox each consumer is, measured when scraped. */
const lagSources = new Map<string, () => number | Promise<number>>();
new Gauge({
  name: 'resettlement_event_lag',
  help: "Registry events in the outbox that a consumer has not applied yet, by consumer",
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const [consumer, lag] of lagSources) {
      try {
        this.set({ consumer }, await lag());
      } catch {
        // a consumer whose position cannot be read now reports nothing rather than a false 0
      }
    }
  },
});

/**
 * Values a label may take for one service: a value is admitted while fewer than `max` are
 * known; past that every new one is `other`, and anything not shaped like a GraphQL name is
 * `invalid`. A million distinct operation names cost at most `max` series.
 */
class BoundedValues {
  private readonly admitted = new Set<string>();
  constructor(private readonly max: number) {}

  of(value: string): string {
    if (this.admitted.has(value)) return value;
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(value)) return 'invalid';
    if (this.admitted.size >= this.max) return 'other';
    this.admitted.add(value);
    return value;
  }
}

const operationsByService = new Map<string, BoundedValues>();
/** Any public code plus the few of the platform's own routes; other strings are not codes. */
const codes = new BoundedValues(50);

/**
 * The operation label of a request: the name of the operation it ran (`anonymous` without one,
 * `unresolved` when it never got that far: refused, unparsable, invalid), capped per service at
 * METRICS_MAX_OPERATIONS names (then `other`).
 */
export function operationLabel(service: string, operation: string | null | undefined): string {
  if (operation === undefined) return 'unresolved';
  if (operation === null || operation === '') return 'anonymous';
  let values = operationsByService.get(service);
  if (!values) operationsByService.set(service, (values = new BoundedValues(loadConfig().metrics.maxOperations)));
  return values.of(operation);
}

export function observeRequest(service: string, operation: string, outcome: RequestOutcome, seconds: number): void {
  requestDuration.observe({ service, operation, outcome }, seconds);
}

export function countErrors(service: string, errorCodes: readonly string[]): void {
  for (const code of errorCodes) errors.inc({ service, code: /^[A-Z][A-Z_]{0,39}$/.test(code) ? codes.of(code) : 'invalid' });
}

export function countSharedRead(subgraph: string): void {
  sharedReads.inc({ subgraph });
}

export function observeSubgraphFetch(subgraph: string, outcome: FetchOutcome, seconds: number): void {
  subgraphFetchDuration.observe({ subgraph, outcome }, seconds);
}

/** Counts a subgraph's SQL statements under its name until the returned function is called. */
export function registerStatements(service: string, counter: StatementCounter): () => void {
  let counters = statementCounters.get(service);
  if (!counters) statementCounters.set(service, (counters = new Set()));
  counters.add(counter);
  return () => counters.delete(counter);
}

/**
 * Reports a registry-event consumer's lag (events in the outbox it has not applied) as
 * `resettlement_event_lag{consumer}`, read from `lag` at every scrape, until the returned
 * function is called. Any delivery (in process, NATS) feeds it the same way.
 */
export function registerEventLag(consumer: string, lag: () => number | Promise<number>): () => void {
  lagSources.set(consumer, lag);
  return () => {
    if (lagSources.get(consumer) === lag) lagSources.delete(consumer);
  };
}

let defaultsCollected = false;
/**
 * The process's own metrics (memory, CPU, event loop, handles), once, when an endpoint serves them.
 * The event loop's delay keeps prom-client's 10 ms sampling: its histogram records whole intervals,
 * so the lag metrics read the sampling interval plus the delay (at 100 ms, an idle process read
 * 100 ms). The monitor costs an idle process about 8.5 ms of CPU a second on this hardware.
 */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry });
}
