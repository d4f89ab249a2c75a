import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import type { Identity } from '../platform/security/identity';
import type { Listening } from '../platform/server/http';
import { metricsRegistry } from '../platform/server/metrics';
import { engines, type TestEnvironment } from './environment';
import { startGatedGateway, startPlatform } from './platform';

const { prefecture, analyst } = DEMO_IDENTITIES;

const PERSONS = 'query Persons { persons(first: 3) { nodes { id name idNumber } } }';

async function operations(state: 'executing' | 'waiting'): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('resettlement_gateway_operations')!.get();
  return metric.values.find((v) => v.labels.state === state)?.value ?? 0;
}

/**
 * The gateway executes at most GATEWAY_MAX_OPERATIONS requests at a time: a real gateway allowed
 * one, over the real households subgraph behind a proxy that holds the gateway's requests. The
 * second caller's request waits at the gateway (it never reaches the subgraph) until the first
 * is answered; then both are answered as each caller is answered alone.
 */
describe.each(engines())('operations executed at a time (%s)', (engine) => {
  let env: TestEnvironment;
  let gated: Awaited<ReturnType<typeof startGatedGateway>>;
  let gate: typeof gated.gate;
  let gateway: Listening;

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, 0.01, ['households']));
    gated = await startGatedGateway(env, { maxOperations: 1 });
    ({ gate, gateway } = gated);
  });
  afterAll(async () => {
    await gated?.close();
    await env?.close();
  });

  const ask = async (identity: Identity) => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await env.token(identity)}` },
      body: JSON.stringify({ query: PERSONS }),
    });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown[] } };
  };

  it('holds a second request until the first is answered, then answers both', async () => {
    const alone = { prefecture: await ask(prefecture), analyst: await ask(analyst) };
    expect(alone.prefecture.body.errors).toBeUndefined();
    expect(alone.analyst.body.errors).toBeUndefined();

    const receivedBefore = gate.received;
    gate.close();
    const first = ask(prefecture);
    while (gate.received - receivedBefore < 1) await new Promise((r) => setTimeout(r, 5));
    const second = ask(analyst);
    while ((await operations('waiting')) < 1) await new Promise((r) => setTimeout(r, 5));
    // the second is waiting for the gateway's one slot: it has not reached the subgraph
    expect(gate.received - receivedBefore).toBe(1);
    expect(await operations('executing')).toBe(1);
    gate.open();

    expect(await first).toEqual(alone.prefecture);
    expect(await second).toEqual(alone.analyst);
    expect(gate.received - receivedBefore).toBe(2);
    expect(await operations('waiting')).toBe(0);
  });
});
