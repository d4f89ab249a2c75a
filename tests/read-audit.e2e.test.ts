import { MoreThan } from 'typeorm';
import { ReadAuditRow } from '../gateway/audit/read-audit.entity';
import type { RecordRead } from '../gateway/audit/read-audit.store';
import { allowOperations, apiSchemaOf, issueClient } from '../gateway/clients/client-store';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { loadConfig } from '../platform/config';
import { maskIdNumber, maskPhone } from '../platform/domain/id-number';
import { Role, type Identity } from '../platform/security/identity';
import { engines, type GraphQLResponse, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture, qiaojia, suijiang, wenbi, analyst, auditor } = DEMO_IDENTITIES;

/** One sensitive field of every category, from three subgraphs, in a county. */
const SENSITIVE = `query Sensitive($area: String!) {
  persons(first: 6, filter: { areaCode: $area }) { nodes { id idNumber phone } }
  flats(first: 3, filter: { areaCode: $area }) { nodes { id number } }
  placements(first: 4, filter: { areaCode: $area }) { nodes { id monthlyWage } }
  incomeSurveys(first: 3, filter: { areaCode: $area }) { nodes { id netIncome perCapitaNetIncome } }
}`;

type Category = 'ID_NUMBER' | 'PHONE' | 'EXACT_ADDRESS' | 'INCOME';
const ALL: Category[] = ['ID_NUMBER', 'PHONE', 'EXACT_ADDRESS', 'INCOME'];

/** Where each category shows up in SENSITIVE's answer: list, record type, fields. */
const FIELDS: { list: string; type: string; field: string; category: Category }[] = [
  { list: 'persons', type: 'Person', field: 'idNumber', category: 'ID_NUMBER' },
  { list: 'persons', type: 'Person', field: 'phone', category: 'PHONE' },
  { list: 'flats', type: 'Flat', field: 'number', category: 'EXACT_ADDRESS' },
  { list: 'placements', type: 'EmploymentPlacement', field: 'monthlyWage', category: 'INCOME' },
  { list: 'incomeSurveys', type: 'HouseholdIncomeSurvey', field: 'netIncome', category: 'INCOME' },
  { list: 'incomeSurveys', type: 'HouseholdIncomeSurvey', field: 'perCapitaNetIncome', category: 'INCOME' },
];

const MASK: Record<Category, (v: any) => unknown> = {
  ID_NUMBER: maskIdNumber,
  PHONE: maskPhone,
  EXACT_ADDRESS: () => '****',
  INCOME: () => null,
};

/** The answer `full` (an officer's) as a caller seeing only `categories` in full must get it. */
function expectedAnswer(full: any, categories: Category[]): any {
  const out = JSON.parse(JSON.stringify(full));
  for (const { list, field, category } of FIELDS) {
    if (categories.includes(category)) continue;
    for (const node of out[list].nodes) node[field] = node[field] === null ? null : MASK[category](node[field]);
  }
  return out;
}

/** The audit rows (type:id → fields) reading `full` with `categories` in full must write. */
function expectedReads(full: any, categories: Category[]): Record<string, string[]> {
  const reads: Record<string, string[]> = {};
  for (const { list, type, field, category } of FIELDS) {
    if (!categories.includes(category)) continue;
    for (const node of full[list].nodes) {
      if (node[field] === null) continue;
      (reads[`${type}:${node.id}`] ??= []).push(field);
    }
  }
  for (const key of Object.keys(reads)) reads[key].sort();
  return reads;
}

/** One record a request read, as `read_audit_record` shows it. */
type RecordRow = Omit<RecordRead, 'id' | 'cursor'>;

