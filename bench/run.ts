import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { loadDemo } from '../scripts/demo';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { projectRoot } from '../subgraphs/shared/config';
import { IDENTITY_HEADER, signForwardedIdentity, signUserToken } from '../subgraphs/shared/identity';
import { generateKeyMaterial, importKeys } from '../subgraphs/shared/keys';
import { measureLimit, type Limit } from './limit';
import { freePort, memoryOf, sqlStatements, startService, type Service } from './processes';
import { scenarios, type Samples, type Scenario } from './scenarios';

/**
 * `npm run bench`: the platform on PostgreSQL with the full demo, each subgraph and the gateway
 * in its own process, driven over HTTP by autocannon at fixed concurrency levels.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const DATABASE_URL = args.get('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const DURATION = Number(args.get('duration') ?? 10);
const WARMUP = Number(args.get('warmup') ?? 3);
const CONNECTIONS = (args.get('connections') ?? '1,8').split(',').map(Number);
const ONLY = args.get('scenarios')?.split(',');
const SCALE = Number(args.get('scale') ?? 1);
/** Read scenarios whose database time is measured on its own (the limit). */
const LIMITED = ['deep', 'lookup'];

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

async function prepareData(): Promise<Samples> {
  await ensureDatabase(DATABASE_URL);
  const engine = { kind: 'postgres' as const, url: DATABASE_URL };
  const databases = [];
  for (const module of SUBGRAPH_MODULES) databases.push(await module.openDatabase(engine));
  await loadDemo(SUBGRAPH_MODULES, databases, { scale: SCALE, progress: true, log: console.log });
  for (const db of databases) await db.dataSource.destroy();

  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  // writes of earlier runs would collide with this run's ID numbers
  await client.query('BEGIN'); // households and their heads reference each other: check at commit
  await client.query(`DELETE FROM households.person WHERE household_id IN (SELECT id FROM households.household WHERE registry_no LIKE 'BENCH-%')`);
  await client.query(`DELETE FROM households.household WHERE registry_no LIKE 'BENCH-%'`);
  await client.query('COMMIT');
  const ids = await client.query(`SELECT id_number FROM households.person TABLESAMPLE SYSTEM (5) REPEATABLE (1) LIMIT 1000`);
  const group = await client.query(`SELECT code FROM households.admin_area WHERE parent_code = $1 ORDER BY code LIMIT 1`, [DEMO_AREAS.wenbi]);
  const village = await client.query(`SELECT original_area_code FROM households.household WHERE county_code = $1 LIMIT 1`, [DEMO_AREAS.qiaojia]);
  const counties = await client.query(`SELECT code FROM households.admin_area WHERE level = 'COUNTY' ORDER BY code`);
  await client.end();
  return {
    idNumbers: ids.rows.map((r) => r.id_number),
    wenbi: DEMO_AREAS.wenbi,
    wenbiGroup: group.rows[0].code,
    village: village.rows[0].original_area_code,
    counties: counties.rows.map((r) => r.code),
  };
}

async function startPlatform(): Promise<{ gateway: Service; subgraphs: Service[]; token: string; forwarded: string }> {
  const material = await generateKeyMaterial();
  const keys = await importKeys(material);
  const dist = path.join(projectRoot(), 'dist');
  const common = { NODE_ENV: 'production', HOST: '127.0.0.1', GATEWAY_PUBLIC_KEY: JSON.stringify(material.gatewayPublicKey) };
  const subgraphs: Service[] = [];
  for (const module of SUBGRAPH_MODULES) {
    const port = await freePort();
    const key = module.name.toUpperCase().replace(/-/g, '_');
    subgraphs.push(
      await startService(module.name, path.join(dist, 'subgraphs', module.name, 'index.js'), { ...common, DATABASE_URL, [`SUBGRAPH_PORT_${key}`]: String(port) }, `http://127.0.0.1:${port}/graphql`),
    );
  }
  const port = await freePort();
  const gatewayEnv: Record<string, string> = {
    ...common,
    DATABASE_URL,
    PORT: String(port),
    TOKEN_PUBLIC_KEY: JSON.stringify(material.tokenPublicKey),
    GATEWAY_PRIVATE_KEY: JSON.stringify(material.gatewayPrivateKey),
  };
  for (const s of subgraphs) gatewayEnv[`SUBGRAPH_URL_${s.name.toUpperCase().replace(/-/g, '_')}`] = s.url;
  const gateway = await startService('gateway', path.join(dist, 'gateway', 'index.js'), gatewayEnv, `http://127.0.0.1:${port}/graphql`);
  return {
    gateway,
    subgraphs,
    token: await signUserToken(DEMO_IDENTITIES.prefecture, keys.tokenPrivate!, 3600),
    // what the gateway would forward: lets a scenario be sent to a subgraph directly
    forwarded: await signForwardedIdentity(DEMO_IDENTITIES.prefecture, keys.gatewayPrivate!, 3600, keys.gatewayKid),
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Result {
  scenario: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  sqlPerRequest: number;
  peakRssMiB: Record<string, number>;
  /** For read scenarios: PostgreSQL's own time for the same statements, and p50 divided by it. */
  databaseMs?: number;
  p50OverDatabase?: number;
}

/** Request counter across all runs, so that every write registers new registry and ID numbers. */
let sent = 0;

interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
}

async function drive(scenario: Scenario, connections: number, seconds: number, target: Target, record: boolean) {
  const latencies: number[] = [];
  let graphQLErrors = 0;
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...target.headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(scenario.body(sent++)) }) }],
    setupClient: (client) => {
      client.on('response', (_status: number, _bytes: number, time: number) => latencies.push(time));
      client.on('body', (body: Buffer) => {
        if (body.includes('"errors"')) graphQLErrors++;
      });
    },
  });
  if (!record) return undefined;
  latencies.sort((a, b) => a - b);
  return { result, latencies, errors: graphQLErrors + result.non2xx + result.errors };
}

