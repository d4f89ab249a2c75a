import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { demoTokens } from '../gateway/demo-identities';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { importKeys, resolveKeyMaterial } from '../platform/security/keys';
import type { RunningSubgraph } from '../platform/server/subgraph-server';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import { demoScale, loadDemo } from './demo';
import { startInProcessDelivery } from '../platform/events/delivery';
import { startNatsDelivery } from '../platform/events/nats-delivery';
import { SUBGRAPH_MODULES } from './subgraphs';
import { stopOnSignals } from '../platform/server/lifecycle';
import { lockDataDir } from '../platform/server/instance-lock';
import { metricsEndpointFor } from '../platform/server/metrics-server';

/**
 * `npm start`: the whole platform in one process — every subgraph and the gateway — on the
 * embedded engine (PGlite in DATA_DIR) or on PostgreSQL (DATABASE_URL), with the demo data
 * loaded on first start.
 */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const lock = lockDataDir(config.dataDir, 'npm-start');
  if (lock.stale) console.log(`took over ${config.dataDir} from an earlier npm start that did not stop cleanly`);
  const keys = await importKeys(await resolveKeyMaterial(config, ['tokenPublicKey', 'tokenPrivateKey', 'gatewayPublicKey', 'gatewayPrivateKey']));
  let engine: Engine;
  if (config.databaseUrl) {
    engine = { kind: 'postgres', url: config.databaseUrl, appUrl: config.databaseAppUrl, replicaUrl: config.databaseReplicaUrl };
    console.log('engine: PostgreSQL (DATABASE_URL)');
  } else {
    const dir = path.join(config.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
    engine = { kind: 'pglite', db: await openPGlite(dir) };
    console.log(`engine: embedded PostgreSQL (PGlite) in ${dir}`);
  }

  // one after the other: data sources on one PGlite instance must not initialise concurrently
  const databases: OpenDatabase[] = [];
  for (const module of SUBGRAPH_MODULES) databases.push(await module.openDatabase(engine, { logSql: config.logSql }));
  await loadDemo(SUBGRAPH_MODULES, databases, { scale: demoScale(), progress: true, log: console.log });
  // registry events, in process: consumers catch up from their last sequence, then follow each commit
  // (EVENTS_TRANSPORT=nats: through JetStream, as when the subgraphs run apart)
  const delivery = config.events.transport === 'nats'
    ? await startNatsDelivery(SUBGRAPH_MODULES, databases, config.events)
    : await startInProcessDelivery(SUBGRAPH_MODULES, databases);
  const clients = await openGatewayDatabase(engine);

  const running: RunningSubgraph[] = [];
  for (const [i, module] of SUBGRAPH_MODULES.entries()) {
    running.push(await module.serve(databases[i], { gatewayPublicKey: keys.gatewayPublic, port: config.subgraphPort(module.name, module.port) }));
  }
  const supergraph = loadSupergraph(config);
  const gateway = await startGateway({
    clients: clients.dataSource,
    supergraphSdl: supergraph.sdl,
    subgraphUrls: Object.fromEntries(running.map((r) => [r.name, r.url])),
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
    identityTtlSeconds: config.identityTtlSeconds,
    trustProxy: config.trustProxy,
    port: config.gatewayPort,
    host: process.env.HOST || '127.0.0.1',
  });

  const metrics = await metricsEndpointFor(config);
  const tokens = await demoTokens(keys.tokenPrivate!);
  console.log(`\nready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`GraphQL:  ${gateway.url}`);
  console.log(`health:   ${gateway.url.replace(/graphql$/, 'health')}`);
  if (metrics) console.log(`metrics:  ${metrics.url}   (METRICS_PORT: not on the API's port)`);
  console.log(`GraphiQL: ${gateway.url.replace(/graphql$/, 'graphiql/')}#token=${tokens.analyst}   (signed in as the demo analyst)`);
  console.log('\ndemo tokens (12 h), send as  Authorization: Bearer <token>');
  for (const [name, token] of Object.entries(tokens)) console.log(`  ${name.padEnd(11)} ${token}`);
  console.log(`\ntry:\n  curl -s ${gateway.url} -H 'content-type: application/json' -H "authorization: Bearer ${tokens.qiaojia}" \\\n    -d '{"query":"{ households(first: 3) { totalCount nodes { registryNo members { name } } } }"}'`);

  // the gateway drains first: the subgraphs still answer what its requests in flight ask them
  stopOnSignals([{ name: 'gateway', ...gateway }, ...running], config.drainTimeoutMs, async () => {
    await delivery?.stop();
    await metrics?.close();
    for (const db of [...databases, clients]) await db.dataSource.destroy();
    if (engine.kind === 'pglite') await engine.db.close();
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
