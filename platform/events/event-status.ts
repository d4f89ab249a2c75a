/**
 * How far registry events have travelled, as numbers an operator (or a metrics exporter) reads:
 * per relay, the last sequence published and what the outbox holds beyond it; per consumer, the
 * last sequence applied, the events waiting for it, and how long the last applied event took
 * from its registry transaction to its projection. Each relay and consumer in this process
 * registers itself; `registryEventStatus()` asks all of them.
 */
export interface RelayStatus {
  role: 'relay';
  name: string;
  /** The last sequence published to the stream (and recorded in registry_relay). */
  publishedSequence: number;
  /** Events in the outbox after it (not yet published). */
  unpublishedEvents: number;
}

export interface ConsumerStatus {
  role: 'consumer';
  /** The subgraph keeping the projection. */
  name: string;
  /** The last sequence applied to its projection (registry_position). */
  appliedSequence: number;
  /** Events in the stream its durable consumer has not acknowledged yet (pending + in flight). */
  pendingEvents: number;
  /** Registry transaction start → projection committed, of the last event applied (ms; null before the first). */
  lastLagMs: number | null;
}

export type RegistryEventStatus = RelayStatus | ConsumerStatus;

type Source = () => Promise<RegistryEventStatus>;
const sources = new Set<Source>();

export function reportStatus(source: Source): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

/** Every relay's and consumer's figures in this process (none with in-process delivery). */
export async function registryEventStatus(): Promise<RegistryEventStatus[]> {
  return Promise.all([...sources].map((s) => s()));
}
