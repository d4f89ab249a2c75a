import 'reflect-metadata';
import { generateDemoData } from '../../households/demo/generator';
import { householdsModule } from '../../households/module';
import { openPGlite, type Engine } from '../../../platform/db/data-source';
import { Scope } from '../../../platform/security/scope';
import { loadEmploymentConfig } from '../employment.config';
import { computeIndicators, indicatorKey } from '../services/indicators.service';
import { employmentModule } from '../module';
import { generateEmploymentDemo } from './generator';

/**
 * Measures the employment demo at full scale: generation, load, and the indicator query for the
 * prefecture and for Wenbi. `node dist/subgraphs/employment/demo/timings.js [pglite|postgres] [scale]`
 * (postgres: TEST_DATABASE_URL or the local test database, in a throwaway schema).
 */
async function main() {
  const engineKind = process.argv[2] ?? 'pglite';
  const scale = Number(process.argv[3] ?? 1);
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const engine: Engine = engineKind === 'postgres' ? { kind: 'postgres', url } : { kind: 'pglite', db: await openPGlite() };
  const schema = `timings_${process.pid}`;
  const registry = generateDemoData({ scale });
  let t = Date.now();
  const demo = generateEmploymentDemo(registry, { scale });
  const rows = Object.values(demo).reduce((n, list) => n + list.length, 0);
  console.log(`generated ${rows} employment rows in ${Date.now() - t} ms (${Object.entries(demo).map(([k, v]) => `${k} ${v.length}`).join(', ')})`);
  const db = await employmentModule.openDatabase(engine, { schema });
  t = Date.now();
  await employmentModule.demo.load(db.dataSource, registry, { scale });
  console.log(`[${engineKind}] generated + loaded the employment demo in ${Date.now() - t} ms`);
  const config = loadEmploymentConfig();
  const wenbi = registry.areas.find((a) => a.name === '文笔社区')!.code;
  for (const [label, code] of [['prefecture', '530600'], ['Wenbi', wenbi], ['prefecture', '530600'], ['Wenbi', wenbi]]) {
    const before = db.statements.count;
    t = performance.now();
    const [result] = await computeIndicators(db.dataSource, new Scope(['530600']), config, [indicatorKey(code, 2023)], null);
    console.log(`[${engineKind}] employmentIndicators(2023) of ${label}: ${(performance.now() - t).toFixed(1)} ms, ${db.statements.count - before} SQL statement(s)`, JSON.stringify(result));
  }
  if (engine.kind === 'postgres') await db.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
  await db.dataSource.destroy();
  if (engine.kind === 'pglite') await engine.db.close();
  void householdsModule;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
