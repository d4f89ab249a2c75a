import { AckPolicy, connect, DeliverPolicy, RetentionPolicy, StorageType, nanos, type JetStreamManager, type NatsConnection } from 'nats';
import type { EventsConfig } from '../config';

/**
 * Registry events on NATS JetStream (processes apart): one stream holds every event the relay
 * published, in sequence order, on one subject; each projecting subgraph reads it through its
 * own durable consumer. Message id (`Nats-Msg-Id`) = the event's sequence, so a republish
 * inside JetStream's duplicate window is dropped by the server; the `Registry-Previous` header
 * names the sequence published before it, which the consumer checks against its position.
 */
export const HEADER_PREVIOUS = 'Registry-Previous';
export const HEADER_RECORDED_AT = 'Registry-Recorded-At';

export interface StreamNames {
  stream: string;
  subject: string;
  /** The durable consumer of one subgraph. */
  durable(subgraph: string): string;
}

export function streamNames(stream: string): StreamNames {
  return { stream, subject: `zrg.${stream}.registry-events`, durable: (subgraph) => `${stream}_${subgraph}` };
}

export function connectNats(config: EventsConfig, name: string): Promise<NatsConnection> {
  // keeps reconnecting for as long as the process lives: the relay and the consumers resume where they stopped
  return connect({ servers: config.natsUrl, name, maxReconnectAttempts: -1, reconnectTimeWait: 1000 });
}

/** Creates the stream when it does not exist (the relay and every consumer may start first). It keeps every event: a consumer down for long catches up from it. */
export async function ensureStream(jsm: JetStreamManager, names: StreamNames): Promise<void> {
  try {
    await jsm.streams.info(names.stream);
  } catch (error) {
    if (!/stream not found/i.test(String((error as Error).message))) throw error;
    await jsm.streams.add({
      name: names.stream, subjects: [names.subject], storage: StorageType.File, retention: RetentionPolicy.Limits,
      // a relay that restarts republishes what it had not recorded; inside this window the server drops the copy
      duplicate_window: nanos(10 * 60 * 1000),
    });
  }
}

/** Creates the subgraph's durable consumer when it does not exist: from the stream's first event, explicit acks. */
export async function ensureConsumer(jsm: JetStreamManager, names: StreamNames, subgraph: string): Promise<string> {
  const durable = names.durable(subgraph);
  try {
    await jsm.consumers.info(names.stream, durable);
  } catch (error) {
    if (!/consumer not found/i.test(String((error as Error).message))) throw error;
    await jsm.consumers.add(names.stream, {
      durable_name: durable, filter_subject: names.subject, deliver_policy: DeliverPolicy.All, ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(30_000), max_ack_pending: 10_000,
    });
  }
  return durable;
}
