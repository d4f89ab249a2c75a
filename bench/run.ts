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
import { loadConfig, projectRoot } from '../platform/config';
import { IDENTITY_HEADER, signForwardedIdentity, signUserToken } from '../platform/security/identity';
import { generateKeyMaterial, importKeys } from '../platform/security/keys';
import { measureLimit, type Limit } from './limit';
import { ensurePeer, PEER_FOLDER } from './peer';
import { cpuMsOf, freePort, histogramTotals, memoryOf, metricsOf, sqlStatements, startService, type Service } from './processes';
import type { SubgraphFetch } from './recording-proxy';
import { scenarios, type Samples, type Scenario } from './scenarios';

/**
 * `npm run bench`: the platform on PostgreSQL with the full demo, each subgraph and the gateway
 * in its own process, driven over HTTP by autocannon at fixed concurrency levels.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const DATABASE_URL = args.get('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const DURATION = Number(args.get('duration') ?? 8);
const WARMUP = Number(args.get('warmup') ?? 2);
/** Seconds per subgraph request when the subgraphs are queried directly (each one its own run). */
const DIRECT_DURATION = Number(args.get('direct-duration') ?? 4);
// each direct run sends one forwarded identity, signed before its warm-up, for as long as it lasts
if (DIRECT_DURATION + 1 >= loadConfig().identityTtlSeconds) throw new Error(`--direct-duration must be under IDENTITY_TTL_SECONDS − 1 (${loadConfig().identityTtlSeconds - 1} s): the subgraphs refuse an older forwarded identity`);
const PEER = args.get('peer') !== 'none';
/** Seconds autocannon waits for an answer before counting an error (its default is 10). */
const TIMEOUT = Number(args.get('timeout') ?? 10);
/** `--direct none` leaves out the runs straight to the subgraphs. */
const DIRECT = args.get('direct') !== 'none';
const CONNECTIONS = (args.get('connections') ?? '1,8').split(',').map(Number);
const ONLY = args.get('scenarios')?.split(',');
const SCALE = Number(args.get('scale') ?? 1);
/** `--profile <folder>`: each gateway (ours, Hive) and each subgraph writes a V8 CPU profile there when it stops (`node --cpu-prof`). */
const PROFILE = args.get('profile');
/** `--gateway-node-args "--max-semi-space-size=8"`: Node options for our gateway's process alone (space-separated). */
const GATEWAY_NODE_ARGS = args.get('gateway-node-args')?.split(' ').filter(Boolean) ?? [];
/** `--as analyst` (any name of DEMO_IDENTITIES): whom the requests are sent as (default the prefecture officer, who reads ID numbers in full, so deep and lookup write the read audit; the analyst's are masked and write none). */
const AS = args.get('as') ?? 'prefecture';
if (!(AS in DEMO_IDENTITIES)) throw new Error(`--as must be one of ${Object.keys(DEMO_IDENTITIES).join(', ')}`);
const CALLER = DEMO_IDENTITIES[AS as keyof typeof DEMO_IDENTITIES];
/** Scenarios whose end-to-end p50 is compared with the database's own time (the limit). */
const LIMITED = ['deep', 'lookup'];
/** Scenarios that change data: not replayed in-process; their direct run is the scenario itself sent to `direct`. */
const WRITES = ['write'];

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
  const communities = await client.query(`SELECT DISTINCT substr(area_code, 1, 12) AS code FROM households.household ORDER BY 1`);
  const village = await client.query(`SELECT original_area_code FROM households.household WHERE county_code = $1 LIMIT 1`, [DEMO_AREAS.qiaojia]);
  await client.end();
  return {
    idNumbers: ids.rows.map((r) => r.id_number),
    wenbi: DEMO_AREAS.wenbi,
    communities: communities.rows.map((r) => r.code),
    wenbiGroup: group.rows[0].code,
    village: village.rows[0].original_area_code,
  };
}

/** Our gateway's /metrics (METRICS_PORT). */
let gatewayMetrics = '';

