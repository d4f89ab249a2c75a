import path from 'node:path';
import 'reflect-metadata';
import { loadConfig } from '../shared/config';
import { openPGlite, type Engine } from '../shared/data-source';
import { importKeys, resolveKeyMaterial } from '../shared/keys';
import { HOUSEHOLDS, startHouseholdsSubgraph } from './server';

/** Runs the households subgraph on its own: PostgreSQL from DATABASE_URL, else PGlite in DATA_DIR. */
async function main() {
  const config = loadConfig();
  const keys = await importKeys(await resolveKeyMaterial(config, ['gatewayPublicKey']));
  const engine: Engine = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', db: await openPGlite(path.join(config.dataDir, `pglite-${HOUSEHOLDS}`)) };
  const running = await startHouseholdsSubgraph({
    engine,
    gatewayPublicKey: keys.gatewayPublic,
    port: config.subgraphPorts[HOUSEHOLDS],
    host: process.env.HOST || '0.0.0.0',
    logSql: config.logSql,
  });
  console.log(`households subgraph ready at ${running.url}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
