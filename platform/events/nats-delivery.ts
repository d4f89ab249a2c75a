import type { NatsConnection } from 'nats';
import type { EventsConfig } from '../config';
import type { OpenDatabase, SubgraphModule } from '../server/subgraph-module';
import { connectNats, streamNames } from './jetstream';
import { NatsConsumer, type AppliedBatch } from './nats-consumer';
import { NatsRelay } from './nats-relay';

export interface NatsDelivery {
  relay?: NatsRelay;
  consumers: NatsConsumer[];
  connection: NatsConnection;
  stop(): Promise<void>;
}

/**
 * Registry events over NATS JetStream for the subgraphs open in this process (usually one: a
 * subgraph running on its own): the relay where the outbox is, a durable consumer for each
 * subgraph keeping a projection. Undefined when none of them takes part.
 */
export async function startNatsDelivery(
  modules: readonly SubgraphModule[], databases: readonly OpenDatabase[], config: EventsConfig,
  options: { onApplied?: (batch: AppliedBatch) => void } = {},
): Promise<NatsDelivery | undefined> {
  const owner = modules.findIndex((m) => m.registryOutbox);
  const projecting = modules.flatMap((m, i) => (m.projection ? [{ module: m, db: databases[i] }] : []));
  if (owner < 0 && !projecting.length) return undefined;
  const connection = await connectNats(config, modules.map((m) => m.name).join('+'));
  const js = connection.jetstream();
  const jsm = await connection.jetstreamManager();
  const names = streamNames(config.stream);
  const relay = owner >= 0 ? new NatsRelay(databases[owner].dataSource, js, jsm, names) : undefined;
  const consumers = projecting.map(({ module, db }) => new NatsConsumer(module.name, db.dataSource, module.projection!, js, jsm, names, options.onApplied));
  await relay?.start();
  for (const consumer of consumers) await consumer.start();
  return {
    relay, consumers, connection,
    async stop() {
      for (const consumer of consumers) await consumer.stop();
      await relay?.stop();
      await connection.drain();
    },
  };
}
