import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import pg from 'pg';
import { readCollection } from '../gateway/collection';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadDemo } from '../scripts/demo';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import { loadConfig, projectRoot } from '../platform/config';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { signUserToken } from '../platform/security/identity';
import { generateKeyMaterial, importKeys } from '../platform/security/keys';
import type { OpenDatabase } from '../platform/server/subgraph-module';

/**
 * `npm run bench:statistics`: times the prefecture-wide statistics queries through the gateway
 * (in one process, like `npm start`), on PostgreSQL and on PGlite, as the analyst (suppression on)
 * and as the prefecture officer: p50 and p95 over `--runs` runs after two warm-up runs, each
 * run fresh (right after a committed write: one person's record changed in SQL, through the
 * registry's triggers, and every other subgraph's data version raised) and kept (asked again);
 * then, on PostgreSQL, the cost of a committed one-row write to each table the rollups watch.
 *
 *   --engines postgres,pglite   --scale 1   --runs 20   --queries support,cases   --writes false
 *   --database-url …  (default BENCH_DATABASE_URL, else …/bench at full scale, …/bench_<scale> below it)
 *   --data-dir …      (PGlite files; default DATA_DIR/bench-pglite-<scale>)
 *
 * Data are loaded on the first run and reused after.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const SCALE = Number(args.get('scale') ?? 1);
const RUNS = Number(args.get('runs') ?? 20);
const ENGINES = (args.get('engines') ?? 'postgres,pglite').split(',');
const suffix = SCALE === 1 ? '' : `_${String(SCALE).replace('.', '_')}`;
const DATABASE_URL = args.get('database-url') ?? process.env.BENCH_DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/bench${suffix}`;
const DATA_DIR = args.get('data-dir') ?? path.join(loadConfig().dataDir, `bench-pglite${suffix}`);

const QUERIES: Record<string, string> = {
  'persons × county × sex × age band': '{ personStatistics(groupBy: [COUNTY, SEX, AGE_BAND]) { rows { county { name } sex ageBand persons households suppressed } total { persons } } }',
  'persons × community': '{ personStatistics(groupBy: [COMMUNITY]) { rows { community { name } persons suppressed } total { persons } } }',
  'persons × county × ethnicity × vulnerable': '{ personStatistics(groupBy: [COUNTY, ETHNICITY, VULNERABLE]) { rows { county { name } ethnicity vulnerable persons suppressed } } }',
  'households × county × relocation mode × year': '{ householdStatistics(groupBy: [COUNTY, RELOCATION_MODE, RELOCATION_YEAR]) { rows { county { name } relocationMode relocationYear households persons suppressed } } }',
  'land × county × use': '{ landStatistics(groupBy: [COUNTY, LAND_USE]) { rows { county { name } landUse floodedLandMu suppressed } total { floodedLandMu } } }',
  'flats × county × status': '{ flatStatistics(groupBy: [COUNTY, FLAT_STATUS]) { rows { county { name } flatStatus flats suppressed } } }',
  'labour × county × age band (2023)': '{ labourStatistics(groupBy: [COUNTY, AGE_BAND], year: 2023) { rows { county { name } ageBand workingAge employed employmentRate suppressed } } }',
  'cases × county × category × status': '{ caseStatistics(groupBy: [COUNTY, CASE_CATEGORY, CASE_STATUS]) { rows { county { name } category status cases suppressed } } }',
  'support × county × scheme × year × status': '{ supportStatistics(groupBy: [COUNTY, SCHEME, YEAR, STATUS]) { rows { county { name } scheme year status persons lines amountFen paidFen suppressed } total { persons lines } } }',
};
/** `--queries a,b`: only the tables whose names contain one of these (`collection` for the four-subgraph request); `--writes false`: no write costs after. */
const ONLY = args.get('queries')?.split(',');
const across = readCollection().find((e) => e.file.startsWith('11-'))!;

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [target.pathname.slice(1)]);
  if (!rowCount) await client.query(`CREATE DATABASE "${target.pathname.slice(1)}"`);
  await client.end();
}

