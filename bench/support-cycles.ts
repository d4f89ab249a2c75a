import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { schemaName } from '../platform/db/data-source';
import { baseContext } from '../platform/graphql/request-context';
import { startImport } from '../platform/imports/import.service';
import { RegistrySheet } from '../platform/imports/registry-sheets';
import type { SheetSource } from '../platform/imports/sheet-reader';
import { writeSheet } from '../platform/imports/sheet-writer';
import { Role, type Identity } from '../platform/security/identity';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { BANK_PAYMENTS_SHEET } from '../subgraphs/support/imports/bank-payments.sheet';
import { BANK_RETURNS_SHEET } from '../subgraphs/support/imports/bank-returns.sheet';
import { SUPPORT_SHEETS } from '../subgraphs/support/imports/sheets';
import { supportModule } from '../subgraphs/support/module';
import { exportBankPayments } from '../subgraphs/support/services/export.service';
import { approvePaymentCycle, generatePaymentCycle, submitPaymentCycle } from '../subgraphs/support/services/payment-cycle.service';
import { closeVerification, openVerification } from '../subgraphs/support/services/verification.service';
import { loadSupportConfig } from '../subgraphs/support/support.config';
import type { SupportContext } from '../subgraphs/support/support.context';
import { SupportScheme } from '../subgraphs/support/support.enums';
import { createSupportLoaders } from '../subgraphs/support/support.loaders';

/**
 * `npm run bench:support`: the prefecture's payment year on PostgreSQL at full scale (`--scale`,
 * 1): the support demo loaded on the generated registry into a throwaway database (dropped
 * after), then for a new year (2025) every county's verification opened, found present
 * (set-based, not timed) and closed; then, for each scheme in turn (`--schemes`, default both:
 * post-relocation support, annual compensation), timed through the services the API and the
 * import kit use: every county's cycle generated, submitted and approved by a second officer (a
 * PAYMENT ledger entry per line); every cycle's bank payment file written as
 * CSV by the prefecture office (the cycle EXPORTED); every bank return file (3 lines in 1,000
 * failed) imported with commit (bank returns, FAILURE entries, reconciliation, re-payment cycles).
 * Wall time, this process's CPU, and the CPU of the PostgreSQL backends serving it (/proc).
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const SCALE = Number(args.get('scale') ?? 1);
const SERVER = args.get('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const YEAR = 2025;
/** `--schemes`: which schemes' cycles to run, in turn (default both: post-relocation support, then annual compensation). */
const SCHEMES = (args.get('schemes') ?? `${SupportScheme.POST_RELOCATION_SUPPORT},${SupportScheme.ANNUAL_COMPENSATION}`).split(',').map((name) => {
  if (!(name in SupportScheme)) throw new Error(`--schemes: ${name} is not a scheme (${Object.keys(SupportScheme).join(', ')})`);
  return name as SupportScheme;
});
const SCHEME_LABELS: Record<SupportScheme, string> = {
  [SupportScheme.POST_RELOCATION_SUPPORT]: 'post-relocation support',
  [SupportScheme.ANNUAL_COMPENSATION]: 'annual compensation',
};

const preparer: Identity = DEMO_IDENTITIES.prefecture;
const checker: Identity = { subject: 'bench-prefecture-checker', role: Role.PREFECTURE_OFFICER, jurisdiction: preparer.jurisdiction };

function contextOf(identity: Identity, dataSource: DataSource): SupportContext {
  const base = baseContext(identity, dataSource);
  return { ...base, config: loadSupportConfig(), loaders: createSupportLoaders(base) };
}

/** CPU seconds of this database's backends (user + system, from /proc; the server runs on this machine). */
async function backendCpu(ds: DataSource): Promise<number> {
  const pids: { pid: number }[] = await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const tick = 100; // USER_HZ
  let total = 0;
  for (const { pid } of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      /* a backend that ended */
    }
  }
  return total;
}

async function timed<T>(ds: DataSource, label: string, work: () => Promise<T>, note: (result: T) => string | Promise<string>): Promise<T> {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const db = await backendCpu(ds);
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - wall) / 1e9;
  const used = process.cpuUsage(cpu);
  const dbUsed = (await backendCpu(ds)) - db;
  console.log(`${label.padEnd(64)} ${seconds.toFixed(1).padStart(7)} s wall  ${((used.user + used.system) / 1e6).toFixed(1).padStart(6)} s CPU (node)  ${dbUsed.toFixed(1).padStart(6)} s CPU (postgres)  ${await note(result)}`);
  return result;
}

