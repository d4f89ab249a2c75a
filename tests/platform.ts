import fs from 'node:fs';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import { loadDemoData } from '../subgraphs/households/demo/load';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { startHouseholdsSubgraph } from '../subgraphs/households/server';
import { loadConfig } from '../subgraphs/shared/config';
import { createTestEnvironment, type EngineKind, type SubgraphUnderTest, type TestEnvironment } from '../subgraphs/shared/test-environment';

export function households(data?: DemoData): SubgraphUnderTest {
  return {
    name: 'households',
    start: ({ engine, schema, gatewayPublicKey }) => startHouseholdsSubgraph({ engine, schema, gatewayPublicKey }),
    seed: data ? (dataSource) => loadDemoData(dataSource, data) : undefined,
  };
}

/** The whole platform (every subgraph behind the gateway) with demo data at `scale`. */
export async function startPlatform(engine: EngineKind, scale: number): Promise<{ env: TestEnvironment; data: DemoData }> {
  const data = generateDemoData({ scale });
  const env = await createTestEnvironment({
    engine,
    subgraphs: [households(data)],
    supergraphSdl: fs.readFileSync(loadConfig().supergraphPath, 'utf8'),
  });
  return { env, data };
}
