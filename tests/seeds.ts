import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { buildGraphiQL } from '../gateway/graphiql/build';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { startInProcessDelivery } from '../platform/events/delivery';
import { adoptDemoProjections } from '../platform/events/projection-demo';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import { subgraphModules } from './subgraphs';
import { TEST_DATABASE_URL, databaseUrl, withPg } from './test-server';

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

export { TEST_DATABASE_URL, databaseUrl, withPg };

/** The run's directory and the prefix of its database names (`zrg_t<started>_<pid>`). */
function run(): { dir: string; prefix: string } {
  const dir = process.env.TEST_SEED_DIR;
  const prefix = process.env.TEST_SEED_PREFIX;
  if (!dir || !prefix) throw new Error('TEST_SEED_DIR is not set: run the tests through jest (its globalSetup is tests/global-setup.ts)');
  return { dir, prefix };
}

const scaleKey = (scale: number) => String(scale).replace('.', '_');

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

/**
 * The GraphiQL bundle, built once per run (esbuild, both cores for seconds) into the run's
 * directory and served read-only by every gateway that serves GraphiQL.
 */
export async function graphiqlBundle(): Promise<string> {
  const dir = path.join(run().dir, 'graphiql');
  await once('graphiql', () => buildGraphiQL(dir));
  return dir;
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
    // a checkpoint leaves the instance needing only the WAL from its redo point on: the older and
    // the recycled (future) segments, 16 MB each, are dropped from the dump, which every environment reads
    await db.exec('CHECKPOINT');
    const { rows } = await db.query<{ redo: string; current: string }>('SELECT redo_wal_file AS redo, pg_walfile_name(pg_current_wal_lsn()) AS current FROM pg_control_checkpoint()');
    const dump = await db.dumpDataDir('none');
    await db.close();
    fs.writeFileSync(file, withoutWalSegments(Buffer.from(await dump.arrayBuffer()), (segment) => segment < rows[0].redo || segment > rows[0].current));
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return openPGlite(undefined, new Blob([fs.readFileSync(file)]));
}

/** A tar archive of a data directory without the WAL segments (`pg_wal/<24 hex digits>`) `drop` names. */
function withoutWalSegments(tar: Buffer, drop: (segment: string) => boolean): Buffer {
  const kept: Buffer[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((byte) => byte === 0)) break; // the end-of-archive blocks
    const text = (from: number, length: number) => header.toString('latin1', from, from + length).replace(/\0.*$/s, '');
    const name = [text(345, 155), text(0, 100)].filter(Boolean).join('/');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    const segment = /(?:^|\/)pg_wal\/([0-9A-F]{24})$/.exec(name)?.[1];
    if (!segment || !drop(segment)) kept.push(tar.subarray(at, end));
    at = end;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
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
