import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import type { SubgraphModule } from '../platform/server/subgraph-module';

/** The platform's subgraphs as the tests name them; the one place the tests take them from. */
export type SubgraphName = 'households' | 'land-housing' | 'employment' | 'party-building';

export const ALL_SUBGRAPHS: readonly SubgraphName[] = ['households', 'land-housing', 'employment', 'party-building'];

/** Every subgraph module, in start order. */
export const subgraphModules = (): readonly SubgraphModule[] => SUBGRAPH_MODULES;

export function subgraphModule(name: SubgraphName): SubgraphModule {
  const module = SUBGRAPH_MODULES.find((m) => m.name === name);
  if (!module) throw new Error(`no subgraph named ${name}`);
  return module;
}
