import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { testEngines, type TestEnvironment } from '../subgraphs/shared/test-environment';
import { startPlatform } from './platform';

const { prefecture } = DEMO_IDENTITIES;

describe.each(testEngines())('SQL statements per request do not grow with page size (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.01));
  });
  afterAll(() => env?.close());

  /** Statements the households subgraph runs for one request. */
  async function statementsFor(query: string, variables?: Record<string, unknown>, as = prefecture): Promise<number> {
    const before = env.statements('households');
    const res = await env.query(as, query, variables);
    expect(res.errors).toBeUndefined();
    return env.statements('households') - before;
  }

  const HOUSEHOLDS = `query ($n: Int!) { households(first: $n) { nodes { registryNo station { name } currentArea { name parent { name } }
    head { name } members { name idNumber household { registryNo } } } } }`;

  it('households(first: 10){members…} costs what households(first: 100){members…} costs', async () => {
    const ten = await statementsFor(HOUSEHOLDS, { n: 10 });
    const hundred = await statementsFor(HOUSEHOLDS, { n: 100 });
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(8);
    console.log(`[${engine}] households(first: 10|100){members…}: ${ten} | ${hundred} SQL statements`);
  });

  it('persons(first: 20|200) with their households costs the same', async () => {
    const q = 'query ($n: Int!) { persons(first: $n) { totalCount nodes { name household { registryNo memberCount } } } }';
    const small = await statementsFor(q, { n: 20 });
    const large = await statementsFor(q, { n: 200 });
    expect(large).toBe(small);
  });

  it('an _entities call with 100 persons costs a small constant number of statements', async () => {
    const reps = data.persons.slice(0, 100).map((p) => ({ __typename: 'Person', id: p.id }));
    const before = env.statements('households');
    const res = await env.querySubgraphAs('households', prefecture, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name household { registryNo } } } }', { r: reps });
    const used = env.statements('households') - before;
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(100);
    expect(res.data._entities.every((e: unknown) => e !== null)).toBe(true);
    expect(used).toBeLessThanOrEqual(2);
    console.log(`[${engine}] _entities with 100 persons (+ households): ${used} SQL statements`);
  });
});
