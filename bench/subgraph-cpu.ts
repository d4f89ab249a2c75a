import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { projectRoot } from '../platform/config';
import { IDENTITY_HEADER, signForwardedIdentity } from '../platform/security/identity';
import { generateKeyMaterial, importKeys } from '../platform/security/keys';
import { cpuMsOf, freePort, sqlStatements, startService } from './processes';

/**
 * `npm run bench:subgraph-cpu -- [--requests 300] [--database-url postgres://…/bench] [--profile <folder>]`:
 * the households subgraph alone, in its own process on a database holding the full demo (the one
 * `npm run bench` loads), sent the households part of two scenarios one request after another,
 * as the gateway would send it (an identity signed every 5 s, as the gateway keeps one per
 * caller): deep (50 households of a community with head and members, cycling through the
 * communities) and lookup (a person by ID number with the household and its members). Prints the
 * subgraph's CPU (user + system, /proc) and SQL statements per request: the figures a busy
 * machine moves least, unlike wall times.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const DATABASE_URL = args.get('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const REQUESTS = Number(args.get('requests') ?? 300);
const PROFILE = args.get('profile');

const SCENARIOS = {
  deep: {
    query: `query($area: String!) { households(first: 50, filter: { areaCode: $area }) { nodes { __typename id registryNo relocationMode
      head { __typename id name phone } members { __typename id name idNumber sex age relation } } } }`,
    samples: `SELECT DISTINCT left(area_code, 12) AS value FROM households.household ORDER BY 1`,
    variable: 'area',
  },
  lookup: {
    query: `query($id: String!) { persons(first: 1, filter: { search: $id }) { nodes { __typename id name idNumber
      household { __typename id registryNo head { __typename id name } members { __typename id name relation } } } } }`,
    samples: `SELECT id_number AS value FROM households.person ORDER BY md5(id::text) LIMIT 200`,
    variable: 'id',
  },
};

async function main(): Promise<void> {
  const material = await generateKeyMaterial();
  const keys = await importKeys(material);
  const port = await freePort();
  const metricsPort = await freePort();
  const subgraph = await startService(
    'households',
    path.join(projectRoot(), 'dist', 'subgraphs', 'households', 'index.js'),
    { NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL, GATEWAY_PUBLIC_KEY: JSON.stringify(material.gatewayPublicKey), SUBGRAPH_PORT_HOUSEHOLDS: String(port), METRICS_PORT: String(metricsPort) },
    `http://127.0.0.1:${port}/graphql`,
    { nodeArgs: PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROFILE)] : [], metrics: `http://127.0.0.1:${metricsPort}/metrics` },
  );
  const statements = () => sqlStatements([subgraph]);
  let identity = { value: '', at: 0 };
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  console.log(`npm run bench:subgraph-cpu — ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    for (const [name, scenario] of Object.entries(SCENARIOS)) {
      const values = (await client.query<{ value: string }>(scenario.samples)).rows.map((r) => r.value);
      const send = async (i: number) => {
        if (Date.now() - identity.at > 5000) identity = { value: await signForwardedIdentity(DEMO_IDENTITIES.prefecture, keys.gatewayPrivate!, 60, keys.gatewayKid), at: Date.now() };
        const res = await fetch(subgraph.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity.value },
          body: JSON.stringify({ query: scenario.query, variables: { [scenario.variable]: values[i % values.length] } }),
        });
        const body = (await res.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors).slice(0, 300)}`);
      };
      for (let i = 0; i < 30; i++) await send(i); // warm-up
      const before = { cpu: cpuMsOf(subgraph.process.pid!), statements: await statements(), at: Date.now() };
      for (let i = 0; i < REQUESTS; i++) await send(i);
      const cpu = (cpuMsOf(subgraph.process.pid!) - before.cpu) / REQUESTS;
      const sql = ((await statements()) - before.statements) / REQUESTS;
      console.log(`${name.padEnd(7)} households CPU ${cpu.toFixed(2)} ms/request, ${sql.toFixed(2)} SQL statements/request, wall ${((Date.now() - before.at) / REQUESTS).toFixed(1)} ms/request (${REQUESTS} requests, ${values.length} variants), load ${os.loadavg()[0].toFixed(1)}`);
    }
  } finally {
    await client.end();
    subgraph.process.kill('SIGTERM');
    await new Promise((resolve) => subgraph.process.once('exit', resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
