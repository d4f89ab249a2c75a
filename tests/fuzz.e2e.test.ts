import fs from 'node:fs';
import path from 'node:path';
import { readCollection } from '../gateway/collection';
import { allowOperations, apiSchemaOf, issueClient } from '../gateway/clients/client-store';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig, projectRoot } from '../platform/config';
import { IDENTITY_HEADER, Role, signForwardedIdentity, signUserToken, type Identity } from '../platform/security/identity';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { TestEnvironment } from './environment';
import { RequestFuzzer, type FuzzRequest } from './fuzz-requests';
import { startPlatform } from './platform';

/**
 * Bounded and deterministic: the same requests on every run (FUZZ_REQUESTS / FUZZ_SEED to explore
 * further). `npm test` sends the first 1,000 of the seed's sequence, `npm run test:full` all 3,000
 * (`fuzz.full.test.ts`).
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS || (process.env.TEST_FULL === '1' ? 3000 : 1000));
const SEED = Number(process.env.FUZZ_SEED || 20240616);

const { prefecture, analyst } = DEMO_IDENTITIES;
const partner: Identity = {
  subject: 'client:fuzz', role: Role.PARTNER, jurisdiction: [DEMO_AREAS.qiaojia], purposes: ['civil-affairs'],
  client: { id: '00000000-0000-4000-8000-00000000f022', name: '巧家县民政局' },
};

/** Where the failing requests are written whole, to replay them (ignored by git). */
const ARTIFACTS = path.join(projectRoot(), 'tests', 'artifacts');

/** What must never reach a client: stack frames, module paths, SQL errors, internal addresses. */
const LEAKS = /\n\s+at |node_modules|syntax error at or near|invalid input syntax|violates|QueryFailedError|ECONNREFUSED|127\.0\.0\.1:\d+/;

interface Outcome {
  status: number;
  codes: string[];
  statements: number;
}

describe('fuzzing the gateway and the subgraphs: no 500, no SQL for a refused request', () => {
  let env: TestEnvironment;
  let apiKey: string;

  beforeAll(async () => {
    ({ env } = await startPlatform('pglite', 0.01));
    const collection = readCollection();
    const client = await issueClient(env.clients, { name: '巧家县民政局', jurisdiction: [DEMO_AREAS.qiaojia], purposes: ['civil-affairs'], ratePerMinute: 1_000_000 });
    await allowOperations(env.clients, client.id, collection.map((e) => ({ name: e.file, text: e.query })), apiSchemaOf(loadSupergraph(loadConfig()).sdl));
    apiKey = client.key;
  }, 180_000);
  afterAll(() => env?.close());

  const statements = () => Object.keys(env.subgraphs).reduce((sum, name) => sum + env.statements(name), 0);

  async function credentialsFor(request: FuzzRequest): Promise<Record<string, string>> {
    const gateway = request.target === 'gateway';
    const as = (identity: Identity, ttl = 60) =>
      gateway
        ? signUserToken(identity, env.keys.tokenPrivate!, ttl).then((t) => ({ authorization: `Bearer ${t}` }))
        : signForwardedIdentity(identity, env.keys.gatewayPrivate!, ttl, env.keys.gatewayKid).then((t) => ({ [IDENTITY_HEADER]: t }));
    switch (request.credentials) {
      case 'officer': return as(prefecture);
      case 'analyst': return as(analyst);
      case 'partner-role': return as(partner);
      case 'expired': return as(prefecture, -10);
      case 'garbage': return gateway ? { authorization: 'Bearer x.y.z' } : { [IDENTITY_HEADER]: 'x.y.z' };
      case 'api-key': return { 'x-api-key': gateway ? apiKey : 'zrg_000000000000_x' };
      default: return {};
    }
  }

  async function send(request: FuzzRequest): Promise<Outcome & { text: string }> {
    const url = new URL(request.target === 'gateway' ? env.gateway.url : env.subgraphs[request.target].url);
    if (request.search) url.search = request.search;
    const before = statements();
    const res = await fetch(url, { method: request.method, headers: { ...request.headers, ...(await credentialsFor(request)) }, body: request.body });
    const text = await res.text();
    let codes: string[] = [];
    try {
      const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
      codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO CODE');
    } catch {
      codes = ['NOT JSON'];
    }
    return { status: res.status, codes, statements: statements() - before, text };
  }

  it(`answers ${REQUESTS} generated requests (seed ${SEED}) without a 500, and refuses without SQL`, async () => {
    const fuzzer = new RequestFuzzer(SEED, { collection: readCollection(), supergraphSdl: loadSupergraph(loadConfig()).sdl, subgraphs: Object.keys(env.subgraphs) });
    const byStatus: Record<number, number> = {};
    const byCode: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    const failures: string[] = [];
    const failed: unknown[] = [];
    let refused = 0;
    let answered = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const request = fuzzer.next();
      const outcome = await send(request);
      byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1;
      for (const code of new Set(outcome.codes)) byCode[code] = (byCode[code] ?? 0) + 1;
      const kind = request.kind.replace(/^(GET|raw body) .*/, '$1');
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      if (outcome.status >= 400) refused++;
      if (outcome.status === 200 && !outcome.codes.length) answered++;
      const problems = [
        outcome.status >= 500 && `HTTP ${outcome.status}`,
        outcome.status >= 400 && outcome.statements > 0 && `${outcome.statements} SQL statements for a refused request`,
        outcome.codes.includes('INTERNAL_SERVER_ERROR') && 'INTERNAL_SERVER_ERROR',
        outcome.codes.some((c) => c === 'NOT JSON' || c === 'NO CODE') && 'an answer without a coded error',
        outcome.status >= 400 && outcome.codes.length === 0 && 'a refusal without an error',
        LEAKS.test(outcome.text) && 'internals in the answer',
      ].filter(Boolean);
      if (problems.length) failed.push({ index: i, problems, request: { ...request, body: request.body === undefined ? undefined : String(request.body instanceof Uint8Array ? Buffer.from(request.body) : request.body) }, answer: outcome.text.slice(0, 2000) });
      if (problems.length && failures.length < 15) {
        const body = request.body === undefined ? '' : String(request.body).slice(0, 400);
        failures.push(`#${i} ${request.kind} → ${request.target} ${request.method}: ${problems.join(', ')}\n  headers ${JSON.stringify(request.headers)} ${request.credentials}\n  ${request.search ?? body}\n  → ${outcome.text.slice(0, 300)}`);
      }
    }
    console.log(
      `fuzz: ${REQUESTS} requests (seed ${SEED}), ${answered} answered without errors, ${refused} refused with 4xx\n` +
        `  status: ${JSON.stringify(byStatus)}\n  codes: ${JSON.stringify(byCode)}\n  kinds: ${JSON.stringify(byKind)}`,
    );
    const report = path.join(ARTIFACTS, 'fuzz-failures.json');
    fs.rmSync(report, { force: true });
    if (failed.length) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(report, JSON.stringify(failed, null, 2));
    }
    expect(failures).toEqual([]);
    // the run tried both sides: requests answered and requests refused
    expect(answered).toBeGreaterThan(REQUESTS / 20);
    expect(refused).toBeGreaterThan(REQUESTS / 4);
  }, 900_000);
});