async function openEngine(kind: string): Promise<Engine> {
  if (kind === 'postgres') {
    await ensureDatabase(DATABASE_URL);
    return { kind: 'postgres', url: DATABASE_URL };
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  return { kind: 'pglite', db: await openPGlite(DATA_DIR) };
}

/**
 * A committed write, as a clerk's: one person's flag toggled in the households registry (its
 * triggers note the change, the rollups recount that person's area, the data version rises);
 * the other subgraphs' data versions raised, so nothing kept is served anywhere.
 */
async function writeOnce(databases: OpenDatabase[]) {
  for (const db of databases) {
    const schema = (db.dataSource.options as { schema?: string }).schema;
    if (schema === 'households') {
      await db.dataSource.query(`UPDATE "${schema}".person SET disabled = NOT disabled WHERE id = (SELECT id FROM "${schema}".person WHERE status = 'ACTIVE' ORDER BY id LIMIT 1)`);
    } else {
      await db.dataSource.query(`UPDATE "${schema}".data_version SET version = version + 1`);
    }
  }
}

/** One-row writes to the tables rollups watch: [schema, table, the change] (a no-op change still recounts the row's area at commit). */
const WRITES: [string, string, string][] = [
  ['households', 'person', 'disabled = NOT disabled'],
  ['households', 'household', 'housing_mode = housing_mode'],
  ['land_housing', 'land_parcel', 'area_mu = area_mu'],
  ['land_housing', 'allocation', 'allocated_area = allocated_area'],
  ['employment', 'labour_status', 'status = status'],
];

/** The cost of one committed one-row write: p50 of the UPDATE and of the COMMIT, where the deferred recount runs (on one PostgreSQL connection). */
async function writeCosts(url: string, runs: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const results = [];
  try {
    for (const [schema, table, change] of WRITES) {
      const update: number[] = [];
      const commit: number[] = [];
      for (let i = 0; i < runs; i++) {
        const { rows } = await client.query(`SELECT id FROM "${schema}".${table} ORDER BY id LIMIT 1 OFFSET $1`, [i * 97]);
        await client.query('BEGIN');
        let t0 = performance.now();
        await client.query(`UPDATE "${schema}".${table} SET ${change} WHERE id = $1`, [rows[0].id]);
        update.push(performance.now() - t0);
        t0 = performance.now();
        await client.query('COMMIT');
        commit.push(performance.now() - t0);
      }
      const p50 = (times: number[]) => +percentile(times.sort((a, b) => a - b), 50).toFixed(2);
      results.push({ table: `${schema}.${table}`, runs, updateP50: p50(update), commitP50: p50(commit) });
      console.log(`write    ${`${schema}.${table}`.padEnd(28)} update p50 ${String(p50(update)).padStart(6)} ms   commit p50 ${String(p50(commit)).padStart(6)} ms`);
    }
  } finally {
    await client.end();
  }
  return results;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function benchEngine(kind: string) {
  const engine = await openEngine(kind);
  const databases: OpenDatabase[] = [];
  for (const module of SUBGRAPH_MODULES) databases.push(await module.openDatabase(engine));
  await loadDemo(SUBGRAPH_MODULES, databases, { scale: SCALE, progress: true, log: console.log });
  const keys = await importKeys(await generateKeyMaterial());
  const running = [];
  for (const [i, module] of SUBGRAPH_MODULES.entries()) running.push(await module.serve(databases[i], { gatewayPublicKey: keys.gatewayPublic }));
  const gateway = await startGateway({
    supergraphSdl: loadSupergraph(loadConfig()).sdl,
    subgraphUrls: Object.fromEntries(running.map((r) => [r.name, r.url])),
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
  });
  const results = [];
  try {
    for (const role of ['analyst', 'prefecture'] as const) {
      const token = await signUserToken(DEMO_IDENTITIES[role], keys.tokenPrivate!, 3600);
      const run = async (query: string, variables?: unknown) => {
        const t0 = performance.now();
        const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
        const body = (await res.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return performance.now() - t0;
      };
      const cases = ([...Object.entries(QUERIES), ['all four subgraphs (collection 11)', across.query, JSON.parse(across.variables)]] as [string, string, unknown?][])
        .filter(([name]) => !ONLY || ONLY.some((q) => name.includes(q)));
      for (const [name, query, variables] of cases) {
        for (let i = 0; i < 2; i++) await run(query, variables);
        // afresh: right after a committed write, nothing kept; kept: asked again unchanged
        const measured: Record<string, { p50: number; p95: number }> = {};
        for (const mode of ['afresh', 'kept'] as const) {
          const times: number[] = [];
          for (let i = 0; i < RUNS; i++) {
            if (mode === 'afresh') await writeOnce(databases);
            times.push(await run(query, variables));
          }
          times.sort((a, b) => a - b);
          measured[mode] = { p50: +percentile(times, 50).toFixed(1), p95: +percentile(times, 95).toFixed(1) };
        }
        const result = { engine: kind, role, query: name, runs: RUNS, ...measured.afresh, kept: measured.kept };
        results.push(result);
        console.log(
          `${kind.padEnd(8)} ${role.padEnd(10)} ${name.padEnd(46)} fresh p50 ${String(result.p50).padStart(7)} ms  p95 ${String(result.p95).padStart(7)} ms   ` +
            `kept p50 ${String(measured.kept.p50).padStart(6)} ms  p95 ${String(measured.kept.p95).padStart(6)} ms`,
        );
      }
    }
  } finally {
    await gateway.close();
    for (const r of running) await r.close();
    for (const db of databases) await db.dataSource.destroy();
    if (engine.kind === 'pglite') await engine.db.close();
  }
  return results;
}

async function main() {
  console.log(`statistics benchmark: scale ${SCALE}, ${RUNS} runs per query, engines ${ENGINES.join(', ')}`);
  const all = [];
  for (const kind of ENGINES) all.push(...(await benchEngine(kind)));
  const writes = ENGINES.includes('postgres') && args.get('writes') !== 'false' ? await writeCosts(DATABASE_URL, 40) : [];
  const out = path.join(projectRoot(), 'bench', 'results', 'statistics.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), scale: SCALE, results: all, writes }, null, 2));
  console.log(`written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
