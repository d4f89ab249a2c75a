import type { DataSource } from 'typeorm';
import { schemaName } from '../db/data-source';
import { readOutbox, outboxHead } from './outbox-reader';
import { applyRegistryEvents, projectionPosition, type ProjectionConfig } from './projection';
import { onOutbox } from './signal';
import { registerEventLag } from '../server/metrics';

export interface RegistryConsumer {
  name: string;
  /** The subgraph's owner data source (the projection is written as the owner). */
  dataSource: DataSource;
  projection: ProjectionConfig;
}

const BATCH = 1000;

/** Applies everything in the outbox after the consumer's position, batch by batch. */
export async function catchUp(households: DataSource, consumer: RegistryConsumer): Promise<number> {
  let applied = 0;
  let position = await projectionPosition(consumer.dataSource);
  for (;;) {
    const events = await readOutbox(households, position, BATCH);
    if (!events.length) return applied;
    const result = await applyRegistryEvents(consumer.dataSource, consumer.projection, events);
    applied += result.applied;
    position = result.position;
  }
}

/**
 * Delivery in one process (the embedded default): when a registry transaction has committed,
 * each consumer catches up from its own position in the outbox; it also polls, and catches up
 * on start, so nothing is lost to a missed signal or a restart. One run per consumer at a time.
 */
export class InProcessDelivery {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private lastError: unknown;
  private unsubscribe?: () => void;
  private unregisterLag: (() => void)[] = [];
  private timer?: NodeJS.Timeout;

  /** `pollMs` 0: no polling (the tests wait with `settled()`, and count statements). */
  constructor(private readonly households: DataSource, private readonly consumers: RegistryConsumer[], private readonly pollMs = 1000) {}

  async start(): Promise<void> {
    this.unsubscribe = onOutbox(schemaName(this.households), () => this.kick());
    // lag in events: the outbox's head less the consumer's position, read when metrics are scraped
    for (const consumer of this.consumers) {
      this.unregisterLag.push(registerEventLag(consumer.name, async () => Math.max(0, (await outboxHead(this.households)) - (await projectionPosition(consumer.dataSource)))));
    }
    if (this.pollMs > 0) {
      this.timer = setInterval(() => this.kick(), this.pollMs);
      this.timer.unref();
    }
    await this.settled();
  }

  /** Starts (or queues) a catch-up of every consumer. */
  kick(): void {
    for (const consumer of this.consumers) void this.run(consumer);
  }

  private run(consumer: RegistryConsumer): Promise<void> {
    const current = this.running.get(consumer.name);
    if (current) {
      this.again.add(consumer.name);
      return current;
    }
    const loop = (async () => {
      do {
        this.again.delete(consumer.name);
        try {
          await catchUp(this.households, consumer);
          this.lastError = undefined;
        } catch (error) {
          this.lastError = error;
          console.error(`registry events: ${consumer.name} could not apply: ${error instanceof Error ? error.message : error}`);
          return;
        }
      } while (this.again.has(consumer.name));
    })().finally(() => this.running.delete(consumer.name));
    this.running.set(consumer.name, loop);
    return loop;
  }

  /** Resolves once every consumer has applied the whole outbox as it stands now (throws what stopped one). */
  async settled(): Promise<void> {
    const head = await outboxHead(this.households);
    for (const consumer of this.consumers) {
      while ((await projectionPosition(consumer.dataSource)) < head) {
        await this.run(consumer);
        if (this.lastError) throw this.lastError;
      }
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    for (const unregister of this.unregisterLag.splice(0)) unregister();
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.running.values());
  }
}
