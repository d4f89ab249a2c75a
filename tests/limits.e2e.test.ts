import { getIntrospectionQuery } from 'graphql';
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

  const statements = () => Object.keys(env.subgraphs).reduce((sum, name) => sum + env.statements(name), 0);

  /** Refused with HTTP 400, a code and a message in both languages, before any subgraph runs SQL. */
  async function refusedWithoutSql(send: () => Promise<GraphQLResponse>, code: RegExp, status = 400) {
    const before = statements();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toMatch(code);
    expect(res.errors?.[0].message).toMatch(/[\u4e00-\u9fff].* · [A-Za-z]/);
    expect(statements()).toBe(before);
    return res;
  }

  /** A raw POST to `url` (the gateway by default) as the prefecture officer. */
  async function raw(body: string, headers: Record<string, string> = {}, url = env.gateway.url): Promise<GraphQLResponse> {
    const token = await env.token(prefecture);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body });
    const text = await res.text();
    expect(text).not.toMatch(/\\n\s+at |node_modules|syntax error at or near|invalid byte sequence/);
    return { status: res.status, ...(JSON.parse(text) as object) };
  }
  const post = (payload: unknown, headers?: Record<string, string>) => raw(JSON.stringify(payload), headers);

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

  it('refuses a document longer than the limit in characters, though its comments are no tokens', async () => {
    const comment = '# 注释 comment\n';
    const query = `{ stations { id } }\n${comment.repeat(Math.ceil(DEFAULT_LIMITS.maxDocumentChars / comment.length))}`;
    const res = await refusedWithoutSql(() => post({ query }), /BAD_REQUEST/);
    expect(res.errors?.[0].message).toContain(`limit ${DEFAULT_LIMITS.maxDocumentChars}`);
    expect(res.errors?.[0].extensions?.field).toBe('query');
    // 10 MB of comments: refused the same way, not answered
    await refusedWithoutSql(() => post({ query: `{ stations { id } }\n#${' '.repeat(10_000_000)}` }), /BAD_REQUEST/);
  });

  it('counts __typename among the aliases', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await post({ query: aliases(DEFAULT_LIMITS.maxAliases) })).status).toBe(200);
    for (const n of [DEFAULT_LIMITS.maxAliases + 1, 500, 1000]) {
      const res = await refusedWithoutSql(() => post({ query: aliases(n) }), /GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED/);
      expect(res.errors?.[0].message).toMatch(/alias|tokens/i);
    }
  });

  it('refuses a document of too many tokens with 400, not 500', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxTokens + 1 }, () => 'id').join(' ');
    const res = await refusedWithoutSql(() => post({ query: `{ stations { ${fields} } }` }), /GRAPHQL_PARSE_FAILED/);
    expect(res.errors?.[0].message).toMatch(/tokens/);
  });

  it('answers GraphiQL’s introspection query, and refuses deeper or broader introspection', async () => {
    const full = await post({ query: getIntrospectionQuery({ inputValueDeprecation: true }), operationName: 'IntrospectionQuery' });
    expect(full.status).toBe(200);
    expect((full as any).data.__schema.types.length).toBeGreaterThan(50);
    let nested = 'name';
    for (let i = 0; i < 50; i++) nested = `ofType { ${nested} }`;
    const deep = await refusedWithoutSql(() => post({ query: `{ __schema { types { ${nested} } } }` }), /GRAPHQL_VALIDATION_FAILED/);
    expect(deep.errors?.[0].message).toMatch(/Introspection depth limit of \d+ exceeded, found 53/);
    // the same depth through a fragment
    await refusedWithoutSql(() => post({ query: `{ __type(name: "Query") { ...F } } fragment F on __Type { ${nested} }` }), /GRAPHQL_VALIDATION_FAILED/);
    const schemas = Array.from({ length: DEFAULT_LIMITS.maxIntrospectionFields + 1 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ');
    const broad = await refusedWithoutSql(() => post({ query: `{ ${schemas} }` }), /GRAPHQL_VALIDATION_FAILED/);
    expect(broad.errors?.[0].message).toMatch(/Too many introspection fields/);
  });

  it.each([
    ['two operations and no operationName', { query: 'query A { stations { id } } query B { stations { id } }' }, /2 operations/],
    ['an unknown operationName', { query: 'query A { stations { id } }', operationName: 'Z' }, /No operation named Z/],
    ['an operationName that is not a name', { query: 'query A { stations { id } }', operationName: 'A B' }, /operationName/],
    ['an operationName that is not a string', { query: 'query A { stations { id } }', operationName: 5 }, /operationName/],
  ])('refuses %s with 400 BAD_REQUEST', async (_label, payload, reason) => {
    const res = await refusedWithoutSql(() => post(payload), /BAD_REQUEST/);
    expect(res.errors?.[0].message).toMatch(reason);
    expect(res.errors?.[0].extensions?.field).toBe('operationName');
  });

  const SEARCH = 'query Search($search: String!) { persons(first: 1, filter: { search: $search }) { totalCount } }';
  it.each([
    ['NUL in the search', { search: 'a\u0000b' }, 'variables.search', 'U+0000'],
    ['a lone surrogate in the search', { search: 'a\ud800b' }, 'variables.search', 'U+D800'],
    ['NUL deep inside an input', { search: '王', extra: { list: ['ok', 'x\u0000'] } }, 'variables.extra.list[1]', 'U+0000'],
    ['NUL in a key', { search: '王', ['k\u0000']: 1 }, 'variables.k\u0000', 'U+0000'],
  ])('refuses %s with 400 BAD_USER_INPUT naming the variable', async (_label, variables, field, char) => {
    const res = await refusedWithoutSql(() => post({ query: SEARCH, variables }), /BAD_USER_INPUT/);
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(res.errors?.[0].message).toContain(char);
  });

  it('refuses NUL written as an escape in a string literal, and raw control characters in the document', async () => {
    const literal = await refusedWithoutSql(() => post({ query: '{ persons(first: 1, filter: { search: "a\\u0000b" }) { totalCount } }' }), /GRAPHQL_VALIDATION_FAILED/);
    expect(literal.errors?.[0].message).toContain('U+0000');
    for (const char of ['\u0000', '\u0001', '\u001f']) {
      const res = await refusedWithoutSql(() => post({ query: `{ stations { id } }${char}` }), /BAD_REQUEST/);
      expect(res.errors?.[0].message).toMatch(/Invalid character U\+00[01][0-9A-F] in the document at 1:20/);
    }
  });

  it('answers the same search without the bad character', async () => {
    const res = await post({ query: SEARCH, variables: { search: '王' } });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it.each([
    ['a variable of the wrong type', () => post({ query: 'query($n: Int) { households(first: $n) { totalCount } }', variables: { n: 'x' } }), /BAD_USER_INPUT/, 400],
    ['an Int out of range', () => post({ query: 'query($n: Int) { households(first: $n) { totalCount } }', variables: { n: 1e20 } }), /BAD_USER_INPUT/, 400],
    ['a missing required variable', () => post({ query: SEARCH }), /BAD_USER_INPUT/, 400],
    ['variables as a string', () => post({ query: '{ stations { id } }', variables: '{}' }), /BAD_REQUEST/, 400],
    ['variables as a list', () => post({ query: '{ stations { id } }', variables: [] }), /BAD_REQUEST/, 400],
    ['query as a number', () => post({ query: 5 }), /BAD_REQUEST/, 400],
    ['no query', () => post({ variables: {} }), /BAD_REQUEST/, 400],
    ['extensions as a string', () => post({ query: '{ stations { id } }', extensions: 'x' }), /BAD_REQUEST/, 400],
    ['a body that is not JSON', () => raw('{"query": '), /BAD_REQUEST/, 400],
    ['a JSON number as the body', () => raw('5'), /BAD_REQUEST/, 400],
    ['a JSON string as the body', () => raw('"{ stations { id } }"'), /BAD_REQUEST/, 400],
    ['text/plain', () => raw('{"query":"{ stations { id } }"}', { 'content-type': 'text/plain' }), /BAD_REQUEST/, 415],
    ['a form', () => raw('query=%7B%20stations%20%7B%20id%20%7D%20%7D', { 'content-type': 'application/x-www-form-urlencoded' }), /BAD_REQUEST/, 415],
    ['no content type', () => raw('{"query":"{ stations { id } }"}', { 'content-type': '' }), /BAD_REQUEST/, 415],
    ['a charset other than UTF-8', () => raw('{"query":"{ stations { id } }"}', { 'content-type': 'application/json; charset=latin1' }), /BAD_REQUEST/, 415],
    ['an Accept the answer cannot meet (refused before the operation runs)', () => post({ query: SEARCH, variables: { search: '王' } }, { accept: 'text/html' }), /BAD_REQUEST/, 406],
    ['an automatic persisted query', () => post({ query: '{ stations { id } }', extensions: { persistedQuery: 'x' } }), /PERSISTED_QUERY_NOT_SUPPORTED/, 200],
  ])('refuses %s with a coded 4xx', async (_label, send, code, status) => {
    await refusedWithoutSql(send, code, status);
  });

  it('answers an address too long for the HTTP parser with a coded JSON error', async () => {
    const res = await fetch(`${env.gateway.url}?query=${'x'.repeat(100_000)}`);
    expect(res.status).toBe(431);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it.each([
    ['no __typename', [{ id: '00000000-0000-4000-8000-000000000001' }], 'representations[0].__typename'],
    ['a type the subgraph does not have', [{ __typename: 'Nope', id: '00000000-0000-4000-8000-000000000001' }], 'representations[0].__typename'],
    ['an id that is no UUID', [{ __typename: 'Household', id: 'not-a-uuid' }], 'representations[0].id'],
    ['an id that is a number', [{ __typename: 'Person', id: 2147483648 }], 'representations[0].id'],
    ['an area code that is a list', [{ __typename: 'AdminArea', code: '530622' }, { __typename: 'AdminArea', code: [null] }], 'representations[1].code'],
    ['a representation that is no object', ['x'], 'representations[0]'],
  ])('a subgraph called directly refuses entity representations with %s, before any SQL', async (_label, representations, field) => {
    const before = statements();
    const res = await env.querySubgraphAs('households', prefecture, 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: representations });
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(statements()).toBe(before);
  });

  it('a subgraph still resolves well-formed representations', async () => {
    const res = await env.querySubgraphAs('households', prefecture, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea { code name } } }', { r: [{ __typename: 'AdminArea', code: '530622' }] });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities[0].code).toBe('530622');
  });

  it('applies the same limits and checks on a subgraph called directly', async () => {
    const before = statements();
    const signed = (query: string, variables?: Record<string, unknown>) => env.querySubgraphAs('households', prefecture, query, variables);
    const deep = await signed(depthBomb(DEFAULT_LIMITS.maxDepth + 4));
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].message).toMatch(/depth/i);
    const nul = await signed(SEARCH, { search: 'a\u0000b' });
    expect(nul.status).toBe(400);
    expect(nul.errors?.[0].extensions?.field).toBe('variables.search');
    const twoOps = await signed('query A { _service { sdl } } query B { _service { sdl } }');
    expect(twoOps.status).toBe(400);
    expect(twoOps.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    const typenames = await signed(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(typenames.status).toBe(400);
    expect(statements()).toBe(before);
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
