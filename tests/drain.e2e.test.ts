import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { createTestEnvironment } from './environment';
import { IDENTITY_HEADER, signForwardedIdentity } from '../platform/security/identity';
import { generateKeyMaterial, importKeys } from '../platform/security/keys';
import { freePort, startProcess, stopProcess, type PlatformProcess } from './support/processes';

const CLIENTS = 16;
const QUERY = JSON.stringify({ query: '{ employers(first: 5) { totalCount nodes { name } } }' });

type Outcome = 'ok' | 'shed' | 'refused' | 'failed';

/**
 * SIGTERM to a subgraph running as its own process, under 16 clients looping on it: it reports
 * not ready, sheds new requests with 503 and Retry-After, finishes every request it had
 * accepted (a slow upload among them), closes and exits 0. Not one accepted request fails.
 */
describe('graceful stop under load', () => {
  let employment: PlatformProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zrg-drain-'));
  afterAll(async () => {
    await stopProcess(employment);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('drains: 0 accepted requests fail, exit code 0', async () => {
    const material = await generateKeyMaterial();
    const keys = await importKeys(material);
    const port = await freePort();
    employment = startProcess('subgraphs/employment/index.ts', {
      DATA_DIR: dataDir,
      GATEWAY_PUBLIC_KEY: JSON.stringify(material.gatewayPublicKey),
      SUBGRAPH_PORT_EMPLOYMENT: String(port),
      DRAIN_TIMEOUT_MS: '60000',
      // the identity below is signed once for the whole test: let it live as long
      IDENTITY_TTL_SECONDS: '600',
    });
    await employment.waitFor((l) => l.msg === 'ready');
    const base = `http://127.0.0.1:${port}`;
    const identity = await signForwardedIdentity(DEMO_IDENTITIES.qiaojia, keys.gatewayPrivate!, 600, keys.gatewayKid);
    const headers = { 'content-type': 'application/json', [IDENTITY_HEADER]: identity };

    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${base}/health/ready`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${base}/health`)).status).toBe(200);

    const outcomes: Record<Outcome, number> = { ok: 0, shed: 0, refused: 0, failed: 0 };
    const failures: string[] = [];
    const once = async (): Promise<Outcome> => {
      try {
        const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: QUERY });
        const body = (await res.json()) as { data?: { employers?: unknown }; errors?: { extensions: { code: string } }[] };
        if (res.status === 200 && body.data?.employers && !body.errors) return 'ok';
        if (res.status === 503 && res.headers.get('retry-after') && body.errors?.[0].extensions.code === 'SHUTTING_DOWN') return 'shed';
        failures.push(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        return 'failed';
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code === 'ECONNREFUSED') return 'refused';
        failures.push(`${String(error)} ${code}`);
        return 'failed';
      }
    };
    let stop = false;
    const loops = Array.from({ length: CLIENTS }, async () => {
      while (!stop) {
        const outcome = await once();
        outcomes[outcome]++;
        if (outcome === 'refused') return;
      }
    });
    // an upload still arriving when the signal comes: accepted, so it must be answered in full
    let finishUpload!: () => void;
    const slow = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}/graphql`, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(QUERY) } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write(QUERY.slice(0, 10));
      finishUpload = () => req.end(QUERY.slice(10));
    });
    while (outcomes.ok < 200) {
      if (failures.length) throw new Error(`requests failed before the signal: ${failures.slice(0, 3).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }

    employment.child.kill('SIGTERM');
    await employment.waitFor((l) => l.msg === 'draining');
    // the upload is still in flight: the process takes no new connection, and on those open it
    // says it is not ready and sheds new work
    const ready = await fetch(`${base}/health/ready`).then((res) => res.status, (error) => error.cause?.code);
    expect([503, 'ECONNREFUSED']).toContain(ready);
    expect(['shed', 'refused']).toContain(await once());
    finishUpload();

    const upload = await slow;
    expect(upload.status).toBe(200);
    expect(JSON.parse(upload.body).data.employers.totalCount).toBe(0);
    expect(await employment.exited).toBe(0);
    stop = true;
    await Promise.all(loops);

    expect(failures).toEqual([]);
    expect(outcomes.failed).toBe(0);
    expect(outcomes.ok).toBeGreaterThanOrEqual(200);
    const stopped = employment.lines.find((l) => l.msg === 'stopped');
    expect(stopped).toMatchObject({ unfinished: 0 });
    console.log(`drain under ${CLIENTS} clients: ${JSON.stringify(outcomes)}`);
  });
});

describe('readiness', () => {
  it('is live and ready once serving; not ready when its database is unreachable, yet live', async () => {
    const env = await createTestEnvironment({ engine: 'pglite', scale: 0.005, subgraphs: ['households'] });
    try {
      const probe = async (url: string, name: string) => {
        const res = await fetch(url.replace(/graphql$/, `health/${name}`));
        return { status: res.status, body: await res.json() };
      };
      for (const url of [env.gateway.url, env.subgraphs.households.url]) {
        expect(await probe(url, 'live')).toEqual({ status: 200, body: { status: 'live' } });
        expect(await probe(url, 'ready')).toEqual({ status: 200, body: { status: 'ready' } });
      }
      await env.subgraphs.households.dataSource.destroy();
      expect(await probe(env.subgraphs.households.url, 'ready')).toEqual({ status: 503, body: { status: 'database unreachable' } });
      expect((await probe(env.subgraphs.households.url, 'live')).status).toBe(200);
    } finally {
      await env.close();
    }
  });
});