async function main() {
  const started = Date.now();
  const samples = await prepareData();
  console.log(`data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const limits = new Map<string, Limit>();
  for (const scenario of scenarios(samples).filter((s) => LIMITED.includes(s.name) && (!ONLY || ONLY.includes(s.name)))) {
    const limit = await measureLimit(DATABASE_URL, scenario);
    limits.set(scenario.name, limit);
    console.log(`limit ${scenario.name}: PostgreSQL alone runs its ${limit.statements} statements in ${limit.databaseMs.toFixed(1)} ms (median)`);
  }
  const { gateway, subgraphs, token, forwarded } = await startPlatform();
  const services = [gateway, ...subgraphs];
  const results: Result[] = [];
  try {
    for (const scenario of scenarios(samples).filter((s) => !ONLY || ONLY.includes(s.name))) {
      const targets: Target[] = [{ label: scenario.name, url: gateway.url, headers: { authorization: `Bearer ${token}` } }];
      const direct = subgraphs.find((s) => s.name === scenario.direct);
      if (direct) targets.push({ label: `${scenario.name}@${direct.name}`, url: direct.url, headers: { [IDENTITY_HEADER]: forwarded } });
      for (const [target, connections] of targets.flatMap((t) => CONNECTIONS.map((c) => [t, c] as const))) {
        await drive(scenario, connections, WARMUP, target, false);
        const peak: Record<string, number> = Object.fromEntries(services.map((s) => [s.name, 0]));
        const sampler = setInterval(() => {
          for (const s of services) peak[s.name] = Math.max(peak[s.name], memoryOf(s.process.pid!).rssMiB);
        }, 200);
        const before = await sqlStatements(subgraphs);
        const run = (await drive(scenario, connections, DURATION, target, true))!;
        const statements = (await sqlStatements(subgraphs)) - before;
        clearInterval(sampler);
        const requests = run.result.requests.total;
        const row: Result = {
          scenario: target.label,
          connections,
          requests,
          rps: requests / DURATION,
          p50: percentile(run.latencies, 50),
          p95: percentile(run.latencies, 95),
          p99: percentile(run.latencies, 99),
          errors: run.errors,
          // the metrics calls themselves run no SQL; warm-up requests are outside the window
          sqlPerRequest: requests ? statements / requests : NaN,
          peakRssMiB: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v)])),
        };
        const limit = target.url === gateway.url ? limits.get(scenario.name) : undefined;
        if (limit) Object.assign(row, { databaseMs: limit.databaseMs, p50OverDatabase: row.p50 / limit.databaseMs });
        results.push(row);
        console.log(
          `${target.label.padEnd(18)} c=${String(connections).padEnd(3)} ${row.rps.toFixed(1).padStart(8)} req/s  p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  ` +
            `SQL/req ${row.sqlPerRequest.toFixed(2)}  errors ${row.errors}${row.p50OverDatabase ? `  p50/db ${row.p50OverDatabase.toFixed(1)}×` : ''}  peak RSS ${Object.entries(row.peakRssMiB).map(([k, v]) => `${k} ${v}`).join(', ')} MiB`,
        );
      }
    }
  } finally {
    for (const s of services) s.process.kill();
  }
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  const out = path.join(projectRoot(), 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const report = { date: new Date().toISOString(), machine, scale: SCALE, durationSeconds: DURATION, results };
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify(report, null, 2));
  console.log(`results written to ${path.relative(projectRoot(), file)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
