import path from 'node:path';
import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { importKeys, resolveKeyMaterial } from '../platform/security/keys';
import { openGatewayDatabase } from './clients/client-store';
import { startGateway } from './server';
import { loadSupergraph } from './supergraph';
import { errorFields, logger } from '../platform/server/log';
import { stopOnSignals } from '../platform/server/lifecycle';
import { metricsEndpointFor } from '../platform/server/metrics-server';

/** Runs the gateway on its own, in front of subgraphs listening elsewhere (SUBGRAPH_URL_*). */
async function main() {
  const config = loadConfig();
  const keys = await importKeys(await resolveKeyMaterial(config, ['tokenPublicKey', 'gatewayPrivateKey']));
  const engine: Engine = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', db: await openPGlite(path.join(config.dataDir, 'pglite-gateway')) };
  const clients = await openGatewayDatabase(engine);
  const supergraph = loadSupergraph(config);
  const gateway = await startGateway({
    clients: clients.dataSource,
    supergraphSdl: supergraph.sdl,
    subgraphUrls: supergraph.subgraphUrls,
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
    identityTtlSeconds: config.identityTtlSeconds,
    trustProxy: config.trustProxy,
    port: config.gatewayPort,
    host: process.env.HOST || '127.0.0.1',
  });
  const metrics = await metricsEndpointFor(config);
  logger('gateway').info({ url: gateway.url, metrics: metrics?.url }, 'ready');
  stopOnSignals([{ name: 'gateway', ...gateway }], config.drainTimeoutMs, async () => {
    await metrics?.close();
    await clients.dataSource.destroy();
    if (engine.kind === 'pglite') await engine.db.close();
  });
}

main().catch((error) => {
  logger('gateway').error(errorFields(error), 'failed to start');
  process.exit(1);
});
