import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import type { Identity } from '../platform/security/identity';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { qiaojia, auditor } = DEMO_IDENTITIES;

/** An auditor filters the read audit by the downloads that carried full values (`export:<sheet>`), as by any record type. */
describe('the read audit filtered by export', () => {
  let env: TestEnvironment;
  const base = () => env.gateway.url.replace(/\/graphql$/, '');
  const get = async (as: Identity, path: string) => {
    const res = await fetch(`${base()}${path}`, { headers: { authorization: `Bearer ${await env.token(as)}` } });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };

  beforeAll(async () => {
    ({ env } = await startPlatform('pglite', 0.005));
    // a county officer downloads the persons sheet (full ID numbers and phones) and reads a person by GraphQL
    const file = await fetch(`${base()}/exports/persons.csv?area=${DEMO_AREAS.qiaojia}`, { headers: { authorization: `Bearer ${await env.token(qiaojia)}` } });
    expect(file.status).toBe(200);
    expect((await env.query(qiaojia, '{ persons(first: 1) { nodes { idNumber } } }')).errors).toBeUndefined();
  }, 180_000);
  afterAll(() => env?.close());

  it('answers recordType=export:persons with exactly the download', async () => {
    const res = await get(auditor, '/audit/reads?recordType=export:persons');
    expect(res.status).toBe(200);
    expect(res.body.nodes.map((n: any) => [n.recordType, n.recordId, n.subject, n.operationName])).toEqual([
      ['export:persons', DEMO_AREAS.qiaojia, qiaojia.subject, 'GET /exports/persons'],
    ]);
    expect(res.body.nodes[0].fields).toEqual(expect.arrayContaining(['idNumber']));
  });

  it('keeps type names and exports apart, and refuses what is neither', async () => {
    const persons = await get(auditor, '/audit/reads?recordType=Person');
    expect(persons.status).toBe(200);
    expect(persons.body.nodes.length).toBeGreaterThan(0);
    expect(persons.body.nodes.every((n: any) => n.recordType === 'Person')).toBe(true);
    expect((await get(auditor, '/audit/reads?recordType=export:households')).body.nodes).toEqual([]);
    for (const bad of ['export:', 'export:Persons', "export:persons'--", 'import:persons', 'Person:x']) {
      const res = await get(auditor, `/audit/reads?recordType=${encodeURIComponent(bad)}`);
      expect({ bad, status: res.status, code: res.body.errors?.[0].extensions.code, field: res.body.errors?.[0].extensions.field }).toEqual({ bad, status: 400, code: 'BAD_USER_INPUT', field: 'recordType' });
    }
  });
});