/** Our gateway's event-loop delay since the last scrape (prom-client resets its histogram at every scrape), ms. */
async function eventLoopDelay(): Promise<{ meanMs: number; p99Ms: number; maxMs: number } | undefined> {
  if (!gatewayMetrics) return undefined;
  const text = await (await fetch(gatewayMetrics)).text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  return { meanMs: value('nodejs_eventloop_lag_mean_seconds'), p99Ms: value('nodejs_eventloop_lag_p99_seconds'), maxMs: value('nodejs_eventloop_lag_max_seconds') };
}

interface Platform {
  gateway: Service;
  peer?: Service;
  subgraphs: Service[];
  token: string;
  /** What the gateway would forward, signed afresh: lets a subgraph be queried directly (the subgraphs refuse one valid longer than IDENTITY_TTL_SECONDS, or older). */
  forwarded: () => Promise<string>;
}

async function startPlatform(peerBin: string | undefined): Promise<Platform> {
  const material = await generateKeyMaterial();
  const keys = await importKeys(material);
  const dist = path.join(projectRoot(), 'dist');
  const common = { NODE_ENV: 'production', HOST: '127.0.0.1', GATEWAY_PUBLIC_KEY: JSON.stringify(material.gatewayPublicKey) };
  const nodeArgs = (name: string) => (PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROFILE), '--cpu-prof-name', `${name}-${Date.now()}.cpuprofile`] : []);
  const subgraphs: Service[] = [];
  for (const module of SUBGRAPH_MODULES) {
    const port = await freePort();
    // its own /metrics: the SQL statements it ran
    const metricsPort = await freePort();
    const key = module.name.toUpperCase().replace(/-/g, '_');
    subgraphs.push(
      await startService(module.name, path.join(dist, 'subgraphs', module.name, 'index.js'), { ...common, DATABASE_URL, [`SUBGRAPH_PORT_${key}`]: String(port), METRICS_PORT: String(metricsPort) }, `http://127.0.0.1:${port}/graphql`, {
        metrics: `http://127.0.0.1:${metricsPort}/metrics`,
        nodeArgs: nodeArgs(module.name),
      }),
    );
  }
  const port = await freePort();
  const metricsPort = await freePort();
  const gatewayEnv: Record<string, string> = {
    ...common,
    DATABASE_URL,
    PORT: String(port),
    TOKEN_PUBLIC_KEY: JSON.stringify(material.tokenPublicKey),
    GATEWAY_PRIVATE_KEY: JSON.stringify(material.gatewayPrivateKey),
  };
  for (const s of subgraphs) gatewayEnv[`SUBGRAPH_URL_${s.name.toUpperCase().replace(/-/g, '_')}`] = s.url;
  // its own /metrics: the event loop's delay
  const gateway = await startService('gateway', path.join(dist, 'gateway', 'index.js'), { ...gatewayEnv, METRICS_PORT: String(metricsPort) }, `http://127.0.0.1:${port}/graphql`, {
    nodeArgs: [...GATEWAY_NODE_ARGS, ...nodeArgs('gateway')],
    metrics: `http://127.0.0.1:${metricsPort}/metrics`,
  });
  gatewayMetrics = `http://127.0.0.1:${metricsPort}/metrics`;
  let peer: Service | undefined;
  if (peerBin) {
    const peerPort = await freePort();
    const peerEnv = { ...gatewayEnv, BENCH_DIST: dist, SUPERGRAPH_FILE: path.join(projectRoot(), 'schema', 'supergraph.graphql') };
    try {
      peer = await startService('hive', peerBin, peerEnv, `http://127.0.0.1:${peerPort}/graphql`, {
        args: ['supergraph', peerEnv.SUPERGRAPH_FILE, '--host', '127.0.0.1', '--port', String(peerPort)],
        cwd: PEER_FOLDER(),
        nodeArgs: nodeArgs('hive'),
      });
    } catch (error) {
      console.log(`Hive Gateway did not start, the peer column is left out: ${error instanceof Error ? error.message : error}`);
    }
  }
  return {
    gateway,
    peer,
    subgraphs,
    token: await signUserToken(CALLER, keys.tokenPrivate!, 3600),
    forwarded: () => signForwardedIdentity(CALLER, keys.gatewayPrivate!, loadConfig().identityTtlSeconds, keys.gatewayKid),
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Result {
  scenario: string;
  /** `ours`, `hive`, or `direct` (one subgraph request of the scenario, sent straight to the subgraph). */
  via: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  sqlPerRequest: number;
  peakRssMiB: Record<string, number>;
  /** CPU time (user + system) each process spent per request in the window, ms: compare these, not wall times, on a busy machine. */
  cpuMsPerRequest: Record<string, number>;
  /**
   * Where a request's time went, mean ms per request in the window, as the processes themselves
   * timed it: our gateway's whole request and its subgraph fetches (summed, for runs through our
   * gateway), and the subgraphs' own handling of those fetches (summed). The rest of the
   * client's time is outside the gateway's request handling (sockets, parsing before the timer).
   */
  timing?: { gatewayMs?: number; fetchesMs?: number; subgraphsMs: number };
  /** Our gateway's event-loop delay in the window (for runs through our gateway). */
  eventLoop?: { meanMs: number; p99Ms: number; maxMs: number };
  /** The load average (1 minute) at the end of the window. */
  load: number;
  /** Direct runs: which subgraph request of the scenario. */
  subgraph?: string;
  /** For read scenarios: PostgreSQL's own time for the same statements (owner, and serving role under the caller's scope), and p50 divided by the first. */
  databaseMs?: number;
  databaseScopedMs?: number;
  p50OverDatabase?: number;
}

/** Per scenario and concurrency: our gateway, Hive Gateway, and the subgraphs queried directly, side by side. */
interface Comparison {
  scenario: string;
  connections: number;
  ours: Pick<Result, 'p50' | 'p95' | 'rps'>;
  hive?: Pick<Result, 'p50' | 'p95' | 'rps'>;
  /** The scenario's subgraph requests one after another: p50 and p95 summed, throughput of the sequence. */
  direct?: Pick<Result, 'p50' | 'p95' | 'rps'> & { requests: number };
  oursOverDirectP50?: number;
  hiveOverDirectP50?: number;
  oursOverHiveRps?: number;
  /** CPU ms per request of the gateway in front (ours, Hive), and of all processes (gateway and subgraphs) together. */
  cpu?: { ours: number; oursAll: number; hive?: number; hiveAll?: number };
}

/** Request counter across all runs, so that every write registers new registry and ID numbers. */
let sent = 0;

interface Target {
  label: string;
  via: string;
  url: string;
  headers: Record<string, string>;
  body: (i: number) => string;
  subgraph?: string;
}

async function drive(connections: number, seconds: number, target: Target, record: boolean) {
  const latencies: number[] = [];
  let graphQLErrors = 0;
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections,
    duration: seconds,
    timeout: TIMEOUT,
    headers: { 'content-type': 'application/json', ...target.headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: target.body(sent++) }) }],
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

