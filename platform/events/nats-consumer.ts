import { JSONCodec, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from 'nats';
import type { DataSource } from 'typeorm';
import { errorFields, logger } from '../server/log';
import { reportStatus } from './event-status';
import { registerEventLag } from '../server/metrics';
import { HEADER_PREVIOUS, HEADER_RECORDED_AT, ensureConsumer, ensureStream, type StreamNames } from './jetstream';
import { applyRegistryEvents, projectionPosition, SequenceGap, type ProjectionConfig } from './projection';
import type { RegistryEvent } from './registry-event';

const codec = JSONCodec<RegistryEvent>();
/** Redelivery delay after a gap (the missing event is on its way) and after a failure (the database may be away). */
const GAP_DELAY_MS = 200;
const FAILURE_DELAY_MS = 2000;
/** Events applied in one transaction at most (as the in-process catch-up). */
const MAX_BATCH = 1000;

interface Delivered {
  msg: JsMsg;
  event: RegistryEvent;
  previous: number;
  recordedAt: number;
}

/** What an applied batch reports (a benchmark's or an exporter's hook). */
export interface AppliedBatch {
  consumer: string;
  sequences: number[];
  recordedAt: number[];
  appliedAt: number;
}

/**
 * A subgraph's durable JetStream consumer of registry events: it applies what arrives in
 * batches (what has arrived while the previous batch was applied), each batch with
 * `applyRegistryEvents(…, { previous })` in one transaction, and acknowledges the messages only
 * after that transaction has committed. Events at or below its position are acknowledged
 * without a write (duplicates, republished events); a batch whose first event follows one not
 * applied yet (SequenceGap) writes nothing and is redelivered, as is one the database refused.
 * The durable consumer remembers what was acknowledged: a subgraph that was down receives
 * everything after it when it starts again.
 */
export class NatsConsumer {
  private messages?: ConsumerMessages;
  private readonly queue: Delivered[] = [];
  private draining?: Promise<void>;
  private reading?: Promise<void>;
  private position = 0;
  private lastLagMs: number | null = null;
  private unreport?: () => void;
  private readonly log = logger('registry-consumer');

  constructor(
    private readonly name: string,
    private readonly dataSource: DataSource,
    private readonly projection: ProjectionConfig,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: StreamNames,
    private readonly onApplied?: (batch: AppliedBatch) => void,
  ) {}

  async start(): Promise<void> {
    await ensureStream(this.jsm, this.names);
    const durable = await ensureConsumer(this.jsm, this.names, this.name);
    this.position = await projectionPosition(this.dataSource);
    const consumer = await this.js.consumers.get(this.names.stream, durable);
    this.messages = await consumer.consume({ max_messages: 1000 });
    const pending = async () => {
      const info = await this.jsm.consumers.info(this.names.stream, durable).catch(() => undefined);
      return info ? info.num_pending + info.num_ack_pending : -1;
    };
    const unreport = reportStatus(async () => ({
      role: 'consumer', name: this.name, appliedSequence: this.position, pendingEvents: await pending(), lastLagMs: this.lastLagMs,
    }));
    // the same figure as resettlement_event_lag{consumer}: events the durable consumer has not acknowledged
    const unregisterLag = registerEventLag(this.name, pending);
    this.unreport = () => (unreport(), unregisterLag());
    const messages = this.messages;
    this.reading = (async () => {
      for await (const msg of messages) {
        this.queue.push(this.decode(msg));
        this.startDraining();
      }
    })().catch((error) => this.log.error(errorFields(error), 'registry events: the consumer stopped reading'));
    this.log.info({ consumer: durable, position: this.position }, 'registry events: consuming');
  }

  private decode(msg: JsMsg): Delivered {
    return {
      msg, event: codec.decode(msg.data),
      previous: Number(msg.headers?.get(HEADER_PREVIOUS) ?? 0),
      recordedAt: Date.parse(msg.headers?.get(HEADER_RECORDED_AT) ?? '') || Date.now(),
    };
  }

  private startDraining(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      // arrived between the last batch and this line
      if (this.queue.length) this.startDraining();
    });
  }

  /** Applies the queue batch by batch until it is empty. */
  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      await this.apply(batch);
    }
  }

  /**
   * The batch in sequence order; the run of it whose events follow one another (each one's
   * `previous` at or below the one before) is applied in one transaction, the rest is
   * redelivered (it can only come from a redelivery interleaved with new events).
   */
  private async apply(batch: Delivered[]): Promise<void> {
    batch.sort((a, b) => a.event.sequence - b.event.sequence);
    let end = 1;
    while (end < batch.length && batch[end].previous <= batch[end - 1].event.sequence) end++;
    const run = batch.slice(0, end);
    const rest = batch.slice(end);
    for (const d of rest) d.msg.nak(GAP_DELAY_MS);
    const unique = run.filter((d, i) => i === 0 || d.event.sequence !== run[i - 1].event.sequence);
    this.log.debug({ first: run[0].event.sequence, last: run[run.length - 1].event.sequence, previous: run[0].previous, events: unique.length, redelivered: batch.length - run.length }, 'registry events: applying');
    try {
      const result = await applyRegistryEvents(this.dataSource, this.projection, unique.map((d) => d.event), { previous: run[0].previous });
      this.position = result.position;
    } catch (error) {
      for (const d of run) d.msg.nak(error instanceof SequenceGap ? GAP_DELAY_MS : FAILURE_DELAY_MS);
      if (error instanceof SequenceGap) this.log.warn({ position: error.position, previous: error.previous }, 'registry events: waiting for an earlier event');
      else this.log.error(errorFields(error), 'registry events: could not apply (redelivered)');
      return;
    }
    const appliedAt = Date.now();
    for (const d of run) d.msg.ack();
    this.lastLagMs = appliedAt - run[run.length - 1].recordedAt;
    this.onApplied?.({ consumer: this.name, sequences: unique.map((d) => d.event.sequence), recordedAt: unique.map((d) => d.recordedAt), appliedAt });
  }

  /** The last sequence applied to the projection. */
  get appliedSequence(): number {
    return this.position;
  }

  async stop(): Promise<void> {
    this.unreport?.();
    await this.messages?.close();
    await this.reading;
    await this.draining;
    // delivered but not applied: back to the stream at once, not after the acknowledgement wait
    for (const d of this.queue.splice(0)) d.msg.nak();
  }
}