async function main(): Promise<void> {
  const name = `bench_support_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = SERVER.replace(/\/[^/]*$/, `/${name}`);
  const db = await supportModule.openDatabase({ kind: 'postgres', url });
  const ds = db.dataSource;
  const s = `"${schemaName(ds)}"`;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-support-'));
  try {
    console.log(`npm run bench:support — ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const registry = generateDemoData({ scale: SCALE });
    await timed(ds, `support demo loaded (scale ${SCALE})`, () => supportModule.demo.load(ds, registry, { scale: SCALE }), () => `${registry.persons.length} persons`);
    const counties: string[] = (await ds.query(`SELECT DISTINCT county_code FROM ${s}.registry_household ORDER BY 1`)).map((r: { county_code: string }) => r.county_code);

    // the year's verification, not timed: opened, everyone found present, closed; the 2024 standards carried on
    const office = contextOf(preparer, ds);
    const verifications = [];
    for (const county of counties) verifications.push(await openVerification(office, { countyCode: county, year: YEAR }));
    await ds.query(`UPDATE ${s}.verification_entry SET result = 'PRESENT', verified_on = '${YEAR}-03-02', verifier = 'bench' WHERE year = ${YEAR}`);
    for (const v of verifications) await closeVerification(office, v.id);
    await ds.query(`INSERT INTO ${s}.payment_standard (id, scheme, area_code, county_code, station_id, year, amount_fen)
      SELECT md5('bench-standard:' || id::text)::uuid, scheme, area_code, county_code, station_id, ${YEAR}, amount_fen FROM ${s}.payment_standard WHERE year = 2024`);

    for (const scheme of SCHEMES) {
      const label = SCHEME_LABELS[scheme];
      const cycles = await timed(ds, `${label}: generate (every county, one cycle each)`, async () => {
        const made = [];
        for (const county of counties) made.push(await generatePaymentCycle(office, { countyCode: county, year: YEAR, scheme, period: 1 }));
        return made;
      }, (made) => `${made.reduce((n, c) => n + c.lineCount, 0)} lines in ${made.length} cycles`);
      await timed(ds, `${label}: generate again (idempotent)`, async () => {
        for (const county of counties) await generatePaymentCycle(office, { countyCode: county, year: YEAR, scheme, period: 1 });
      }, () => '');
      await timed(ds, `${label}: submit and approve`, async () => {
        const checkerCtx = contextOf(checker, ds);
        for (const c of cycles) {
          await submitPaymentCycle(office, c.id);
          await approvePaymentCycle(checkerCtx, c.id);
        }
      }, async () => `${(await ds.query(`SELECT count(*)::int AS n FROM ${s}.ledger_entry WHERE year = ${YEAR} AND scheme = '${scheme}'`))[0].n} ledger entries`);

      const files = await timed(ds, `${label}: bank payment files (CSV)`, async () => {
        const written: { file: string; bytes: number; rows: number }[] = [];
        for (const c of cycles) {
          const file = path.join(out, `bank-payments-${scheme}-${c.code}.csv`);
          let rows = 0;
          const stream = fs.createWriteStream(file);
          const counted = (async function* () {
            for await (const row of exportBankPayments(office, undefined, { cycle: c.id })) {
              rows++;
              yield row;
            }
          })();
          await writeSheet(BANK_PAYMENTS_SHEET, 'csv', stream, counted);
          await new Promise((resolve) => stream.end(resolve));
          written.push({ file, bytes: fs.statSync(file).size, rows });
        }
        return written;
      }, (w) => `${w.reduce((n, f) => n + f.rows, 0)} lines, ${(w.reduce((n, f) => n + f.bytes, 0) / 1024 / 1024).toFixed(1)} MB`);

      // the bank's return files: every line back, 3 in 1,000 failed with a reason (built in Node, not timed)
      const returns = files.map(({ file }) => {
        const [head, ...lines] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
        const out = [`${head},发放结果,失败原因,回盘日期`];
        lines.forEach((line, i) => out.push(`${line},${i % 333 === 7 ? '失败,账户已销户' : '成功,'},${YEAR}-07-20`));
        const returned = file.replace('bank-payments', 'bank-returns');
        fs.writeFileSync(returned, `${out.join('\r\n')}\r\n`);
        return returned;
      });
      const source = (file: string): SheetSource => ({ fileName: path.basename(file), open: () => fs.createReadStream(file) });
      await timed(ds, `${label}: bank return files imported`, async () => {
        for (const file of returns) {
          const { done } = await startImport(office, SUPPORT_SHEETS, { sheet: RegistrySheet.BANK_RETURNS, source: source(file), commit: true });
          const run = await done;
          if (run.status !== 'COMMITTED') throw new Error(`${path.basename(file)}: ${run.status}, ${run.problemCount} problems`);
        }
      }, () => '');
    }
    const [check] = await ds.query(`SELECT count(*) FILTER (WHERE state = 'RECONCILED')::int AS reconciled, count(*) FILTER (WHERE kind = 'REPAYMENT')::int AS repayments,
      (SELECT count(*)::int FROM ${s}.cycle_reconciliation WHERE NOT balanced) AS unbalanced FROM ${s}.payment_cycle WHERE year = ${YEAR}`);
    console.log(`checked: ${check.reconciled} cycles reconciled, ${check.repayments} re-payment cycles, ${check.unbalanced} unbalanced; BANK_RETURNS sheet ${BANK_RETURNS_SHEET.columns.length} columns`);
  } finally {
    await ds.destroy();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
