import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { startInProcessDelivery } from '../platform/events/delivery';
import { adoptDemoProjections } from '../platform/events/projection-demo';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';

/**
 * The full first-start load phase by phase, on the embedded engine (PGlite in this process, so its
 * CPU time is this process's): `npm run build && node dist/bench/demo-load.js [scale] [--dir DIR | --memory] [--dump]`.
 * Migrations, the registry's generation, each subgraph's demo load, the projections adopted and
 * catching up with the registry's outbox, the gateway's tables and (`--dump`) the data-directory dump the test
 * seeds restore from. `--postgres URL` measures the same on PostgreSQL (a database that must be empty).
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const scale = Number(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 1);
  // in a directory, as npm start's DATA_DIR (a fresh one unless given), or in memory
  const memory = process.argv.includes('--memory');
  const dir = memory ? undefined : option('dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'demo-load-'));
  const url = option('postgres');
  const started = Date.now();
  const cpu0 = process.cpuUsage();
  let last = { at: Date.now(), cpu: process.cpuUsage() };
  const phases: [string, number, number][] = [];
  const mark = (what: string) => {
    const now = { at: Date.now(), cpu: process.cpuUsage() };
    const c = now.cpu.user + now.cpu.system - last.cpu.user - last.cpu.system;
    phases.push([what, (now.at - last.at) / 1000, c / 1e6]);
    console.log(`${what.padEnd(34)} ${((now.at - last.at) / 1000).toFixed(1).padStart(7)} s wall ${(c / 1e6).toFixed(1).padStart(7)} s CPU   (load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    last = { at: Date.now(), cpu: process.cpuUsage() };
  };
  let pglite;
  let engine: Engine;
  if (url) engine = { kind: 'postgres', url };
  else {
    if (dir) fs.mkdirSync(dir, { recursive: true });
    console.log(`PGlite in ${dir ?? 'memory'}`);
    pglite = await openPGlite(dir);
    engine = { kind: 'pglite', db: pglite };
  }
  mark('open the engine');
  const databases: OpenDatabase[] = [];
  for (const module of SUBGRAPH_MODULES) {
    databases.push(await module.openDatabase(engine));
    mark(`migrate ${module.name}`);
  }
  const registry = generateDemoData({ scale });
  mark(`generate the registry (${registry.persons.length} persons)`);
  for (const [i, module] of SUBGRAPH_MODULES.entries()) {
    await module.demo.load(databases[i].dataSource, registry, { scale });
    mark(`load the ${module.name} demo`);
  }
  const adopted = await adoptDemoProjections(SUBGRAPH_MODULES, databases);
  mark(`projections adopted (${adopted.join(', ') || 'none'})`);
  const delivery = await startInProcessDelivery(SUBGRAPH_MODULES, databases, { pollMs: 0 });
  await delivery?.stop();
  mark('projections catch up with the outbox');
  for (const db of databases) await db.dataSource.destroy();
  const gateway = await openGatewayDatabase(engine);
  await gateway.dataSource.destroy();
  mark('gateway tables');
  if (pglite && process.argv.includes('--dump')) {
    const dump = await pglite.dumpDataDir('none');
    mark(`dump the data directory (${Math.round(dump.size / 1e6)} MB)`);
  }
  await pglite?.close();
  if (dir && !option('dir')) fs.rmSync(dir, { recursive: true, force: true });
  const c = process.cpuUsage(cpu0);
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s wall, ${((c.user + c.system) / 1e6).toFixed(1)} s CPU (${engine.kind}, scale ${scale})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
