import 'reflect-metadata';
import { loadConfig } from '../subgraphs/shared/config';
import { importKeys, resolveKeyMaterial } from '../subgraphs/shared/keys';
import { startGateway } from './server';
import { loadSupergraph } from './supergraph';

/** Runs the gateway on its own, in front of subgraphs listening elsewhere (SUBGRAPH_URL_*). */
async function main() {
  const config = loadConfig();
  const keys = await importKeys(await resolveKeyMaterial(config, ['tokenPublicKey', 'gatewayPrivateKey']));
  const supergraph = loadSupergraph(config);
  const gateway = await startGateway({
    supergraphSdl: supergraph.sdl,
    subgraphUrls: supergraph.subgraphUrls,
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
    identityTtlSeconds: config.identityTtlSeconds,
    port: config.gatewayPort,
    host: process.env.HOST || '0.0.0.0',
  });
  console.log(`gateway ready at ${gateway.url}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
