// Hive Gateway beside ours in `npm run bench`: the same supergraph file, the same subgraphs, and
// the caller's identity forwarded the way our gateway does it (verify the bearer token once per
// request, sign the forwarded identity, send it to every subgraph the request reaches).
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from '@graphql-hive/gateway';

const require = createRequire(import.meta.url);
const dist = process.env.BENCH_DIST;
const { IDENTITY_HEADER, signForwardedIdentity, verifyUserToken } = require(path.join(dist, 'platform/security/identity.js'));
const { importKeys } = require(path.join(dist, 'platform/security/keys.js'));

const keys = await importKeys({
  tokenPublicKey: JSON.parse(process.env.TOKEN_PUBLIC_KEY),
  gatewayPublicKey: JSON.parse(process.env.GATEWAY_PUBLIC_KEY),
  gatewayPrivateKey: JSON.parse(process.env.GATEWAY_PRIVATE_KEY),
});
const TTL_SECONDS = 60;

/** The forwarded identity of each request, signed once however many subgraphs it reaches. */
const forwarded = new WeakMap();
function forwardedIdentity(context, request) {
  let signed = forwarded.get(context);
  if (!signed) {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
    signed = match
      ? verifyUserToken(match[1], keys.tokenPublic).then((identity) => signForwardedIdentity(identity, keys.gatewayPrivate, TTL_SECONDS, keys.gatewayKid)).catch(() => undefined)
      : Promise.resolve(undefined);
    forwarded.set(context, signed);
  }
  return signed;
}

/** SUBGRAPH_URL_<NAME> overrides the URL in the supergraph, as for our gateway. */
const transportEntries = {};
for (const [name, value] of Object.entries(process.env)) {
  const match = /^SUBGRAPH_URL_(.+)$/.exec(name);
  if (match && value) transportEntries[match[1].toLowerCase().replace(/_/g, '-')] = { location: value };
}

export const gatewayConfig = defineConfig({
  supergraph: process.env.SUPERGRAPH_FILE,
  transportEntries,
  healthCheckEndpoint: '/health',
  graphiql: false,
  logging: 'error',
  propagateHeaders: {
    async fromClientToSubgraphs({ context, request }) {
      const identity = await forwardedIdentity(context, request);
      return identity ? { [IDENTITY_HEADER]: identity } : {};
    },
  },
});
