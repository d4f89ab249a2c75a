import path from 'node:path';
import 'reflect-metadata';
import { loadConfig } from '../config';
import { openPGlite, type Engine } from '../db/data-source';
import { importKeys, resolveKeyMaterial } from '../security/keys';
import type { SubgraphModule } from './subgraph-module';
import { stopOnSignals } from './lifecycle';
import { errorFields, logger } from './log';
import { metricsEndpointFor } from './metrics-server';
import { startNatsDelivery } from '../events/nats-delivery';

/** Entry point of a subgraph running on its own: PostgreSQL from DATABASE_URL, else PGlite in DATA_DIR. */
export function runSubgraph(module: SubgraphModule): void {
  const main = async () => {
    const config = loadConfig();
    const keys = await importKeys(await resolveKeyMaterial(config, ['gatewayPublicKey']));
    const engine: Engine = config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, appUrl: config.databaseAppUrl, replicaUrl: config.databaseReplicaUrl }
      : { kind: 'pglite', db: await openPGlite(path.join(config.dataDir, `pglite-${module.name}`)) };
    const db = await module.openDatabase(engine, { logSql: config.logSql });
    const running = await module.serve(db, {
      gatewayPublicKey: keys.gatewayPublic,
      port: config.subgraphPort(module.name, module.port),
      host: process.env.HOST || '127.0.0.1',
    });
    // registry events between processes: the relay (households) or this subgraph's durable consumer
    const delivery = config.events.transport === 'nats' ? await startNatsDelivery([module], [db], config.events) : undefined;
    if (!delivery && (module.registryOutbox || module.projection)) {
      logger(module.name).warn({}, 'registry events are not delivered between processes: set EVENTS_TRANSPORT=nats (and NATS_URL)');
    }
    const metrics = await metricsEndpointFor(config);
    logger(module.name).info({ url: running.url, metrics: metrics?.url, events: delivery ? 'nats' : 'none' }, 'ready');
    stopOnSignals([running], config.drainTimeoutMs, async () => {
      await delivery?.stop();
      await metrics?.close();
      await db.dataSource.destroy();
      if (engine.kind === 'pglite') await engine.db.close();
    });
  };
  main().catch((error) => {
    logger(module.name).error(errorFields(error), 'failed to start');
    process.exit(1);
  });
}
