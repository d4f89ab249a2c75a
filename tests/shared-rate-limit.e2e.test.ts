import { randomBytes } from 'node:crypto';
import { allowOperations, apiSchemaOf, issueClient } from '../gateway/clients/client-store';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import type { Listening } from '../platform/server/http';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { createTestEnvironment, type TestEnvironment } from './environment';
import { startRedis } from './support/redis';

const OPERATION = 'query Stations { stations { id } }';
const RATE = 6;

/**
 * Two gateway replicas in front of the same subgraphs: with REDIS_URL a partner's limit holds in
 * total, whichever replica each request reaches; without it each replica counts on its own.
 */
describe('partner rate limits across gateway replicas', () => {
  let env: TestEnvironment;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const gateways: Listening[] = [];
  const sdl = loadSupergraph(loadConfig()).sdl;

  beforeAll(async () => {
    redis = await startRedis();
    env = await createTestEnvironment({ engine: 'pglite', scale: 0.005, subgraphs: ['households'] });
  });
  afterAll(async () => {
    for (const g of gateways) await g.close();
    await env?.close();
    await redis?.stop();
  });

  const replicas = async (redisUrl: string | undefined) => {
    const prefix = `test-${randomBytes(4).toString('hex')}`;
    const started = await Promise.all(
      [0, 1].map(() =>
        startGateway({
          clients: env.clients,
          supergraphSdl: sdl,
          subgraphUrls: { households: env.subgraphs.households.url },
          keys: { tokenPublic: env.keys.tokenPublic, gatewayPrivate: env.keys.gatewayPrivate!, gatewayKid: env.keys.gatewayKid },
          redisUrl,
          rateLimitPrefix: prefix,
        }),
      ),
    );
    gateways.push(...started);
    return started;
  };

  async function partnerKey() {
    const client = await issueClient(env.clients, { name: '水务局', jurisdiction: [DEMO_AREAS.qiaojia], purposes: ['audit'], ratePerMinute: RATE });
    await allowOperations(env.clients, client.id, [{ name: 'stations.graphql', text: OPERATION }], apiSchemaOf(sdl));
    return client.key;
  }

  /** 4 × RATE requests, alternating between the replicas: how many each let through, and how many were refused. */
  async function burst(replicas: Listening[], key: string) {
    const passed = [0, 0];
    let limited = 0;
    for (let i = 0; i < RATE * 4; i++) {
      const res = await fetch(replicas[i % 2].url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ query: OPERATION }) });
      const body = (await res.json()) as { errors?: { extensions: { code: string } }[] };
      if (res.status === 200 && !body.errors) passed[i % 2]++;
      else if (res.status === 429 && body.errors?.[0].extensions.code === 'RATE_LIMITED' && res.headers.get('retry-after')) limited++;
      else throw new Error(`unexpected answer ${res.status} ${JSON.stringify(body)}`);
    }
    return { passed, limited };
  }

  it('with REDIS_URL: one key, one limit, in total across both replicas', async () => {
    const result = await burst(await replicas(redis.url), await partnerKey());
    expect(result.passed[0] + result.passed[1]).toBe(RATE);
    expect(result.passed[0]).toBeGreaterThan(0);
    expect(result.passed[1]).toBeGreaterThan(0);
    expect(result.limited).toBe(RATE * 3);
  });

  it('without it: each replica counts on its own (the limit holds per gateway)', async () => {
    const result = await burst(await replicas(undefined), await partnerKey());
    expect(result.passed).toEqual([RATE, RATE]);
  });
});
