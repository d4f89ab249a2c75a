import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import pg from 'pg';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { householdsModule } from '../subgraphs/households/module';
import { registryCommand } from '../scripts/registry-files';

/**
 * `npm run import-bench -- [--scale 1] [--kind csv|xlsx] [--database-url postgres://…]`: the
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

/** Child process: one import, timed; prints one JSON line. */
async function importPhase(schema: string, sheet: string, file: string) {
  const db = await openSchema(schema);
  const lines: string[] = [];
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const code = await registryCommand('import', ['--sheet', sheet, '--file', file, '--commit', ...AS], { dataSource: () => db.dataSource, print: (l) => lines.push(l) });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  await db.dataSource.destroy();
  const rows = Number(/rows (\d+)/.exec(lines[1] ?? '')?.[1] ?? 0);
  console.log(JSON.stringify({ code, seconds, cpuSeconds, rows, peakRssMb: process.resourceUsage().maxRSS / 1024, summary: lines.slice(0, 6) }));
}

function runChild(schema: string, sheet: string, file: string) {
  const out = execFileSync(process.execPath, [__filename, '--phase', 'import', '--schema', schema, '--sheet', sheet, '--file', file, '--database-url', DATABASE_URL], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { code: number; seconds: number; cpuSeconds: number; rows: number; peakRssMb: number; summary: string[] };
}

async function main() {
  if (args.get('phase') === 'import') return importPhase(args.get('schema')!, args.get('sheet')!, args.get('file')!);
  if (!(SCALE > 0 && SCALE <= 1) || !['csv', 'xlsx'].includes(KIND)) throw new Error('usage: npm run import-bench -- [--scale 0.05] [--kind csv|xlsx] [--database-url …]');
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
    // empty the registry: the import puts it back
    await db.dataSource.transaction(async (m) => {
      await m.query(`UPDATE "${schema}".household SET head_id = NULL`);
      await m.query(`DELETE FROM "${schema}".person`);
      await m.query(`DELETE FROM "${schema}".household`);
    });
    await db.dataSource.query(`ANALYZE "${schema}".household; ANALYZE "${schema}".person`);
    const results = [
      ['households (new)', runChild(schema, 'households', files.households)],
      ['persons (new)', runChild(schema, 'persons', files.persons)],
      ['persons (again: no-op)', runChild(schema, 'persons', files.persons)],
    ] as const;
    for (const [label, r] of results) {
      console.log(`${label.padEnd(24)} ${String(r.rows).padStart(7)} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s (Node CPU ${r.cpuSeconds.toFixed(2)} s), peak RSS ${r.peakRssMb.toFixed(0)} MB  (${r.summary[0]})`);
      if (r.code !== 0) console.log(`  ${r.summary.join('\n  ')}`);
    }
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
