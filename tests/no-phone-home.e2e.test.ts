import { installOutboundGuard, type OutboundGuard } from './outbound-guard';
import { readCollection } from '../gateway/collection';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import type { Listening } from '../platform/server/http';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { TEST_DATABASE_URL, type TestEnvironment } from './environment';
import { csvText, householdRow, HOUSEHOLDS_SHEET } from './import-files';
import { startGraphiQLGateway, startPlatform } from './platform';

const { prefecture, qiaojia } = DEMO_IDENTITIES;

/**
 * No call leaves the intranet: the platform runs in this process (gateway and subgraphs) under a
 * guard on every outgoing connection and name lookup, and does what an office does with it —
 * starts, runs every collection query, imports a file, exports a list, opens GraphiQL. Any
 * destination other than loopback or a configured peer fails the test.
 */
describe('no call leaves the intranet', () => {
  let guard: OutboundGuard;
  let env: TestEnvironment;
  let data: DemoData;
  let graphiql: { gateway: Listening; close(): Promise<void> };
  // what the gateway's dependencies do unless told otherwise must be what the code tells them
  const telemetrySetting = process.env.APOLLO_TELEMETRY_DISABLED;

  beforeAll(async () => {
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    guard = installOutboundGuard();
    guard.allow(new URL(TEST_DATABASE_URL).hostname);
    ({ env, data } = await startPlatform('pglite', 0.005));
    for (const subgraph of Object.values(env.subgraphs)) guard.allow(new URL(subgraph.url).hostname);
    graphiql = await startGraphiQLGateway(env);
  }, 180_000);
  afterAll(async () => {
    await graphiql?.close();
    await env?.close();
    guard?.uninstall();
    if (telemetrySetting === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
    else process.env.APOLLO_TELEMETRY_DISABLED = telemetrySetting;
  });

  const base = () => env.gateway.url.replace(/\/graphql$/, '');

  it('runs every collection query', async () => {
    const collection = readCollection();
    expect(collection.length).toBeGreaterThan(5);
    for (const entry of collection) {
      const res = await env.query(prefecture, entry.query, entry.variables ? JSON.parse(entry.variables) : undefined);
      expect({ file: entry.file, errors: res.errors }).toEqual({ file: entry.file, errors: undefined });
    }
  });

  it('imports a registry file', async () => {
    const group = data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.wenbi))!.code;
    const village = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia)!.original_area_code;
    const file = csvText(HOUSEHOLDS_SHEET, [householdRow('530622-NET-000001', group, village)]);
    const res = await env.query(qiaojia, `mutation ($input: ImportFileInput!) { importRegistryFile(input: $input) { status rowsWritten problemCount } }`, {
      input: { sheet: 'HOUSEHOLDS', fileName: 'h.csv', contentBase64: Buffer.from(file).toString('base64'), commit: true, wait: true },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.importRegistryFile).toMatchObject({ rowsWritten: 1, problemCount: 0 });
  });

  it('exports a list', async () => {
    const entry = readCollection().find((e) => e.file.startsWith('01-'))!;
    const res = await fetch(`${base()}/export?format=xlsx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await env.token(prefecture)}` },
      body: JSON.stringify({ query: entry.query, variables: entry.variables ? JSON.parse(entry.variables) : undefined }),
    });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('serves GraphiQL’s page and everything it loads from the gateway itself', async () => {
    const root = graphiql.gateway.url.replace(/\/graphql$/, '/graphiql/');
    const page = await fetch(root);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], root));
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of [...assets, new URL('collection.json', root)]) {
      expect(asset.host).toBe(new URL(root).host);
      const res = await fetch(asset);
      expect({ asset: asset.pathname, status: res.status }).toEqual({ asset: asset.pathname, status: 200 });
      const text = await res.text();
      // a stylesheet pulling fonts or styles from elsewhere would make the browser call out
      if (asset.pathname.endsWith('.css')) expect(text).not.toMatch(/@import\s+(url\()?["']?https?:|url\(["']?(https?:)?\/\//);
    }
  });

  it('called nothing but loopback and its configured peers', async () => {
    const health = await fetch(`${base()}/health`);
    expect(health.status).toBe(200);
    // what a dependency starts in the background at start-up (detectors, exporters) has had the whole run to show itself
    await new Promise((done) => setTimeout(done, 1000));
    expect(guard.allowed.length).toBeGreaterThan(0);
    expect(guard.refused).toEqual([]);
  });
});
