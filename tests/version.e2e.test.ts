import { platformVersion } from '../platform/version';
import { createTestEnvironment, type TestEnvironment } from './environment';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';

describe('the running version', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment({ engine: 'pglite', scale: 0.005, subgraphs: ['households'] });
  });
  afterAll(() => env?.close());

  it('is package.json’s, in semver', () => {
    expect(platformVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is on /health', async () => {
    const body = (await (await fetch(env.gateway.url.replace(/\/graphql$/, '/health'))).json()) as { version: string };
    expect(body.version).toBe(platformVersion());
  });

  it('is in the extensions of every answer, errors included', async () => {
    const ok = await env.query(DEMO_IDENTITIES.analyst, '{ stations { id } }');
    expect(ok.data?.stations.length).toBe(3);
    expect(ok.extensions?.platformVersion).toBe(platformVersion());
    const refused = await env.query(DEMO_IDENTITIES.analyst, '{ nope }');
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(refused.extensions?.platformVersion).toBe(platformVersion());
  });
});
