import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { startInProcessDelivery } from '../platform/events/delivery';
import { adoptDemoProjections } from '../platform/events/projection-demo';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import { subgraphModules } from './subgraphs';

/**
 * Demo seeds: built once per test run and engine and scale, restored for each test environment.
 * A seed holds every subgraph's tables and the gateway's, migrated, with the demo at its scale
 * loaded. On PGlite it is a dump of the data directory (an environment opens its own copy); on
 * PostgreSQL a template database (an environment gets `CREATE DATABASE … TEMPLATE`, dropped when
 * it closes). The first jest worker to need a seed builds it; the others wait for it.
 *
 * jest's globalSetup (`tests/global-setup.ts`) gives the run its directory and database prefix
 * and its teardown removes both.
 */

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The run's directory and the prefix of its database names (`zrg_t<started>_<pid>`). */
function run(): { dir: string; prefix: string } {
  const dir = process.env.TEST_SEED_DIR;
  const prefix = process.env.TEST_SEED_PREFIX;
  if (!dir || !prefix) throw new Error('TEST_SEED_DIR is not set: run the tests through jest (its globalSetup is tests/global-setup.ts)');
  return { dir, prefix };
}

const scaleKey = (scale: number) => String(scale).replace('.', '_');

/** A database on the test server, by name. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withPg<T>(work: (client: pg.Client) => Promise<T>, url = TEST_DATABASE_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(lock: string): number {
  try {
    return Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    return 0; // not written yet
  }
}

/**
 * Runs `build` once per run for `key`, in whichever worker asks first; the others wait until it is
 * done (no time limit: a busy machine only makes it slower) or fail with its error.
 */
async function once(key: string, build: () => Promise<void>): Promise<void> {
  const { dir } = run();
  const done = path.join(dir, `${key}.done`);
  const failed = path.join(dir, `${key}.failed`);
  const lock = path.join(dir, `${key}.lock`);
  for (;;) {
    if (fs.existsSync(done)) return;
    if (fs.existsSync(failed)) throw new Error(`building the seed ${key} failed: ${fs.readFileSync(failed, 'utf8')}`);
    try {
      fs.mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = ownerOf(lock);
      if (owner && !alive(owner) && !fs.existsSync(done)) throw new Error(`the process building the seed ${key} (${owner}) is gone`);
      await sleep(200);
      continue;
    }
    fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    try {
      await build();
      fs.writeFileSync(done, '');
      return;
    } catch (error) {
      fs.writeFileSync(failed, (error as Error)?.stack ?? String(error));
      throw error;
    }
  }
}

/**
 * The demo registry at `scale` (what `generateDemoData` gives), generated once per run and read
 * back from a file by every suite that needs it: at full scale, generating it takes a while.
 */
export async function demoRegistry(scale: number): Promise<DemoData> {
  const file = path.join(run().dir, `registry-${scaleKey(scale)}.json`);
  await once(`registry-${scaleKey(scale)}`, async () => fs.writeFileSync(file, JSON.stringify(generateDemoData({ scale }))));
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoData;
}

/** Migrates every subgraph and the gateway on `engine`, loads the demo at `scale` and brings the registry's projections up to its outbox. */
async function fill(engine: Engine, scale: number): Promise<void> {
  const registry = await demoRegistry(scale);
  // one after the other: data sources on one PGlite instance must not initialise concurrently
  const modules = subgraphModules();
  const databases: OpenDatabase[] = [];
  for (const module of modules) {
    const db = await module.openDatabase(engine);
    await module.demo.load(db.dataSource, registry, { scale });
    databases.push(db);
  }
  // as on a first start: the projections loaded from the snapshot are found equal to the registry's
  // outbox and marked applied up to it; anything left is applied here, not in every environment
  await adoptDemoProjections(modules, databases);
  const delivery = await startInProcessDelivery(modules, databases, { pollMs: 0 });
  await delivery?.stop();
  for (const db of databases) await db.dataSource.destroy();
  const gateway = await openGatewayDatabase(engine);
  await gateway.dataSource.destroy();
}

/** A fresh PGlite instance holding the demo at `scale`. */
export async function restorePGlite(scale: number): Promise<PGlite> {
  const file = path.join(run().dir, `pglite-${scaleKey(scale)}.tar`);
  await once(`pglite-${scaleKey(scale)}`, async () => {
    // built in a directory, as npm start's: in memory a bulk load grows files by reallocating them whole (platform/db/bulk-copy.ts)
    const dir = fs.mkdtempSync(path.join(run().dir, `pglite-${scaleKey(scale)}-`));
    const db = await openPGlite(dir);
    await fill({ kind: 'pglite', db }, scale);
    const dump = await db.dumpDataDir('none');
    await db.close();
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return openPGlite(undefined, new Blob([fs.readFileSync(file)]));
}

let clones = 0;

/** A fresh PostgreSQL database holding the demo at `scale`; `drop` removes it. */
export async function restorePostgres(scale: number): Promise<{ url: string; drop(): Promise<void> }> {
  const { prefix } = run();
  const template = `${prefix}_seed_${scaleKey(scale)}`;
  await once(`postgres-${scaleKey(scale)}`, async () => {
    await withPg((client) => client.query(`CREATE DATABASE "${template}"`));
    await fill({ kind: 'postgres', url: databaseUrl(template) }, scale);
  });
  const name = `${prefix}_${process.pid}_${++clones}`;
  await withPg((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: databaseUrl(name),
    drop: () => withPg((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