async function measure(target: Target, connections: number, seconds: number, warmup: number, services: Service[], subgraphs: Service[], scenario: string): Promise<Result> {
  if (warmup > 0) await drive(connections, warmup, target, false);
  const peak: Record<string, number> = Object.fromEntries(services.map((s) => [s.name, 0]));
  const sampler = setInterval(() => {
    for (const s of services) peak[s.name] = Math.max(peak[s.name], memoryOf(s.process.pid!).rssMiB);
  }, 200);
  const before = await sqlStatements(subgraphs);
  await eventLoopDelay();
  const metricsBefore = await metricsOf(services);
  const cpuBefore = services.map((s) => cpuMsOf(s.process.pid!));
  const run = (await drive(connections, seconds, target, true))!;
  const cpuAfter = services.map((s) => cpuMsOf(s.process.pid!));
  const eventLoop = target.via === 'ours' ? await eventLoopDelay() : undefined;
  const metricsAfter = await metricsOf(services);
  const statements = (await sqlStatements(subgraphs)) - before;
  clearInterval(sampler);
  const requests = run.result.requests.total;
  const delta = (service: string, name: string, labels = '') => {
    const [a, b] = [histogramTotals(metricsBefore.get(service) ?? '', name, labels), histogramTotals(metricsAfter.get(service) ?? '', name, labels)];
    return { ms: (b.sumSeconds - a.sumSeconds) * 1000, count: b.count - a.count };
  };
  const handled = target.via === 'ours' ? delta('gateway', 'resettlement_request_duration_seconds') : undefined;
  const perRequest = (ms: number) => Math.round((ms / (handled?.count || requests)) * 100) / 100;
  const subgraphsMs = subgraphs.reduce((sum, s) => sum + delta(s.name, 'resettlement_request_duration_seconds').ms, 0);
  const timing: Result['timing'] = {
    ...(handled ? { gatewayMs: perRequest(handled.ms), fetchesMs: perRequest(delta('gateway', 'resettlement_subgraph_fetch_duration_seconds').ms) } : {}),
    subgraphsMs: perRequest(subgraphsMs),
  };
  const row: Result = {
    scenario,
    via: target.via,
    connections,
    requests,
    rps: requests / seconds,
    p50: percentile(run.latencies, 50),
    p95: percentile(run.latencies, 95),
    p99: percentile(run.latencies, 99),
    errors: run.errors,
    // the metrics calls themselves run no SQL; warm-up requests are outside the window
    sqlPerRequest: requests ? statements / requests : NaN,
    peakRssMiB: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v)])),
    cpuMsPerRequest: Object.fromEntries(services.map((s, i) => [s.name, requests ? Math.round(((cpuAfter[i] - cpuBefore[i]) / requests) * 100) / 100 : NaN])),
    timing,
    ...(eventLoop ? { eventLoop } : {}),
    load: os.loadavg()[0],
    ...(target.subgraph ? { subgraph: target.subgraph } : {}),
  };
  console.log(
    `${target.label.padEnd(28)} c=${String(connections).padEnd(3)} ${row.rps.toFixed(1).padStart(8)} req/s  p50 ${row.p50.toFixed(1)} ms  p95 ${row.p95.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  ` +
      `SQL/req ${row.sqlPerRequest.toFixed(2)}  errors ${row.errors}  peak RSS ${Object.entries(row.peakRssMiB).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')} MiB`,
  );
  const front = target.via === 'ours' ? 'gateway' : target.via === 'hive' ? 'hive' : undefined;
  console.log(
    `${''.padEnd(28)} CPU ms/req: ${front ? `${front} ${fixed(row.cpuMsPerRequest[front], 2)}, ` : ''}all ${fixed(Object.values(row.cpuMsPerRequest).reduce((a, b) => a + b, 0), 2)}` +
      `${eventLoop ? `  event-loop delay mean ${fixed(eventLoop.meanMs)} ms, p99 ${fixed(eventLoop.p99Ms)} ms` : ''}  load ${row.load.toFixed(2)}`,
  );
  console.log(
    `${''.padEnd(28)} mean ms/req: client ${fixed(run.result.latency.mean)}` +
      `${timing.gatewayMs !== undefined ? `, gateway's own ${fixed(timing.gatewayMs)}, its subgraph fetches ${fixed(timing.fetchesMs!)}` : ''}, subgraphs' own ${fixed(timing.subgraphsMs)}`,
  );
  return row;
}

/**
 * The scenario's subgraph requests, each sent straight to its subgraph with the identity the
 * gateway would forward: per variant of the request, what the gateway sent (a subgraph's k-th
 * request is matched across variants, since requests of one plan stage arrive in any order); a
 * write goes to its subgraph as it is.
 */
function directTargets(scenario: Scenario, recorded: SubgraphFetch[][] | undefined, subgraphs: Service[], body: (i: number) => string): Target[] {
  // the forwarded identity is signed just before each run (`measure`'s caller)
  const target = (label: string, subgraph: string, send: (i: number) => string): Target => ({
    label, via: 'direct', subgraph, url: subgraphs.find((s) => s.name === subgraph)!.url, headers: {}, body: send,
  });
  if (!recorded) return scenario.direct ? [target(`${scenario.name} → ${scenario.direct}`, scenario.direct, body)] : [];
  const keyed = recorded.map((fetches) => {
    const seen = new Map<string, number>();
    return new Map(fetches.map((f) => {
      const k = (seen.get(f.subgraph) ?? 0) + 1;
      seen.set(f.subgraph, k);
      return [`${f.subgraph} #${k}`, f] as const;
    }));
  });
  const keys = [...keyed[0].keys()];
  return keys.map((key) => target(`${scenario.name} → ${keys.length > 1 ? key : key.replace(/ #1$/, '')}`, keyed[0].get(key)!.subgraph, (i) => (keyed[i % keyed.length].get(key) ?? keyed[0].get(key)!).body));
}

