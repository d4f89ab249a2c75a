import type { OpenDatabase, SubgraphModule } from '../server/subgraph-module';
import { InProcessDelivery } from './in-process';

/**
 * Starts in-process delivery of registry events between the subgraphs open in this process
 * (`npm start`, the test environments): from the one holding the outbox to every one keeping a
 * projection. None when the outbox or the consumers are not here.
 */
export async function startInProcessDelivery(modules: readonly SubgraphModule[], databases: readonly OpenDatabase[], options: { pollMs?: number } = {}): Promise<InProcessDelivery | undefined> {
  const owner = modules.findIndex((m) => m.registryOutbox);
  const consumers = modules.flatMap((m, i) => (m.projection ? [{ name: m.name, dataSource: databases[i].dataSource, projection: m.projection }] : []));
  if (owner < 0 || !consumers.length) return undefined;
  const delivery = new InProcessDelivery(databases[owner].dataSource, consumers, options.pollMs);
  await delivery.start();
  return delivery;
}
