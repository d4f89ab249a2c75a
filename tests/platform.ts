import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildGraphiQL } from '../gateway/graphiql/build';
import { startGateway } from '../gateway/server';
import type { Listening } from '../platform/server/http';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import { generateDemoData } from '../subgraphs/households/demo/generator';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { loadConfig } from '../platform/config';
import type { SubgraphModule } from '../platform/server/subgraph-module';
import { createTestEnvironment, type EngineKind, type SubgraphUnderTest, type TestEnvironment } from './environment';
import { loadSupergraph } from '../gateway/supergraph';

/** A subgraph seeded with the demo at `scale`. */
export function underTest(module: SubgraphModule, registry?: DemoData, scale = 1): SubgraphUnderTest {
  return { module, seed: registry ? (dataSource) => module.demo.load(dataSource, registry, { scale }) : undefined };
}

/** The whole platform (every subgraph behind the gateway) with demo data at `scale`. */
export async function startPlatform(engine: EngineKind, scale: number): Promise<{ env: TestEnvironment; data: DemoData }> {
  const data = generateDemoData({ scale });
  const env = await createTestEnvironment({
    engine,
    subgraphs: SUBGRAPH_MODULES.map((module) => underTest(module, data, scale)),
    supergraphSdl: loadSupergraph(loadConfig()).sdl,
  });
  return { env, data };
}

/** A second gateway over an environment's subgraphs, serving a freshly built GraphiQL bundle. */
export async function startGraphiQLGateway(env: TestEnvironment): Promise<{ gateway: Listening; close(): Promise<void> }> {
  const bundle = fs.mkdtempSync(path.join(os.tmpdir(), 'graphiql-'));
  await buildGraphiQL(bundle);
  const gateway = await startGateway({
    clients: env.clients,
    supergraphSdl: loadSupergraph(loadConfig()).sdl,
    subgraphUrls: Object.fromEntries(Object.entries(env.subgraphs).map(([name, s]) => [name, s.url])),
    keys: { tokenPublic: env.keys.tokenPublic, gatewayPrivate: env.keys.gatewayPrivate!, gatewayKid: env.keys.gatewayKid },
    graphiqlDir: bundle,
  });
  return {
    gateway,
    async close() {
      await gateway.close();
      fs.rmSync(bundle, { recursive: true, force: true });
    },
  };
}
