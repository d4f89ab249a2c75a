import { isDemoScale, MAX_DEMO_SCALE } from '../platform/demo/scale';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { adoptDemoProjections } from '../platform/events/projection-demo';
import type { OpenDatabase, SubgraphModule } from '../platform/server/subgraph-module';

/** `--scale 0.05` on the command line loads a smaller demo (default: the whole prefecture). */
export function demoScale(argv = process.argv): number {
  const i = argv.indexOf('--scale');
  const scale = i > 0 ? Number(argv[i + 1]) : 1;
  if (!isDemoScale(scale)) throw new Error(`--scale must be a number in (0, ${MAX_DEMO_SCALE}]`);
  return scale;
}

/**
 * Loads the demo into every subgraph whose tables are empty. The registry (households and
 * persons) is generated once; each subgraph builds its own rows on its ids. Projections built
 * from the same snapshot are then found equal to the registry's outbox and marked applied up
 * to it (`adoptDemoProjections`), so the first start does not replay the demo's events.
 */
export async function loadDemo(
  modules: SubgraphModule[],
  databases: OpenDatabase[],
  options: { scale: number; progress?: boolean; log?: (line: string) => void },
): Promise<void> {
  const empty = [];
  for (const [i, module] of modules.entries()) if (!(await module.demo.hasData(databases[i].dataSource))) empty.push(i);
  if (!empty.length) return;
  const t0 = Date.now();
  const registry = generateDemoData({ scale: options.scale });
  options.log?.(`generated the registry: ${registry.households.length} households, ${registry.persons.length} persons in ${Date.now() - t0} ms`);
  for (const i of empty) {
    const t1 = Date.now();
    await modules[i].demo.load(databases[i].dataSource, registry, options);
    options.log?.(`loaded the ${modules[i].name} demo data in ${Date.now() - t1} ms`);
  }
  // projections loaded from this snapshot already hold what the registry's demo events say
  const t2 = Date.now();
  const adopted = await adoptDemoProjections(modules, databases);
  if (adopted.length) options.log?.(`registry events: the ${adopted.join(', ')} projections equal the registry's outbox, marked applied up to it (${Date.now() - t2} ms)`);
}
