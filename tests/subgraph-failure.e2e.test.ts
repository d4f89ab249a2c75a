import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import type { Listening } from '../platform/server/http';
import { captureLogs } from '../platform/server/log';
import type { RunningSubgraph } from '../platform/server/subgraph-server';
import { signUserToken } from '../platform/security/identity';
import { generateKeyMaterial, importKeys, type Keys } from '../platform/security/keys';
import { householdsModule } from '../subgraphs/households/module';
import { restorePGlite } from './seeds';
import { freePort, startProcess, stopProcess, type PlatformProcess } from './support/processes';
import { startTcpProxy } from './support/tcp-proxy';

const QUERY = '{ households(first: 2) { nodes { registryNo members { name labourStatus { status } } } } }';
const TIMEOUT_MS = 4000;

/**
 * The employment subgraph runs as its own process behind a tiny TCP proxy; the gateway and the
 * households subgraph run here. Killed, paused (SIGSTOP), slow or answering 5xx, employment
 * costs the client only its own fields: the rest is delivered, with an error naming the service
 * and the path and a code of its own; the gateway logs it, stays up, and recovers.
 */
describe('a subgraph that fails', () => {
  let keys: Keys;
  let material: Awaited<ReturnType<typeof generateKeyMaterial>>;
  let households: RunningSubgraph;
  let closeHouseholds: () => Promise<void>;
  let employment: PlatformProcess | undefined;
  let employmentPort: number;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let gateway: Listening;
  let token: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zrg-failure-'));

  const startEmployment = async () => {
    employment = startProcess('subgraphs/employment/index.ts', {
      DATA_DIR: dataDir,
      GATEWAY_PUBLIC_KEY: JSON.stringify(material.gatewayPublicKey),
      SUBGRAPH_PORT_EMPLOYMENT: String(employmentPort),
    });
    await employment.waitFor((l) => l.msg === 'ready');
  };

  beforeAll(async () => {
    material = await generateKeyMaterial();
    keys = await importKeys(material);
    // the registry at scale 0.005, restored from the run's seed
    const pglite = await restorePGlite(0.005);
    const db = await householdsModule.openDatabase({ kind: 'pglite', db: pglite });
    households = await householdsModule.serve(db, { gatewayPublicKey: keys.gatewayPublic });
    closeHouseholds = async () => {
      await households.close();
      await db.dataSource.destroy();
      await pglite.close();
    };
    employmentPort = await freePort();
    await startEmployment();
    proxy = await startTcpProxy({ host: '127.0.0.1', port: employmentPort });
    const unused = `http://127.0.0.1:${await freePort()}/graphql`;
    gateway = await startGateway({
      supergraphSdl: loadSupergraph(loadConfig()).sdl,
      subgraphUrls: { households: households.url, employment: proxy.url, 'land-housing': unused, 'party-building': unused },
      keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
      subgraphTimeoutMs: TIMEOUT_MS,
    });
    token = await signUserToken(DEMO_IDENTITIES.qiaojia, keys.tokenPrivate!, 600);
  });

  afterAll(async () => {
    await gateway?.close();
    await proxy?.close();
    await stopProcess(employment);
    await closeHouseholds?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function ask() {
    const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY }) });
    return { status: res.status, text: await res.clone().text(), body: (await res.json()) as { data?: any; errors?: { message: string; path?: (string | number)[]; extensions: Record<string, unknown> }[] } };
  }

  /** The other subgraph's data are all there; employment's fields are null, the failed fetch reported once. */
  async function expectPartial(code: string) {
    const logs = captureLogs();
    try {
      const { status, body, text } = await ask();
      expect(status).toBe(200);
      expect(body.data.households.nodes).toHaveLength(2);
      expect(body.data.households.nodes[0].registryNo).toMatch(/\S/);
      expect(body.data.households.nodes[0].members[0].name).toMatch(/\S/);
      expect(body.data.households.nodes[0].members[0].labourStatus).toBeNull();
      expect(body.errors!.map((e) => e.extensions.code)).toEqual([code]);
      expect(body.errors!.every((e) => e.extensions.service === 'employment')).toBe(true);
      expect(body.errors![0].path).toEqual(['households', 'nodes', 0, 'members', 0, 'labourStatus']);
      expect(body.errors![0].message).toMatch(/employment/);
      expect(body.errors![0].extensions.requestId).toMatch(/\S/);
      // nothing of the cause: no address, no port, no response body, no stack
      expect(text).not.toMatch(/127\.0\.0\.1|http:|ECONN|fetch failed|bad gateway|502|\bat .*\.(ts|js)/i);
      const logged = logs.lines.filter((l) => l.msg === 'subgraph failed');
      expect(logged.map((l) => [l.service, l.subgraph, l.code])).toEqual([['gateway', 'employment', code]]);
      expect(logged[0].requestId).toBe(body.errors![0].extensions.requestId);
    } finally {
      logs.stop();
    }
  }

  async function expectWhole() {
    const { body } = await ask();
    expect(body.errors).toBeUndefined();
    expect(body.data.households.nodes).toHaveLength(2);
    expect(body.data.households.nodes[0].members[0].labourStatus).toBeNull();
  }

  it('answers in whole while employment is well', expectWhole);

  it('slow (answer held back past SUBGRAPH_TIMEOUT_MS): SUBGRAPH_TIMEOUT, then recovers', async () => {
    proxy.setMode('hold');
    await expectPartial('SUBGRAPH_TIMEOUT');
    proxy.setMode('pass');
    await expectWhole();
  });

  it('answering 5xx: SUBGRAPH_UNAVAILABLE, then recovers', async () => {
    proxy.setMode('bad-gateway');
    await expectPartial('SUBGRAPH_UNAVAILABLE');
    proxy.setMode('pass');
    await expectWhole();
  });

  it('paused (SIGSTOP): SUBGRAPH_TIMEOUT; continued (SIGCONT): recovers', async () => {
    employment!.child.kill('SIGSTOP');
    try {
      await expectPartial('SUBGRAPH_TIMEOUT');
    } finally {
      employment!.child.kill('SIGCONT');
    }
    proxy.setMode('pass');
    await expectWhole();
  });

  it('killed: SUBGRAPH_UNAVAILABLE, the gateway stays up; restarted: recovers', async () => {
    employment!.child.kill('SIGKILL');
    await employment!.exited;
    await expectPartial('SUBGRAPH_UNAVAILABLE');
    const health = await fetch(gateway.url.replace(/graphql$/, 'health'));
    expect(health.status).toBe(503);
    expect(((await health.json()) as { subgraphs: Record<string, string> }).subgraphs.employment).toBe('unavailable');
    await startEmployment();
    await expectWhole();
  });
});
