import { isDemoScale } from '../platform/demo/scale';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { householdsModule } from '../subgraphs/households/module';
import { identityFromClaims } from '../platform/security/identity';
import { requestScopeOf, runInRequestScope } from '../platform/security/request-scope';
import { openServingDataSource } from '../platform/db/serving-connection';
import { registryCommand } from '../scripts/registry-files';

/**
 * `npm run import-bench -- [--scale 1] [--kind csv|xlsx] [--database-url postgres://…]
 * [--as app] [--change-history off] [--timings 1]`: the
 * demo registry (160,000 persons at scale 1) loaded into a throwaway PostgreSQL schema, exported
 * to files with `npm run export`'s code, the registry emptied, then both files imported with
 * `npm run import`'s code (households, then persons, then persons again: the no-op), each import
 * in a fresh process that reports its time and peak memory (RSS).
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const DATABASE_URL = args.get('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCALE = Number(args.get('scale') ?? 1);
const KIND = args.get('kind') ?? 'csv';
const { prefecture } = DEMO_IDENTITIES;
const AS = ['--role', prefecture.role, '--jurisdiction', prefecture.jurisdiction.join(',')];

async function openSchema(schema: string) {
  return householdsModule.openDatabase({ kind: 'postgres', url: DATABASE_URL }, { schema });
}

/** `--timings`: the time each kind of statement took, as the client waited for it (first 90 characters of its SQL). */
function timeStatements(): () => string[] {
  const spent = new Map<string, { n: number; ms: number }>();
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function timed(this: pg.Client, ...a: unknown[]) {
    const result = query.apply(this, a);
    if (!(result instanceof Promise) || typeof a[0] !== 'string') return result;
    const key = a[0].replace(/\s+/g, ' ').replace(/"import_bench_\d+"\./g, '').slice(0, 90);
    const started = process.hrtime.bigint();
    const done = () => {
      const s = spent.get(key) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += Number(process.hrtime.bigint() - started) / 1e6;
      spent.set(key, s);
    };
    result.then(done, done);
    return result;
  } as typeof pg.Client.prototype.query;
  return () => [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8).map(([k, s]) => `${(s.ms / 1000).toFixed(2).padStart(7)} s ${String(s.n).padStart(4)}× ${k}`);
}

/**
 * The CPU time (s) the database's server processes spent for this process's connections: each
 * connection's backend (its process id, from the connection's start) read from /proc every
 * second and at the end, since the pool closes idle connections. Undefined when the server's
 * processes are not on this machine.
 */
function databaseCpu(): () => number | undefined {
  const cpuOf = new Map<number, number>();
  const ticks = 100; // USER_HZ on Linux
  const read = () => {
    for (const pid of cpuOf.keys()) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        cpuOf.set(pid, Math.max(cpuOf.get(pid)!, (Number(fields[11]) + Number(fields[12])) / ticks));
      } catch { /* the connection has closed */ }
    }
  };
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function noted(this: pg.Client & { processID?: number }, ...a: unknown[]) {
    if (this.processID && !cpuOf.has(this.processID)) cpuOf.set(this.processID, 0);
    return query.apply(this, a);
  } as typeof pg.Client.prototype.query;
  const timer = setInterval(read, 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    read();
    const local = [...cpuOf.keys()].some((pid) => fs.existsSync(`/proc/${pid}`));
    return local || cpuOf.size === 0 ? [...cpuOf.values()].reduce((a, b) => a + b, 0) : undefined;
  };
}

/**
 * Child process: one import, timed; prints one JSON line. With `--as app` it runs as the
 * serving role inside a request scope (row-level security applies, as for the import mutation);
 * by default as the owner, as `npm run import` does.
 */
async function importPhase(schema: string, sheet: string, file: string) {
  const timings = args.get('timings') ? timeStatements() : undefined;
  const dbCpu = databaseCpu();
  const db = await openSchema(schema);
  const asApp = args.get('as') === 'app';
  const dataSource = asApp ? await openServingDataSource(db.dataSource, db.engine, db.statements, 'import-bench') : db.dataSource;
  const identity = identityFromClaims({ sub: 'bench', role: prefecture.role, jur: prefecture.jurisdiction });
  if (typeof identity === 'string') throw new Error(identity);
  const lines: string[] = [];
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const command = () => registryCommand('import', ['--sheet', sheet, '--file', file, '--commit', ...AS], { dataSource: () => dataSource, print: (l) => lines.push(l) });
  const code = asApp ? await runInRequestScope(requestScopeOf(identity), command) : await command();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const dbCpuSeconds = dbCpu();
  if (dataSource !== db.dataSource) await dataSource.destroy();
  await db.dataSource.destroy();
  const rows = Number(/rows (\d+)/.exec(lines[1] ?? '')?.[1] ?? 0);
  console.log(JSON.stringify({ code, seconds, cpuSeconds, dbCpuSeconds, rows, peakRssMb: process.resourceUsage().maxRSS / 1024, summary: lines.slice(0, 6), timings: timings?.() }));
}

