import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { generateDemoData } from '../../households/demo/generator';
import { openPGlite } from '../../../platform/db/data-source';
import { supportModule } from '../module';

/**
 * Measures the support demo's load on the embedded engine, `node dist/subgraphs/support/demo/timings.js [scale]`,
 * and counts its rows. PGlite runs in this process: its CPU time is the load's cost whatever else
 * the machine is doing. Its files are in a fresh directory, as `npm start`'s DATA_DIR (the rows go
 * by COPY only there: `bulk-copy.ts`); the whole first start phase by phase is `bench/demo-load.ts`.
 */
async function main() {
  const scale = Number(process.argv[2] ?? 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-timings-'));
  const pglite = await openPGlite(dir);
  const schema = 'support';
  const registry = generateDemoData({ scale });
  const db = await supportModule.openDatabase({ kind: 'pglite', db: pglite }, { schema });
  const t = Date.now();
  const cpu = process.cpuUsage();
  await supportModule.demo.load(db.dataSource, registry, { scale });
  const used = process.cpuUsage(cpu);
  console.log(`[pglite] scale ${scale}: ${registry.persons.length} persons, support demo loaded in ${Date.now() - t} ms (${Math.round((used.user + used.system) / 1000)} ms CPU of this process)`);
  for (const table of ['subsidy_card', 'entitlement_change', 'verification_entry', 'payment_cycle', 'payment_line', 'bank_return', 'ledger_entry', 'support_project', 'project_fund']) {
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM "${schema}"."${table}"`);
    console.log(`  ${table}: ${n}`);
  }
  const [bad] = await db.dataSource.query(`SELECT count(*) FILTER (WHERE NOT balanced)::int AS unbalanced, count(*)::int AS cycles FROM "${schema}".cycle_reconciliation`);
  console.log(`  cycles ${bad.cycles}, unbalanced ${bad.unbalanced}`);
  await db.dataSource.destroy();
  await pglite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
