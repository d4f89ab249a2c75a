import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../platform/config';
import { assertScale } from '../platform/demo/scale';

/**
 * `npm run bench:scale -- --scales 1,3,10`: how the costs grow with the registry. For each scale
 * (1 = the prefecture's 160,000 persons; 10 = the same counties, communities and resident groups
 * holding ten times the households and persons) on PostgreSQL, in a database of its own
 * (`bench_scale_<scale>`, loaded once and reused):
 *
 * - the demo load (`bench/demo-load.ts --postgres`): wall and CPU seconds of the loading process, its peak RSS;
 * - the database's size and the registry's rows;
 * - deep (identical, and cycling through every community) and lookup p50 at 1 and 8 connections through
 *   the gateway, each process's peak RSS (`bench/run.ts`);
 * - prefecture statistics fresh (right after a write) and kept, as the prefecture officer (`bench/statistics.ts`);
 * - sheet imports of new rows, rows/s (`bench/import-bench.ts`).
 *
 * Each part runs in its own process, as a reader would run it alone; the table is printed after
 * each scale and written to bench/results/scale.json, which keeps the scales an earlier command
 * measured (each row with its date) unless they are measured again.
 *
 *   --scales 1,3,10  --runs 10 (statistics)  --duration 8 (seconds per level)  --skip import,statistics
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const SCALES = (args.get('scales') ?? '1,3,10').split(',').map(Number);
const RUNS = args.get('runs') ?? '10';
const DURATION = args.get('duration') ?? '8';
const SKIP = new Set((args.get('skip') ?? '').split(',').filter(Boolean));
const SERVER = args.get('server') ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DIST = path.join(projectRoot(), 'dist', 'bench');
const RESULTS = path.join(projectRoot(), 'bench', 'results');

/** The statistics tables the scale curve reports (the prefecture officer's, the slowest fresh one is what the target is about). */
const STATISTICS = ['persons × community', 'households × county × relocation mode × year', 'persons × county × sex × age band'];

interface Timed {
  status: number | null;
  stdout: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
}

/** Runs `node dist/bench/<script>.js …args` under GNU time: its output, wall and CPU seconds, peak RSS. */
function timed(script: string, scriptArgs: string[]): Timed {
  const stats = path.join(os.tmpdir(), `bench-scale-${process.pid}.time`);
  console.log(`\n$ node dist/bench/${script}.js ${scriptArgs.join(' ')}`);
  const result = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%e %U %S %M', process.execPath, '--max-old-space-size=16384', path.join(DIST, `${script}.js`), ...scriptArgs], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 2 ** 20,
  });
  process.stdout.write(result.stdout ?? '');
  const [wall, user, system, kib] = fs.readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(stats, { force: true });
  if (result.status !== 0) throw new Error(`dist/bench/${script}.js exited with ${result.status}`);
  return { status: result.status, stdout: result.stdout, wallSeconds: wall, cpuSeconds: user + system, peakRssMiB: Math.round(kib / 1024) };
}

async function withServer<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER}/${database}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether the scale's database holds a whole demo: only when its load finished (`loadFile`, written
 * after a load that succeeded). A database without it, left by a load that failed halfway, is
 * dropped and made again empty, since `bench/demo-load.ts` loads only into an empty one.
 */
async function prepared(name: string, loadFile: string): Promise<boolean> {
  const exists = (await withServer('postgres', (c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]))).rowCount;
  if (exists && fs.existsSync(loadFile)) return true;
  if (exists) await withServer('postgres', (c) => c.query(`DROP DATABASE "${name}" WITH (FORCE)`));
  fs.rmSync(loadFile, { force: true });
  await withServer('postgres', (c) => c.query(`CREATE DATABASE "${name}"`));
  return false;
}

interface Row {
  scale: number;
  persons: number;
  households: number;
  load?: { wallSeconds: number; cpuSeconds: number; peakRssMiB: number };
  databaseMiB: number;
  latency: Record<string, number>;
  peakRssMiB: Record<string, number>;
  statistics: Record<string, { fresh: number; kept: number }>;
  imports: Record<string, number>;
}

