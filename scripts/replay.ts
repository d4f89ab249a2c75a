import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { catchUp } from '../platform/events/in-process';
import { projectionPosition, resetProjection } from '../platform/events/projection';
import { SUBGRAPH_MODULES } from './subgraphs';

/**
 * `npm run replay -- <subgraph>`: rebuilds a subgraph's registry projection from sequence 0 of
 * the households outbox (and re-scopes its records by it), on PostgreSQL (DATABASE_URL) or on
 * the embedded engine in DATA_DIR (with the platform stopped: PGlite is one process's).
 */
async function main() {
  const name = process.argv[2];
  const consumers = SUBGRAPH_MODULES.filter((m) => m.projection);
  const module = consumers.find((m) => m.name === name);
  if (!module) throw new Error(`usage: npm run replay -- <${consumers.map((m) => m.name).join('|')}>`);
  const owner = SUBGRAPH_MODULES.find((m) => m.registryOutbox)!;
  const config = loadConfig();
  let engine: Engine;
  if (config.databaseUrl) engine = { kind: 'postgres', url: config.databaseUrl };
  else {
    const dir = path.join(config.dataDir, 'pglite');
    if (!fs.existsSync(dir)) throw new Error(`no embedded database in ${dir}`);
    engine = { kind: 'pglite', db: await openPGlite(dir) };
  }
  const households = await owner.openDatabase(engine);
  const consumer = await module.openDatabase(engine);
  const started = Date.now();
  const before = await projectionPosition(consumer.dataSource);
  await resetProjection(consumer.dataSource);
  const applied = await catchUp(households.dataSource, { name, dataSource: consumer.dataSource, projection: module.projection! });
  console.log(`${name}: replayed ${applied} registry events from sequence 0 in ${Date.now() - started} ms (position was ${before}, now ${await projectionPosition(consumer.dataSource)})`);
  await consumer.dataSource.destroy();
  await households.dataSource.destroy();
  if (engine.kind === 'pglite') await engine.db.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