describe.each(engines('the audit is partitioned by month: declarative partitions, GIN and triggers on both engines'))('masking and the read audit (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let full: any;
  /** The audit: one row per request. */
  const auditRows = () => env.clients.getRepository(ReadAuditRow);
  const lastId = async () => String((await auditRows().createQueryBuilder('r').select('MAX(r.id)', 'max').getRawOne())?.max ?? '0');
  const requestsSince = (mark: string) => auditRows().find({ where: { id: MoreThan(mark) }, order: { id: 'ASC' } });
  /** The records read since `mark`, one per record read (the audit's view `read_audit_record`). */
  const rowsSince = async (mark: string): Promise<RecordRow[]> => (await env.clients.query(
    `SELECT id, request_id, subject, role, client_id, client_name, operation_name, client_address, at, record_type, record_id, area_code, fields
     FROM "${(env.clients.options as { schema?: string }).schema}".read_audit_record WHERE id > $1 ORDER BY id, ord`, [mark],
  )).map((r: any) => ({
    requestId: r.request_id, subject: r.subject, role: r.role, clientId: r.client_id, clientName: r.client_name, operationName: r.operation_name,
    clientAddress: r.client_address, at: new Date(r.at), recordType: r.record_type, recordId: r.record_id, areaCode: r.area_code, fields: r.fields,
  }));
  const readsOf = (rows: RecordRow[]) => Object.fromEntries(rows.map((r) => [`${r.recordType}:${r.recordId}`, r.fields]));

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, 0.01, ['households', 'land-housing', 'employment']));
    const res = await env.query(prefecture, SENSITIVE, { area: DEMO_AREAS.qiaojia });
    expect(res.errors).toBeUndefined();
    full = res.data;
  });
  afterAll(() => env?.close());

  async function asPartner(purposes: string[], query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
    const client = await issueClient(env.clients, { name: `巧家县合作方 ${purposes.join('+') || 'none'}`, jurisdiction: [DEMO_AREAS.qiaojia], purposes });
    await allowOperations(env.clients, client.id, [{ name: 'sensitive.graphql', text: query }], apiSchemaOf(loadSupergraph(loadConfig()).sdl));
    const res = await fetch(env.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': client.key }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, ...((await res.json()) as object) };
  }

  it('the reference answer holds every category, and matches the registry', () => {
    for (const { list, field } of FIELDS) expect({ list, field, some: full[list].nodes.some((n: any) => n[field] !== null) }).toEqual({ list, field, some: true });
    for (const p of full.persons.nodes) expect(p.idNumber).toBe(data.persons.find((x) => x.id === p.id)!.id_number);
  });

  const callers: [string, Identity, Category[]][] = [
    ['prefecture officer', prefecture, ALL],
    ['county officer in the county', qiaojia, ALL],
    ['analyst', analyst, []],
    ['auditor', auditor, []],
  ];
  it.each(callers)('%s: full values exactly where the policy allows, and exactly those reads audited', async (_label, identity, categories) => {
    const mark = await lastId();
    const res = await env.query(identity, SENSITIVE, { area: DEMO_AREAS.qiaojia });
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.fullReads).toBeUndefined();
    expect(res.data).toEqual(expectedAnswer(full, categories));
    const rows = await rowsSince(mark);
    expect(readsOf(rows)).toEqual(expectedReads(full, categories));
    for (const row of rows) expect(row).toMatchObject({ subject: identity.subject, role: identity.role, operationName: 'Sensitive', clientId: null });
    // one row for the request, however many records it read
    const requests = await requestsSince(mark);
    expect(requests).toHaveLength(categories.length ? 1 : 0);
    if (requests.length) {
      const [request] = requests;
      expect(request.records).toHaveLength(Object.keys(expectedReads(full, categories)).length);
      expect(Object.fromEntries(request.records.map((key, i) => [key, request.fields[i].split(',')]))).toEqual(expectedReads(full, categories));
      expect(request.areaCodes.every((code) => code.startsWith(DEMO_AREAS.qiaojia))).toBe(true);
    }
  });

  const partners: [string, string[], Category[]][] = [
    ['public-security', ['public-security'], ['ID_NUMBER', 'PHONE', 'EXACT_ADDRESS']],
    ['civil-affairs', ['civil-affairs'], ['ID_NUMBER', 'EXACT_ADDRESS', 'INCOME']],
    ['human-resources', ['human-resources'], ['ID_NUMBER', 'PHONE', 'INCOME']],
    ['audit (no purpose needing details)', ['audit'], []],
    ['public-security and civil-affairs together', ['public-security', 'civil-affairs'], ALL],
  ];
  it.each(partners)('partner for %s: full only where its purpose needs it, audited with its client', async (_label, purposes, categories) => {
    const mark = await lastId();
    const res = await asPartner(purposes, SENSITIVE, { area: DEMO_AREAS.qiaojia });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual(expectedAnswer(full, categories));
    const rows = await rowsSince(mark);
    expect(readsOf(rows)).toEqual(expectedReads(full, categories));
    for (const row of rows) {
      expect(row).toMatchObject({ role: Role.PARTNER, operationName: 'Sensitive', clientName: `巧家县合作方 ${purposes.join('+')}` });
      expect(row.subject).toBe(`client:${row.clientId}`);
    }
  });

  it('refuses a key for an unknown purpose, and a sign-in token claiming the partner role', async () => {
    await expect(issueClient(env.clients, { name: '某公司', jurisdiction: [DEMO_AREAS.qiaojia], purposes: ['marketing'] })).rejects.toThrow(/unknown purpose marketing/);
    const mark = await lastId();
    const res = await env.query({ subject: 'self-made-partner', role: Role.PARTNER, jurisdiction: [DEMO_AREAS.qiaojia] }, SENSITIVE, { area: DEMO_AREAS.qiaojia });
    expect({ status: res.status, code: res.errors?.[0].extensions?.code, data: res.data }).toEqual({ status: 401, code: 'UNAUTHENTICATED', data: undefined });
    expect(await rowsSince(mark)).toEqual([]);
  });

  it('a community worker sees their community in full, audited', async () => {
    const mark = await lastId();
    const res = await env.query(wenbi, 'query WenbiPhones($area: String!) { persons(first: 5, filter: { areaCode: $area }) { nodes { id idNumber phone } } }', { area: DEMO_AREAS.wenbi });
    const persons = res.data.persons.nodes;
    expect(persons.length).toBeGreaterThan(0);
    for (const p of persons) {
      const registered = data.persons.find((x) => x.id === p.id)!;
      expect(p).toEqual({ id: registered.id, idNumber: registered.id_number, phone: registered.phone || null });
    }
    const rows = await rowsSince(mark);
    expect(readsOf(rows)).toEqual(Object.fromEntries(persons.map((p: any) => [`Person:${p.id}`, p.phone ? ['idNumber', 'phone'] : ['idNumber']])));
    expect(rows.every((r) => r.subject === wenbi.subject && r.operationName === 'WenbiPhones')).toBe(true);
  });

  it('a county officer outside the county gets FORBIDDEN and nothing is audited', async () => {
    const mark = await lastId();
    const person = full.persons.nodes[0];
    const res = await env.query(suijiang, 'query ($id: ID!) { person(id: $id) { idNumber phone } }', { id: person.id });
    expect(res.data?.person ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const area = await env.query(suijiang, SENSITIVE, { area: DEMO_AREAS.qiaojia });
    expect(area.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rowsSince(mark)).toEqual([]);
  });

  it('one query reading three persons’ ID numbers writes one row naming them, the field, the operation and the caller', async () => {
    const mark = await lastId();
    const res = await env.query(qiaojia, 'query ThreeIds($area: String!) { persons(first: 3, filter: { areaCode: $area }) { nodes { id idNumber } } }', { area: DEMO_AREAS.qiaojia });
    const ids = res.data.persons.nodes.map((p: { id: string }) => p.id);
    expect(ids).toHaveLength(3);
    const rows = await rowsSince(mark);
    expect(rows.map((r) => r.recordId).sort()).toEqual([...ids].sort());
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(1);
    const requests = await requestsSince(mark);
    expect(requests.map((r) => [r.records.length, r.fields, r.areaCodes.length])).toEqual([[3, ['idNumber', 'idNumber', 'idNumber'], 3]]);
    expect(requests[0].records.map((key) => key.replace(/^Person:/, '')).sort()).toEqual([...ids].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ recordType: 'Person', fields: ['idNumber'], operationName: 'ThreeIds', subject: qiaojia.subject, role: 'COUNTY_OFFICER', areaCode: expect.stringMatching(new RegExp(`^${DEMO_AREAS.qiaojia}`)) });
      expect(row.clientAddress).toMatch(/127\.0\.0\.1|::1/);
      expect(Math.abs(row.at.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    }
  });

  it('reading one person twice (aliases) writes one row with both fields', async () => {
    const person = full.persons.nodes.find((p: any) => p.phone);
    const mark = await lastId();
    const res = await env.query(qiaojia, 'query Twice($id: ID!) { a: person(id: $id) { idNumber } b: person(id: $id) { idNumber phone } }', { id: person.id });
    expect(res.data.a.idNumber).toBe(person.idNumber);
    expect(readsOf(await rowsSince(mark))).toEqual({ [`Person:${person.id}`]: ['idNumber', 'phone'] });
  });

  it('a request that reads no sensitive field, or only masked ones, writes nothing', async () => {
    const mark = await lastId();
    await env.query(qiaojia, '{ persons(first: 20) { nodes { name age } } }');
    await env.query(analyst, '{ persons(first: 20) { nodes { idNumber phone } } flats(first: 5) { nodes { number } } }');
    expect(await rowsSince(mark)).toEqual([]);
  });

  it('fails closed: when the audit cannot be written, the full values are not delivered', async () => {
    const table = `"${(env.clients.options as { schema?: string }).schema}".read_audit`;
    await env.clients.query(`ALTER TABLE ${table} ADD CONSTRAINT audit_blocked CHECK (false) NOT VALID`);
    try {
      const res = await env.query(qiaojia, SENSITIVE, { area: DEMO_AREAS.qiaojia });
      expect(res.status).toBe(500);
      expect(res.data).toBeUndefined();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(res)).not.toContain(full.persons.nodes[0].idNumber);
      const masked = await env.query(analyst, SENSITIVE, { area: DEMO_AREAS.qiaojia });
      expect(masked.data).toEqual(expectedAnswer(full, []));
    } finally {
      await env.clients.query(`ALTER TABLE ${table} DROP CONSTRAINT audit_blocked`);
    }
  });

  it('keeps the audit append-only in the database too', async () => {
    const table = `"${(env.clients.options as { schema?: string }).schema}".read_audit`;
    const before = await auditRows().count();
    expect(before).toBeGreaterThan(0);
    await expect(env.clients.query(`UPDATE ${table} SET subject = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(env.clients.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    await expect(env.clients.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
    expect(await auditRows().count()).toBe(before);
  });

  it('records the client address from X-Forwarded-For only when TRUST_PROXY trusts the proxy', async () => {
    const supergraphSdl = loadSupergraph(loadConfig()).sdl;
    const subgraphUrls = Object.fromEntries(Object.entries(env.subgraphs).map(([name, s]) => [name, s.url]));
    const keys = { tokenPublic: env.keys.tokenPublic, gatewayPrivate: env.keys.gatewayPrivate!, gatewayKid: env.keys.gatewayKid };
    const proxied = await startGateway({ clients: env.clients, supergraphSdl, subgraphUrls, keys, trustProxy: 'loopback' });
    try {
      const ask = async (url: string, operation: string) => {
        const query = `query ${operation} { persons(first: 1) { nodes { idNumber } } }`;
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await env.token(qiaojia)}`, 'x-forwarded-for': '203.0.113.7' }, body: JSON.stringify({ query }) });
      };
      const mark = await lastId();
      await ask(proxied.url, 'BehindProxy');
      await ask(env.gateway.url, 'Direct');
      const rows = await rowsSince(mark);
      expect(rows.map((r) => [r.operationName, r.clientAddress === '203.0.113.7'])).toEqual([['BehindProxy', true], ['Direct', false]]);
    } finally {
      await proxied.close();
    }
  });

  describe('GET /audit/reads', () => {
    const url = (query = '') => env.gateway.url.replace(/graphql$/, `audit/reads${query}`);
    const get = async (as: Identity | null, query = '') => {
      const res = await fetch(url(query), { headers: as ? { authorization: `Bearer ${await env.token(as)}` } : {} });
      return { status: res.status, body: (await res.json()) as any };
    };

    beforeAll(async () => {
      // three more operations by two callers, so that filters have something to tell apart
      await env.query(qiaojia, 'query Page1 { persons(first: 5) { nodes { idNumber } } }');
      await env.query(prefecture, 'query Page2 { persons(first: 4) { nodes { phone } } }');
      await env.query(qiaojia, 'query Page3 { flats(first: 3) { nodes { number } } }');
    });

    it('answers auditors only', async () => {
      expect((await get(null)).status).toBe(401);
      for (const caller of [prefecture, qiaojia, analyst]) {
        const res = await get(caller);
        expect({ subject: caller.subject, status: res.status, code: res.body.errors?.[0].extensions.code }).toEqual({ subject: caller.subject, status: 403, code: 'FORBIDDEN' });
      }
      const res = await get(auditor);
      expect(res.status).toBe(200);
      expect(res.body.nodes.length).toBeGreaterThan(0);
      expect(res.body.nodes[0]).toEqual(expect.objectContaining({ subject: expect.any(String), role: expect.any(String), recordType: expect.any(String), recordId: expect.any(String), fields: expect.any(Array), at: expect.any(String), operationName: expect.any(String) }));
    });

    it('filters by subject, record, field, operation and time', async () => {
      const bySubject = await get(auditor, `?subject=${prefecture.subject}&first=200`);
      expect(bySubject.body.nodes.length).toBeGreaterThan(0);
      expect(bySubject.body.nodes.every((n: any) => n.subject === prefecture.subject)).toBe(true);

      const person = full.persons.nodes[0];
      const byRecord = await get(auditor, `?recordType=Person&recordId=${person.id}&first=200`);
      expect(byRecord.body.nodes.length).toBeGreaterThan(0);
      expect(byRecord.body.nodes.every((n: any) => n.recordType === 'Person' && n.recordId === person.id)).toBe(true);

      const byField = await get(auditor, '?field=phone&first=200');
      expect(byField.body.nodes.length).toBeGreaterThan(0);
      expect(byField.body.nodes.every((n: any) => n.fields.includes('phone'))).toBe(true);
      expect(byField.body.nodes.length).toBeLessThan((await get(auditor, '?first=200')).body.nodes.length);

      const byOperation = await get(auditor, '?operation=Page3');
      expect(byOperation.body.nodes.map((n: any) => [n.operationName, n.recordType, n.fields])).toEqual([['Page3', 'Flat', ['number']], ['Page3', 'Flat', ['number']], ['Page3', 'Flat', ['number']]]);

      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await get(auditor, `?from=${encodeURIComponent(future)}`)).body.nodes).toEqual([]);
      expect((await get(auditor, '?to=2020-01-01')).body.nodes).toEqual([]);
      const recent = await get(auditor, `?operation=Page1&from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(future)}`);
      expect(recent.body.nodes).toHaveLength(5);
    });

    it('shows an auditor only the reads inside their jurisdiction', async () => {
      const suijiangAuditor: Identity = { subject: 'suijiang-auditor', role: Role.AUDITOR, jurisdiction: [DEMO_AREAS.suijiang] };
      const qiaojiaAuditor: Identity = { subject: 'qiaojia-auditor', role: Role.AUDITOR, jurisdiction: [DEMO_AREAS.qiaojia] };
      expect((await get(suijiangAuditor, '?operation=ThreeIds')).body.nodes).toEqual([]);
      expect((await get(qiaojiaAuditor, '?operation=ThreeIds')).body.nodes).toHaveLength(3);
    });

    it('shows an auditor only the records of one request that lie in their jurisdiction', async () => {
      const res = await env.query(prefecture, `query TwoCounties($q: String!, $s: String!) {
        q: persons(first: 2, filter: { areaCode: $q }) { nodes { id idNumber } }
        s: persons(first: 2, filter: { areaCode: $s }) { nodes { id idNumber } } }`, { q: DEMO_AREAS.qiaojia, s: DEMO_AREAS.suijiang });
      const ids = (alias: 'q' | 's') => res.data[alias].nodes.map((p: { id: string }) => p.id).sort();
      expect([ids('q').length, ids('s').length]).toEqual([2, 2]);
      const seen = async (jurisdiction: string[]) => (await get({ subject: `auditor-${jurisdiction.join('-')}`, role: Role.AUDITOR, jurisdiction }, '?operation=TwoCounties')).body.nodes;
      const qiaojiaSeen = await seen([DEMO_AREAS.qiaojia]);
      const suijiangSeen = await seen([DEMO_AREAS.suijiang]);
      expect(qiaojiaSeen.map((n: any) => n.recordId).sort()).toEqual(ids('q'));
      expect(suijiangSeen.map((n: any) => n.recordId).sort()).toEqual(ids('s'));
      expect(qiaojiaSeen.every((n: any) => n.areaCode.startsWith(DEMO_AREAS.qiaojia))).toBe(true);
      // one request, one row: the same request id on both sides
      expect(new Set([...qiaojiaSeen, ...suijiangSeen].map((n: any) => n.requestId)).size).toBe(1);
      expect((await get(auditor, '?operation=TwoCounties')).body.nodes).toHaveLength(4);
      // asked by record, the other county's person is not there either
      expect((await get({ subject: 'qiaojia-auditor', role: Role.AUDITOR, jurisdiction: [DEMO_AREAS.qiaojia] }, `?recordType=Person&recordId=${ids('s')[0]}`)).body.nodes).toEqual([]);
    });

    it('walks every row page by page, newest first, with no gaps or repeats', async () => {
      const all = (await get(auditor, '?first=200')).body.nodes.map((n: any) => n.id);
      expect(all.length).toBeGreaterThan(5);
      expect(all.length).toBeLessThan(200);
      const seen: string[] = [];
      let after = '';
      for (let page = 0; page < 100; page++) {
        const res = await get(auditor, `?first=4${after ? `&after=${after}` : ''}`);
        expect(res.body.nodes.length).toBeLessThanOrEqual(4);
        seen.push(...res.body.nodes.map((n: any) => n.id));
        if (!res.body.pageInfo.hasNextPage) break;
        after = res.body.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);
      const times = (await get(auditor, '?first=200')).body.nodes.map((n: any) => n.at);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it.each([
      ['a malformed time', '?from=yesterday', 'from'],
      ['an empty range', '?from=2026-02-01&to=2026-01-01', 'to'],
      ['a page size of 0', '?first=0', 'first'],
      ['a page size over 200', '?first=201', 'first'],
      ['a forged cursor', '?after=bm9wZQ', 'after'],
      ['a field name with SQL in it', "?field=phone'--", 'field'],
      ['an unknown filter', '?person=1', 'person'],
    ])('answers %s with a coded, bilingual BAD_USER_INPUT naming the parameter', async (_label, query, field) => {
      const res = await get(auditor, query);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.body.errors[0].extensions.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.errors[0].extensions.messageEn).toMatch(/[A-Za-z]/);
    });

    it('refuses every way of changing or deleting the audit', async () => {
      const before = await auditRows().count();
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await fetch(url(), { method, headers: { authorization: `Bearer ${await env.token(auditor)}`, 'content-type': 'application/json' }, body: '{}' });
        expect({ method, status: res.status, allow: res.headers.get('allow') }).toEqual({ method, status: 405, allow: 'GET' });
      }
      expect(await auditRows().count()).toBe(before);
    });
  });
});