/** Turns the change-history triggers of the registry's tables off or on. */
async function setChangeHistory(dataSource: DataSource, schema: string, action: 'DISABLE' | 'ENABLE') {
  const triggers: { name: string; table: string }[] = await dataSource.query(
    `SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = $1::regnamespace AND t.tgname LIKE 'change_history%'`, [schema]);
  for (const t of triggers) await dataSource.query(`ALTER TABLE "${schema}"."${t.table}" ${action} TRIGGER "${t.name}"`);
}

function runChild(schema: string, sheet: string, file: string) {
  const passed = ['as', 'timings'].flatMap((name) => (args.has(name) ? [`--${name}`, args.get(name)!] : []));
  const out = execFileSync(process.execPath, [__filename, '--phase', 'import', '--schema', schema, '--sheet', sheet, '--file', file, '--database-url', DATABASE_URL, ...passed], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { code: number; seconds: number; cpuSeconds: number; dbCpuSeconds?: number; rows: number; peakRssMb: number; summary: string[]; timings?: string[] };
}

async function main() {
  if (args.get('phase') === 'import') return importPhase(args.get('schema')!, args.get('sheet')!, args.get('file')!);
  if (!isDemoScale(SCALE) || !['csv', 'xlsx'].includes(KIND)) throw new Error('usage: npm run import-bench -- [--scale 0.05] [--kind csv|xlsx] [--database-url …]');
  const schema = `import_bench_${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-bench-'));
  const files = { households: path.join(dir, `households.${KIND}`), persons: path.join(dir, `persons.${KIND}`) };
  const db = await openSchema(schema);
  try {
    const data = generateDemoData({ scale: SCALE });
    await householdsModule.demo.load(db.dataSource, data, { scale: SCALE });
    console.log(`scale ${SCALE}: ${data.households.length} households, ${data.persons.length} persons loaded into PostgreSQL schema ${schema}`);
    // the demo's flags were set as of its reference date: children who have turned 16 since are
    // no longer left-behind children, and an import (like registration) refuses the flag on a new row
    const [stale] = await db.dataSource.query(
      `WITH cleared AS (UPDATE "${schema}".person SET left_behind_child = false
         WHERE left_behind_child AND birth_date <= current_date - interval '16 years' RETURNING 1) SELECT count(*)::int AS n FROM cleared`);
    console.log(`cleared ${stale.n} left-behind-child flags of persons now 16 or older`);
    for (const sheet of ['households', 'persons'] as const) {
      await registryCommand('export', ['--sheet', sheet, '--out', files[sheet], ...AS], { dataSource: () => db.dataSource, print: console.log });
    }
    // empty the registry: the import puts it back (TRUNCATE: deleting 160,000 persons row by row
    // would check the deferred head key of each against every household at commit)
    await db.dataSource.query(`TRUNCATE "${schema}".person, "${schema}".household, "${schema}".change_log`);
    await db.dataSource.query(`ANALYZE "${schema}".household; ANALYZE "${schema}".person`);
    // `--change-history off`: the imports without the change-history triggers (to measure what they cost)
    const historyOff = args.get('change-history') === 'off';
    if (historyOff) await setChangeHistory(db.dataSource, schema, 'DISABLE');
    const results = [
      ['households (new)', runChild(schema, 'households', files.households)],
      ['persons (new)', runChild(schema, 'persons', files.persons)],
      ['persons (again: no-op)', runChild(schema, 'persons', files.persons)],
    ] as const;
    for (const [label, r] of results) {
      console.log(`${label.padEnd(24)} ${String(r.rows).padStart(7)} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s (Node CPU ${r.cpuSeconds.toFixed(2)} s, database CPU ${r.dbCpuSeconds?.toFixed(2) ?? '?'} s), peak RSS ${r.peakRssMb.toFixed(0)} MB  (${r.summary[0]})`);
      if (r.code !== 0) console.log(`  ${r.summary.join('\n  ')}`);
      if (r.timings) console.log(`  ${r.timings.join('\n  ')}`);
    }
    if (historyOff) await setChangeHistory(db.dataSource, schema, 'ENABLE');
    const conditions = [`change history ${historyOff ? 'off' : 'on'}`, `as ${args.get('as') === 'app' ? 'the serving role (row-level security on)' : 'the owner (row-level security bypassed)'}`];
    console.log(conditions.join(', '));
    console.log(`load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
    const [count] = await db.dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".person`);
    console.log(`persons in the registry after the import: ${count.n} (of ${data.persons.length})`);
  } finally {
    await db.dataSource.destroy();
    if (args.get('keep')) return void console.log(`kept schema ${schema} and ${dir}`);
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
