import { headers, JSONCodec, type JetStreamClient, type JetStreamManager } from 'nats';
import type { DataSource } from 'typeorm';
import { schemaName } from '../db/data-source';
import { logger, errorFields } from '../server/log';
import { reportStatus } from './event-status';
import { HEADER_PREVIOUS, HEADER_RECORDED_AT, ensureStream, type StreamNames } from './jetstream';
import { outboxHead, readOutbox } from './outbox-reader';
import { asProjection } from './projection';
import { RELAY_TABLE } from './registry-event';
import { onOutbox } from './signal';

const BATCH = 500;
const codec = JSONCodec();

/**
 * The outbox relay (in the households process): publishes the outbox to the JetStream stream
 * from the position recorded in `registry_relay`, in sequence order, and records the last
 * sequence the stream acknowledged in the same transaction that holds the position's row lock
 * (so two households replicas never publish at once: the second skips while the first holds
 * it). A relay that stops between the stream's acknowledgement and its commit republishes
 * those events on restart: JetStream drops them by message id inside its duplicate window,
 * and a consumer skips any it has applied by sequence. Runs after every registry commit in
 * this process, and polls.
 */
export class NatsRelay {
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private published = 0;
  private unsubscribe?: () => void;
  private unreport?: () => void;
  private timer?: NodeJS.Timeout;
  private readonly log = logger('registry-relay');

  constructor(
    private readonly households: DataSource,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: StreamNames,
    private readonly pollMs = 500,
  ) {}

  private get table(): string {
    return `"${schemaName(this.households)}".${RELAY_TABLE}`;
  }

  async start(): Promise<void> {
    await ensureStream(this.jsm, this.names);
    const info = await this.jsm.streams.info(this.names.stream);
    // a new (or emptied) stream: publish the outbox again from its start; consumers skip what they have applied
    if (info.state.messages === 0) await asProjection(() => this.households.query(`UPDATE ${this.table} SET sequence = 0 WHERE sequence <> 0`));
    this.unsubscribe = onOutbox(schemaName(this.households), () => void this.kick());
    this.timer = setInterval(() => void this.kick(), this.pollMs);
    this.timer.unref();
    this.unreport = reportStatus(async () => {
      const head = await outboxHead(this.households);
      return { role: 'relay', name: this.names.stream, publishedSequence: this.published, unpublishedEvents: Math.max(0, head - this.published) };
    });
    // the backlog is published in the background: the process serves meanwhile
    void this.kick();
  }

  /** Publishes what the outbox holds beyond the recorded position (one run at a time; a call during a run queues one more). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while (!this.stopped && (await this.publishBatch()) > 0) this.again = false;
        } catch (error) {
          this.log.error(errorFields(error), 'registry events: publishing failed (retried at the next poll)');
          return;
        }
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** One batch: lock the position, publish what follows it, wait for the stream's acknowledgements, record the last. */
  private publishBatch(): Promise<number> {
    return asProjection(() => this.households.transaction(async (m) => {
      const [row] = await m.query(`SELECT sequence::text AS sequence FROM ${this.table} WHERE id = 1 FOR UPDATE SKIP LOCKED`);
      if (!row) return 0; // another relay holds it
      let previous = Number(row.sequence);
      this.published = Math.max(this.published, previous);
      const events = await readOutbox(this.households, previous, BATCH);
      if (!events.length) return 0;
      // published in order on one connection: the stream stores them in that order
      const acks = events.map(({ recordedAt, ...event }) => {
        const h = headers();
        h.set(HEADER_PREVIOUS, String(previous));
        h.set(HEADER_RECORDED_AT, recordedAt);
        previous = event.sequence;
        return this.js.publish(this.names.subject, codec.encode(event), { msgID: String(event.sequence), headers: h });
      });
      await Promise.all(acks);
      await m.query(`UPDATE ${this.table} SET sequence = $1 WHERE id = 1`, [previous]);
      this.published = previous;
      return events.length;
    }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unreport?.();
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
