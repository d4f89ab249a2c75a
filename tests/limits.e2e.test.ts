import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEFAULT_LIMITS } from '../platform/config';
import type { GraphQLResponse, TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture } = DEMO_IDENTITIES;

/** `{ household { members { household { members … } } } }` nested `levels` deep. */
function depthBomb(levels: number): string {
  let selection = 'id';
  for (let i = levels - 1; i >= 0; i--) selection = i % 2 ? `household { ${selection} }` : `members { ${selection} }`;
  return `{ households(first: 1) { nodes { ${selection} } } }`;
}

describe('operation limits: refused with a coded error before any SQL runs', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    ({ env } = await startPlatform('pglite', 0.005, ['households']));
  });
  afterAll(() => env?.close());

  async function refusedWithoutSql(send: () => Promise<GraphQLResponse>, code: RegExp) {
    const before = env.statements('households');
    const res = await send();
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toMatch(code);
    expect(env.statements('households')).toBe(before);
    return res;
  }

  it('accepts an ordinary nested query', async () => {
    const res = await env.query(prefecture, depthBomb(4));
    expect(res.errors).toBeUndefined();
  });

  it('refuses a depth bomb', async () => {
    const res = await refusedWithoutSql(() => env.query(prefecture, depthBomb(DEFAULT_LIMITS.maxDepth + 4)), /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(res.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: DEFAULT_LIMITS.maxAliases + 5 }, (_, i) => `a${i}: stations { id }`).join(' ');
    const res = await refusedWithoutSql(() => env.query(prefecture, `{ ${aliases} }`), /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(res.errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses an oversized document', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => 'id').join(' ');
    await refusedWithoutSql(() => env.query(prefecture, `{ stations { ${fields} } }`), /GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
  });

  it('refuses a directive flood', async () => {
    const directives = Array.from({ length: DEFAULT_LIMITS.maxDirectives + 5 }, () => '@include(if: true)').join(' ');
    await refusedWithoutSql(() => env.query(prefecture, `{ stations { id ${directives} } }`), /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
  });

  it('applies the same limits on a subgraph called directly', async () => {
    const before = env.statements('households');
    const res = await env.querySubgraphAs('households', prefecture, depthBomb(DEFAULT_LIMITS.maxDepth + 4));
    expect(res.errors?.[0].message).toMatch(/depth/i);
    expect(env.statements('households')).toBe(before);
  });

  it('refuses batched HTTP requests', async () => {
    const token = await env.token(prefecture);
    const res = await fetch(env.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ stations { id } }' }, { query: '{ stations { id } }' }]),
    });
    expect(res.status).toBe(400);
  });
});
