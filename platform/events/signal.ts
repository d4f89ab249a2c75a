import { EventEmitter } from 'node:events';

/**
 * In one process: the registry's writers say "the outbox of schema S has new rows" once their
 * transaction has committed, and the in-process relay listening for S hands them on at once
 * (it also polls, so a write it was not told about is delivered all the same).
 */
const bus = new EventEmitter();
bus.setMaxListeners(0);

export function signalOutbox(schema: string): void {
  bus.emit(schema);
}

export function onOutbox(schema: string, listener: () => void): () => void {
  bus.on(schema, listener);
  return () => bus.off(schema, listener);
}