async function measureScale(scale: number): Promise<Row> {
  assertScale(scale);
  const name = `bench_scale_${String(scale).replace('.', '_')}`;
  const url = `${SERVER}/${name}`;
  const loadFile = path.join(RESULTS, `scale-load-${String(scale).replace('.', '_')}.json`);
  if (!(await prepared(name, loadFile))) {
    const load = timed('demo-load', [String(scale), '--postgres', url]);
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(loadFile, JSON.stringify({ date: new Date().toISOString(), wallSeconds: load.wallSeconds, cpuSeconds: load.cpuSeconds, peakRssMiB: load.peakRssMiB }));
  } else console.log(`\nscale ${scale}: ${name} is loaded already (its load as measured when it was made: ${loadFile})`);
  const load = fs.existsSync(loadFile) ? JSON.parse(fs.readFileSync(loadFile, 'utf8')) : undefined;
  const sizes = await withServer(name, async (c) => {
    const [size] = (await c.query(`SELECT pg_database_size(current_database()) AS bytes`)).rows;
    const [counts] = (await c.query(`SELECT (SELECT count(*) FROM households.person)::int AS persons, (SELECT count(*) FROM households.household)::int AS households`)).rows;
    return { databaseMiB: Math.round(Number(size.bytes) / 2 ** 20), ...counts };
  });
  const row: Row = { scale, ...sizes, load: load && { wallSeconds: load.wallSeconds, cpuSeconds: load.cpuSeconds, peakRssMiB: load.peakRssMiB }, latency: {}, peakRssMiB: {}, statistics: {}, imports: {} };

  timed('run', ['--database-url', url, '--scale', String(scale), '--peer', 'none', '--scenarios', 'deep,deep-communities,lookup', '--connections', '1,8', '--duration', DURATION, '--direct', 'none']);
  const report = JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8'));
  for (const c of report.comparisons) row.latency[`${c.scenario} c${c.connections}`] = c.ours.p50;
  for (const r of report.results) for (const [process, mib] of Object.entries(r.peakRssMiB as Record<string, number>)) row.peakRssMiB[process] = Math.max(row.peakRssMiB[process] ?? 0, mib);

  if (!SKIP.has('statistics')) {
    timed('statistics', ['--engines', 'postgres', '--scale', String(scale), '--database-url', url, '--runs', RUNS]);
    const statistics = JSON.parse(fs.readFileSync(path.join(RESULTS, 'statistics.json'), 'utf8'));
    for (const r of statistics.results) if (r.role === 'prefecture' && STATISTICS.includes(r.query)) row.statistics[r.query] = { fresh: r.p50, kept: r.kept.p50 };
  }
  if (!SKIP.has('import')) {
    const imported = timed('import-bench', ['--scale', String(scale), '--database-url', url]);
    for (const match of imported.stdout.matchAll(/^(households|persons) \(new\)\s+(\d+) rows in ([\d.]+) s = ([\d,]+) rows\/s/gm)) row.imports[match[1]] = Number(match[4].replace(/,/g, ''));
  }
  return row;
}

function printTable(rows: Row[]): void {
  const cells = (f: (r: Row) => string) => rows.map(f).join(' | ');
  const lines = [
    `| | ${cells((r) => `${r.scale}×`)} |`,
    `|---|${rows.map(() => '---').join('|')}|`,
    `| persons / households | ${cells((r) => `${r.persons.toLocaleString('en')} / ${r.households.toLocaleString('en')}`)} |`,
    `| demo load (wall / loader CPU / loader peak RSS) | ${cells((r) => (r.load ? `${r.load.wallSeconds.toFixed(0)} s / ${r.load.cpuSeconds.toFixed(0)} s / ${r.load.peakRssMiB} MiB` : '–'))} |`,
    `| database size | ${cells((r) => `${(r.databaseMiB / 1024).toFixed(2)} GiB`)} |`,
    ...['deep c1', 'deep c8', 'deep-communities c1', 'deep-communities c8', 'lookup c1', 'lookup c8'].map((k) => `| ${k.replace(' c', ' p50, connections ')} | ${cells((r) => (r.latency[k] !== undefined ? `${r.latency[k].toFixed(1)} ms` : '–'))} |`),
    ...STATISTICS.map((q) => `| ${q}, fresh / kept p50 | ${cells((r) => (r.statistics[q] ? `${r.statistics[q].fresh} / ${r.statistics[q].kept} ms` : '–'))} |`),
    ...['households', 'persons'].map((s) => `| import ${s}.csv (new), rows/s | ${cells((r) => (r.imports[s] ? r.imports[s].toLocaleString('en') : '–'))} |`),
    `| peak RSS: gateway / households / land-housing | ${cells((r) => ['gateway', 'households', 'land-housing'].map((p) => r.peakRssMiB[p] ?? '–').join(' / ') + ' MiB')} |`,
  ];
  console.log(`\n${lines.join('\n')}`);
}

async function main() {
  const started = Date.now();
  // the scales measured by an earlier command stay in the table (with their date) unless measured again
  const file = path.join(RESULTS, 'scale.json');
  const earlier: (Row & { date?: string })[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).rows : [];
  const rows: (Row & { date?: string })[] = earlier.filter((r) => !SCALES.includes(r.scale));
  for (const scale of SCALES) {
    rows.push({ ...(await measureScale(scale)), date: new Date().toISOString() });
    rows.sort((a, b) => a.scale - b.scale);
    printTable(rows);
  }
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2));
  console.log(`\nwritten to bench/results/scale.json (${((Date.now() - started) / 1000).toFixed(0)} s in all; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
