import { readCollection } from '../gateway/collection';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import type { Listening } from '../platform/server/http';
import type { TestEnvironment } from './environment';
import { startGraphiQLGateway, startPlatform } from './platform';

const collection = readCollection();

/** Counts the list results (`totalCount`s and arrays) that came back non-empty. */
function nonEmpty(value: unknown): number {
  if (Array.isArray(value)) return (value.length > 0 ? 1 : 0) + value.reduce((n: number, v) => n + nonEmpty(v), 0);
  if (value && typeof value === 'object') {
    return Object.entries(value).reduce((n, [k, v]) => n + (k === 'totalCount' ? (Number(v) > 0 ? 1 : 0) : nonEmpty(v)), 0);
  }
  return 0;
}

describe('the analysts’ query collection and self-hosted GraphiQL', () => {
  let env: TestEnvironment;
  let gateway: Listening;
  let closeGateway: () => Promise<void>;

  beforeAll(async () => {
    ({ env } = await startPlatform('pglite', 0.02));
    ({ gateway, close: closeGateway } = await startGraphiQLGateway(env));
  });
  afterAll(async () => {
    await closeGateway?.();
    await env?.close();
  });

  it('has examples, each with a title', () => {
    expect(collection.length).toBeGreaterThanOrEqual(5);
    for (const entry of collection) expect(entry.title).toMatch(/[\u4e00-\u9fff].* · [A-Za-z]/);
  });

  it.each(collection.map((e) => [e.file, e] as const))('%s runs without errors and finds data', async (_file, entry) => {
    const res = await env.query(DEMO_IDENTITIES.prefecture, entry.query, entry.variables ? JSON.parse(entry.variables) : undefined);
    expect(res.errors).toBeUndefined();
    expect(nonEmpty(res.data)).toBeGreaterThan(0);
  });

  it('serves GraphiQL, its workers and the collection from the gateway itself', async () => {
    const base = gateway.url.replace(/graphql$/, 'graphiql/');
    const page = await fetch(base);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('app.js');
    expect(html).not.toMatch(/https?:\/\//);
    for (const file of ['app.js', 'app.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      const res = await fetch(base + file);
      expect({ file, status: res.status }).toEqual({ file, status: 200 });
    }
    const listed = (await (await fetch(base + 'collection.json')).json()) as { file: string }[];
    expect(listed.map((e) => e.file)).toEqual(collection.map((e) => e.file));
    const css = await (await fetch(base + 'app.css')).text();
    expect(css).not.toMatch(/url\(\s*['"]?https?:/);
  });
});
