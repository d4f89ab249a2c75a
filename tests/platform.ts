import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import type { Listening } from '../platform/server/http';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { demoRegistry, graphiqlBundle } from './seeds';
import { createTestEnvironment, subgraphUrls, type EngineKind, type TestEnvironment } from './environment';
import { ALL_SUBGRAPHS, type SubgraphName } from './subgraphs';

/**
 * The platform behind the gateway with the demo at `scale`: the subgraphs the suite crosses
 * (default: all of them), and the registry rows the demo was built on.
 */
export async function startPlatform(engine: EngineKind, scale: number, subgraphs: readonly SubgraphName[] = ALL_SUBGRAPHS): Promise<{ env: TestEnvironment; data: DemoData }> {
  const env = await createTestEnvironment({ engine, scale, subgraphs });
  return { env, data: await demoRegistry(scale) };
}

/** A second gateway over an environment's subgraphs, serving the GraphiQL bundle built for this run (`graphiqlBundle()`). */
export async function startGraphiQLGateway(env: TestEnvironment): Promise<{ gateway: Listening; close(): Promise<void> }> {
  const bundle = await graphiqlBundle();
  const gateway = await startGateway({
    clients: env.clients,
    supergraphSdl: loadSupergraph(loadConfig()).sdl,
    subgraphUrls: subgraphUrls(env.subgraphs),
    keys: { tokenPublic: env.keys.tokenPublic, gatewayPrivate: env.keys.gatewayPrivate!, gatewayKid: env.keys.gatewayKid },
    graphiqlDir: bundle,
  });
  return {
    gateway,
    close: () => gateway.close(),
  };
}
