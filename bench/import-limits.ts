import { execFileSync } from 'node:child_process';
import 'reflect-metadata';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { openPGlite, schemaName } from '../platform/db/data-source';
import { baseContext } from '../platform/graphql/request-context';
import { startImport } from '../platform/imports/import.service';
import { RegistrySheet } from '../platform/imports/registry-sheets';
import { bufferSource } from '../platform/imports/sheet-reader';
import { HOUSEHOLDS_SHEET } from '../subgraphs/households/imports/households.sheet';
import { HOUSEHOLDS_SHEETS } from '../subgraphs/households/imports/sheets';
import { householdsModule } from '../subgraphs/households/module';
import { blankRowsBomb, sharedStringsBomb, zipWithoutWorkbook } from './hostile-files';

/**
 * `node dist/bench/import-limits.js`: each hostile file of issue 16 through a dry-run import on a
 * fresh embedded (PGlite) households database, each in a process of its own: wall time, Node's
 * CPU, RSS before, peak RSS while importing, RSS after, the outcome.
 */

const HEADERS = HOUSEHOLDS_SHEET.columns.map((c) => c.header);
const BAD_ROW = 'HX-0001,三峡,530622,530622,进城,自建,2020-02-30,2020-02-31,';

const CASES: Record<string, () => { fileName: string; content: Buffer }> = {
  'shared-strings bomb (1 GB unzipped)': () => ({ fileName: 'bomb.xlsx', content: sharedStringsBomb(HEADERS, 1024) }),
  '20 million blank rows': () => ({ fileName: 'blank.xlsx', content: blankRowsBomb(HEADERS, 20) }),
  'zip of 2 GB without a workbook': () => ({ fileName: 'zip.xlsx', content: zipWithoutWorkbook(2) }),
  '200,000 bad rows': () => ({ fileName: 'bad.csv', content: Buffer.from(`${HEADERS.join(',')}\r\n${`${BAD_ROW}\r\n`.repeat(200_000)}`) }),
  '10,000-column header': () => ({ fileName: 'wide.csv', content: Buffer.from(`${[...HEADERS, ...Array.from({ length: 10_000 }, (_, i) => `列${i}`)].join(',')}\r\n`) }),
  '50 MB cell': () => ({ fileName: 'cell.csv', content: Buffer.from(`${HEADERS.join(',')}\r\n${'x'.repeat(50 * 1024 * 1024)}\r\n`) }),
};

const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function one(name: string): Promise<void> {
  const { fileName, content } = CASES[name]();
  const db = await householdsModule.openDatabase({ kind: 'pglite', db: await openPGlite() });
  const ctx = baseContext(DEMO_IDENTITIES.prefecture, db.dataSource);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const cpu = process.cpuUsage();
  const started = Date.now();
  let outcome: string;
  try {
    const { done } = await startImport(ctx, HOUSEHOLDS_SHEETS, { sheet: RegistrySheet.HOUSEHOLDS, source: bufferSource(fileName, content), commit: false });
    const run = await done;
    const [first] = await db.dataSource.query(`SELECT message_en FROM "${schemaName(db.dataSource)}".import_problem WHERE run_id = $1 ORDER BY row_number, seq LIMIT 1`, [run.id]).catch(() => [undefined]);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM "${schemaName(db.dataSource)}".import_problem WHERE run_id = $1`, [run.id]).catch(() => [{ n: '?' }]);
    outcome = `${run.status}, ${run.rowsRead} rows read, ${run.problemCount} problems (${n} stored)${first ? `: ${String(first.message_en).slice(0, 120)}` : ''}`;
  } catch (error) {
    outcome = `error: ${String((error as Error).message).slice(0, 120)}`;
  }
  const seconds = (Date.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  global.gc?.();
  const after = process.memoryUsage().rss;
  console.log(`| ${name} | ${MB(content.length)} MB | ${seconds.toFixed(1)} s | ${((used.user + used.system) / 1e6).toFixed(1)} s | ${MB(before)} MB | ${MB(peak)} MB | ${MB(after)} MB | ${outcome} |`);
  await db.dataSource.destroy().catch(() => undefined);
}

if (process.argv[2] === '--one') {
  one(process.argv[3]).then(() => process.exit(0), (error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  console.log('| file | size | time | Node CPU | RSS before | peak RSS | RSS after | outcome |\n|---|---|---|---|---|---|---|---|');
  for (const name of Object.keys(CASES)) {
    try {
      process.stdout.write(execFileSync(process.execPath, ['--expose-gc', __filename, '--one', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 }));
    } catch (error) {
      console.log(`| ${name} | | | | | | | failed: ${String((error as Error).message).slice(0, 100)} |`);
    }
  }
}