/** A JSON value with every object's keys in order: two gateways may place the same fields in different orders. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  return value;
}

/**
 * What of an answer is compared between our gateway and the peer: its data, and its errors' messages, paths and codes.
 * Top-level `extensions` are left out (ours carries `platformVersion` there, Hive
 * none), and so are the rest of each error's extensions (each gateway adds its own).
 */
async function answer(url: string, headers: Record<string, string>, body: string): Promise<{ data: string; errors: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const json = (await res.json()) as { data?: unknown; errors?: { message?: string; path?: unknown; extensions?: { code?: unknown } }[] };
  const errors = (json.errors ?? []).map((e) => ({ message: e.message, path: e.path ?? null, code: e.extensions?.code ?? null }));
  return { data: JSON.stringify(sortedKeys(json.data ?? null)), errors: JSON.stringify(sortedKeys(errors)) };
}

/** "the same as ours", or which parts differ and how they begin. */
function sameAnswer(ours: { data: string; errors: string }, peer: { data: string; errors: string }): string {
  const parts = (['data', 'errors'] as const).filter((k) => ours[k] !== peer[k]);
  if (!parts.length) return 'the same as ours (data and errors)';
  return `NOT the same as ours (${parts.join(', ')}):` + parts.map((k) => `\n  ours ${k} ${ours[k].slice(0, 300)}\n  Hive ${k} ${peer[k].slice(0, 300)}`).join('');
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function printComparisons(comparisons: Comparison[]) {
  console.log('\nside by side (p50 / p95 ms, req/s; direct = the scenario\'s subgraph requests sent straight to the subgraphs, one after another)');
  console.log('scenario   c  | ours                  | Hive Gateway          | direct                   | ours/direct p50 | Hive/direct p50 | ours/Hive req/s | gateway CPU ms/req ours / Hive (all processes)');
  for (const c of comparisons) {
    const cell = (r?: Pick<Result, 'p50' | 'p95' | 'rps'>) => (r ? `${fixed(r.p50)} / ${fixed(r.p95)}, ${fixed(r.rps)}`.padEnd(21) : '–'.padEnd(21));
    console.log(
      `${c.scenario.padEnd(10)} ${String(c.connections).padEnd(2)} | ${cell(c.ours)} | ${cell(c.hive)} | ${(c.direct ? `${cell(c.direct).trimEnd()} (${c.direct.requests})` : '–').padEnd(24)} | ` +
        `${(c.oursOverDirectP50 ? `${fixed(c.oursOverDirectP50, 2)}×` : '–').padEnd(15)} | ${(c.hiveOverDirectP50 ? `${fixed(c.hiveOverDirectP50, 2)}×` : '–').padEnd(15)} | ${(c.oursOverHiveRps ? `${fixed(c.oursOverHiveRps, 2)}×` : '–').padEnd(15)} | ` +
        `${c.cpu ? `${fixed(c.cpu.ours, 2)} / ${fixed(c.cpu.hive ?? NaN, 2)} (all ${fixed(c.cpu.oursAll, 1)} / ${fixed(c.cpu.hiveAll ?? NaN, 1)})` : '–'}`,
    );
  }
}

async function main() {
  const started = Date.now();
  const samples = await prepareData();
  console.log(`data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const chosen = scenarios(samples).filter((s) => !ONLY || ONLY.includes(s.name));
  const limits = new Map<string, Limit>();
  for (const scenario of chosen.filter((s) => !WRITES.includes(s.name))) {
    const limit = await measureLimit(DATABASE_URL, scenario);
    limits.set(scenario.name, limit);
    console.log(
      `limit ${scenario.name}: PostgreSQL alone runs its ${limit.statements} statements in ${limit.databaseMs.toFixed(1)} ms as the owner, ` +
        `${limit.databaseScopedMs.toFixed(1)} ms under row-level security (medians); the gateway sends ${limit.fetches[0].length} subgraph requests`,
    );
  }
  const peerBin = PEER ? ensurePeer() : undefined;
  const { gateway, peer, subgraphs, token, forwarded } = await startPlatform(peerBin);
  const services = [gateway, ...(peer ? [peer] : []), ...subgraphs];
  const results: Result[] = [];
  const comparisons: Comparison[] = [];
  try {
    for (const scenario of chosen) {
      const body = (i: number) => JSON.stringify(scenario.body(i));
      const bearer = { authorization: `Bearer ${token}` };
      const ours: Target = { label: `${scenario.name} (ours)`, via: 'ours', url: gateway.url, headers: bearer, body };
      const hive: Target | undefined = peer && { label: `${scenario.name} (Hive)`, via: 'hive', url: peer.url, headers: bearer, body };
      const direct = !DIRECT ? [] : directTargets(scenario, limits.get(scenario.name)?.fetches, subgraphs, body);
      if (hive && !WRITES.includes(scenario.name)) {
        const [a, b] = [await answer(ours.url, ours.headers, body(0)), await answer(hive.url, hive.headers, body(0))];
        console.log(`${scenario.name}: Hive Gateway's answer is ${sameAnswer(a, b)}`);
      }
      for (const connections of CONNECTIONS) {
        const row = await measure(ours, connections, DURATION, WARMUP, services, subgraphs, scenario.name);
        const limit = LIMITED.includes(scenario.name) ? limits.get(scenario.name) : undefined;
        if (limit) Object.assign(row, { databaseMs: limit.databaseMs, databaseScopedMs: limit.databaseScopedMs, p50OverDatabase: row.p50 / limit.databaseMs });
        if (limit) console.log(`${''.padEnd(28)} p50 / database time: ${row.p50OverDatabase!.toFixed(1)}×`);
        results.push(row);
        const all = (r: Result) => Object.values(r.cpuMsPerRequest).reduce((a, b) => a + b, 0);
        const comparison: Comparison = { scenario: scenario.name, connections, ours: row, cpu: { ours: row.cpuMsPerRequest.gateway, oursAll: all(row) } };
        if (hive) {
          const other = await measure(hive, connections, DURATION, WARMUP, services, subgraphs, scenario.name);
          results.push(other);
          comparison.hive = other;
          comparison.oursOverHiveRps = row.rps / other.rps;
          comparison.cpu = { ...comparison.cpu!, hive: other.cpuMsPerRequest.hive, hiveAll: all(other) };
        }
        if (direct.length) {
          const parts: Result[] = [];
          for (const target of direct) {
            target.headers[IDENTITY_HEADER] = await forwarded();
            parts.push(await measure(target, connections, DIRECT_DURATION, 1, services, subgraphs, scenario.name));
          }
          results.push(...parts);
          comparison.direct = {
            p50: parts.reduce((sum, p) => sum + p.p50, 0),
            p95: parts.reduce((sum, p) => sum + p.p95, 0),
            rps: 1 / parts.reduce((sum, p) => sum + 1 / p.rps, 0),
            requests: parts.length,
          };
          comparison.oursOverDirectP50 = row.p50 / comparison.direct.p50;
          if (comparison.hive) comparison.hiveOverDirectP50 = comparison.hive.p50 / comparison.direct.p50;
        }
        comparisons.push(comparison);
      }
    }
  } finally {
    for (const s of services) s.process.kill();
  }
  printComparisons(comparisons);
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  const out = path.join(projectRoot(), 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const limitsOut = Object.fromEntries([...limits].map(([name, l]) => [name, { statements: l.statements, databaseMs: l.databaseMs, databaseScopedMs: l.databaseScopedMs, subgraphRequests: l.fetches[0].length }]));
  const report = { date: new Date().toISOString(), machine, caller: AS, scale: SCALE, durationSeconds: DURATION, directDurationSeconds: DIRECT_DURATION, peer: peer ? 'hive' : null, limits: limitsOut, comparisons, results };
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify(report, null, 2));
  console.log(`results written to ${path.relative(projectRoot(), file)} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
