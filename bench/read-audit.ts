import { randomUUID } from 'node:crypto';
import 'reflect-metadata';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { auditPartitions } from '../gateway/audit/read-audit.partitions';
import { findFullReads, writeFullReads } from '../gateway/audit/read-audit.store';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadDemo } from '../scripts/demo';
import { SUBGRAPH_MODULES } from '../scripts/subgraphs';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import { loadConfig } from '../platform/config';
import { openPGlite } from '../platform/db/data-source';
import { signUserToken } from '../platform/security/identity';
import { generateKeyMaterial, importKeys } from '../platform/security/keys';
import { Scope } from '../platform/security/scope';

/**
 * `npm run bench:audit`: the read audit's size and the auditor's questions.
 *
 * 1. `--requests` (1,000) county-officer requests of 50 households (the `deep` scenario's query
 *    over the county) through the real gateway over the four subgraphs, on the embedded engine
 *    with the small demo (`--scale`, 0.02): audit rows and bytes (pg_total_relation_size over the
 *    partitions), beside what the same reads took as one row per record (the shape before).
 * 2. `--records` (10,000,000) records read, generated set-based on PostgreSQL (`--database-url`,
 *    default postgres://postgres@127.0.0.1:5432/test) in a throwaway schema, dropped after: the
 *    time of "who read this person's ID number in March" and "what did this subject read today"
 *    through the API's own query (gateway/audit/read-audit.store.ts), `--runs` (20) each.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const REQUESTS = Number(args.get('requests') ?? 1000);
const SCALE = Number(args.get('scale') ?? 0.02);
const RECORDS = Number(args.get('records') ?? 10_000_000);
const RUNS = Number(args.get('runs') ?? 20);
const DATABASE_URL = args.get('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONCURRENCY = 4;

const COUNTY_REQUEST = `query Deep($area: String!) { households(first: 50, filter: { areaCode: $area }) { nodes {
  registryNo relocationMode head { name phone }
  allocations { allocatedArea occupancyStatus flat { number site { name } } }
  gridUnit { name } pairedCadres { name workUnit }
  members { name idNumber sex age relation labourStatus { status } currentPlacement { type monthlyWage } } } } }`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const schemaOf = (ds: DataSource) => `"${(ds.options as { schema?: string }).schema}"`;

/** Rows and bytes of the read audit's partitions (table, TOAST and indexes). */
async function auditSize(ds: DataSource): Promise<{ rows: number; records: number; bytes: number }> {
  const parts = await auditPartitions(ds);
  let bytes = 0;
  for (const part of parts) bytes += Number((await ds.query(`SELECT pg_total_relation_size('${schemaOf(ds)}."${part}"') AS b`))[0].b);
  const [{ rows, records }] = await ds.query(`SELECT count(*) AS rows, coalesce(sum(cardinality(records)), 0) AS records FROM ${schemaOf(ds)}.read_audit`);
  return { rows: Number(rows), records: Number(records), bytes };
}

/** The same reads as one row per record with the indexes it had (the shape before), for comparison. */
async function perRecordSize(ds: DataSource): Promise<number> {
  const s = schemaOf(ds);
  await ds.query(`CREATE TABLE ${s}.bench_per_record AS SELECT (row_number() OVER ())::bigint AS id, at, request_id, subject::varchar(128), role::varchar(24), client_id, client_name::varchar(64),
    operation_name::varchar(128), client_address::varchar(64), record_type::varchar(64), record_id::varchar(64), area_code::varchar(15), fields::varchar(64)[] FROM ${s}.read_audit_record`);
  await ds.query(`ALTER TABLE ${s}.bench_per_record ADD PRIMARY KEY (id)`);
  await ds.query(`CREATE INDEX ON ${s}.bench_per_record (record_type, record_id, id)`);
  await ds.query(`CREATE INDEX ON ${s}.bench_per_record (subject, id)`);
  await ds.query(`CREATE INDEX ON ${s}.bench_per_record (at)`);
  const bytes = Number((await ds.query(`SELECT pg_total_relation_size('${s}.bench_per_record') AS b`))[0].b);
  await ds.query(`DROP TABLE ${s}.bench_per_record`);
  return bytes;
}

async function throughTheGateway() {
  const engine = { kind: 'pglite' as const, db: await openPGlite() };
  const databases = [];
  for (const module of SUBGRAPH_MODULES) databases.push(await module.openDatabase(engine));
  await loadDemo(SUBGRAPH_MODULES, databases, { scale: SCALE });
  const keys = await importKeys(await generateKeyMaterial());
  const running = [];
  for (const [i, module] of SUBGRAPH_MODULES.entries()) running.push(await module.serve(databases[i], { gatewayPublicKey: keys.gatewayPublic }));
  const clients = (await openGatewayDatabase(engine)).dataSource;
  const gateway = await startGateway({
    clients,
    supergraphSdl: loadSupergraph(loadConfig()).sdl,
    subgraphUrls: Object.fromEntries(running.map((r) => [r.name, r.url])),
    keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
  });
  try {
    const token = await signUserToken(DEMO_IDENTITIES.qiaojia, keys.tokenPrivate!, 3600);
    let households = 0;
    let next = 0;
    const t0 = Date.now();
    const worker = async () => {
      while (next < REQUESTS) {
        next++;
        const res = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: COUNTY_REQUEST, variables: { area: DEMO_AREAS.qiaojia } }) });
        const body = (await res.json()) as { data?: { households: { nodes: unknown[] } }; errors?: unknown[] };
        if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
        households = body.data.households.nodes.length;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - t0) / 1000;
    const size = await auditSize(clients);
    const before = await perRecordSize(clients);
    const per1000 = (n: number) => (n * 1000) / REQUESTS;
    console.log(`\n1. ${REQUESTS} county-officer requests of ${households} households through the gateway (PGlite, demo scale ${SCALE}, ${seconds.toFixed(0)} s)`);
    console.log(`   records read per request       ${(size.records / REQUESTS).toFixed(1)}`);
    console.log(`   per 1,000 requests, now        ${per1000(size.rows)} rows, ${mb(per1000(size.bytes))} (${size.bytes} bytes over ${(await auditPartitions(clients)).length} partitions)`);
    console.log(`   per 1,000 requests, per record ${per1000(size.records)} rows, ${mb(per1000(before))}`);
    return { recordsPerRequest: size.records / REQUESTS };
  } finally {
    await gateway.close();
    for (const r of running) await r.close();
    for (const db of databases) await db.dataSource.destroy();
    await clients.destroy();
    await engine.db.close();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function atTenMillion(recordsPerRequest: number) {
  const schema = `bench_audit_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const audit = (await openGatewayDatabase({ kind: 'postgres', url: DATABASE_URL }, { schema })).dataSource;
  const s = `"${schema}"`;
  try {
    const requests = Math.round(RECORDS / recordsPerRequest);
    const PERSONS = 300_000;
    const SUBJECTS = 200;
    console.log(`\n2. ${RECORDS.toLocaleString('en')} records read in ${requests.toLocaleString('en')} requests of 50 households (${recordsPerRequest.toFixed(0)} records each on average) over 2026, ${PERSONS.toLocaleString('en')} persons, ${SUBJECTS} subjects (PostgreSQL, schema ${schema})`);
    for (let month = 1; month <= 12; month++) await audit.query(`SELECT ${s}.read_audit_add_month($1)`, [`2026-${String(month).padStart(2, '0')}-15T12:00:00+08:00`]);
    const t0 = Date.now();
    // a request reads a run of neighbouring persons (a community's households): ID number and, for most, the phone
    await audit.query(
      `INSERT INTO ${s}.read_audit (at, request_id, subject, role, operation_name, client_address, records, area_codes, fields)
       SELECT r.at, gen_random_uuid(), 'officer-' || r.subject, 'COUNTY_OFFICER', 'Deep', '10.0.0.' || r.subject % 250,
         array(SELECT 'Person:' || md5(((r.first + k) % ${PERSONS})::text)::uuid FROM generate_series(1, r.size) k),
         array(SELECT '5306' || lpad((((r.first + k) % ${PERSONS}) / 60)::text, 8, '0') FROM generate_series(1, r.size) k),
         array(SELECT CASE WHEN (r.first + k) % 4 = 0 THEN 'idNumber' ELSE 'idNumber,phone' END FROM generate_series(1, r.size) k)
       FROM (SELECT g, timestamptz '2026-01-01 00:00+08' + random() * interval '365 days' AS at, (random() * ${SUBJECTS - 1})::int AS subject,
               (random() * ${PERSONS})::int AS first, greatest(1, round(${recordsPerRequest} * (0.5 + random())))::int AS size
             FROM generate_series(1, ${requests}) g) r`,
    );
    await audit.query(`ANALYZE ${s}.read_audit`);
    const size = await auditSize(audit);
    console.log(`   generated in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${size.rows.toLocaleString('en')} rows, ${size.records.toLocaleString('en')} records, ${mb(size.bytes)}`);

    // the write a request makes, into the month now holding a tenth of the records
    const writes: number[] = [];
    for (let i = 0; i < RUNS * 5; i++) {
      const reads = Array.from({ length: Math.round(recordsPerRequest) }, (_, k) => ({ type: 'Person', id: randomUUID(), areaCode: '530622001001', fields: k % 4 ? ['idNumber', 'phone'] : ['idNumber'] }));
      const t = performance.now();
      await writeFullReads(audit, { identity: DEMO_IDENTITIES.qiaojia, operationName: 'Deep', clientAddress: '10.0.0.1' }, reads);
      writes.push(performance.now() - t);
    }
    writes.sort((a, b) => a - b);
    console.log(`   ${'one request written (INSERT of one row)'.padEnd(52)} p50 ${percentile(writes, 50).toFixed(1).padStart(6)} ms  max ${writes[writes.length - 1].toFixed(1).padStart(6)} ms`);
    const prefecture = Scope.of(DEMO_IDENTITIES.auditor);
    const time = async (label: string, filter: (i: number) => Parameters<typeof findFullReads>[2]) => {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        found += (await findFullReads(audit, prefecture, filter(i))).rows.length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`   ${label.padEnd(52)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  max ${times[times.length - 1].toFixed(1).padStart(6)} ms  (${(found / RUNS).toFixed(1)} records found on average)`);
    };
    const persons = Array.from({ length: RUNS }, (_, i) => ((i + 1) * 7919) % PERSONS);
    const personKeys: string[] = (await audit.query(`SELECT md5(n::text)::uuid::text AS id FROM unnest($1::int[]) n`, [persons])).map((r: { id: string }) => r.id);
    await time('who read this person’s ID number in March', (i) => ({ recordType: 'Person', recordId: personKeys[i], field: 'idNumber', from: new Date('2026-03-01T00:00:00+08:00'), to: new Date('2026-04-01T00:00:00+08:00'), first: 200 }));
    await time('what did this subject read today (first page of 200)', (i) => ({ subject: `officer-${(i * 37) % SUBJECTS}`, from: new Date('2026-06-15T00:00:00+08:00'), to: new Date('2026-06-16T00:00:00+08:00'), first: 200 }));
    const plan = async (sql: string) => (await audit.query(`EXPLAIN ${sql}`)).map((r: Record<string, string>) => Object.values(r)[0]).filter((l: string) => /Scan|Append/.test(l)).map((l: string) => l.trim().replace(/\s+\(cost.*$/, ''));
    console.log('   plans:');
    for (const line of await plan(`SELECT * FROM ${s}.read_audit WHERE records @> ARRAY['Person:${personKeys[0]}'] AND at >= '2026-03-01T00:00:00+08:00' AND at < '2026-04-01T00:00:00+08:00'`)) console.log(`     who read:  ${line}`);
    for (const line of await plan(`SELECT * FROM ${s}.read_audit WHERE subject = 'officer-7' AND at >= '2026-06-15T00:00:00+08:00' AND at < '2026-06-16T00:00:00+08:00'`)) console.log(`     what read: ${line}`);
  } finally {
    await audit.destroy();
    if (args.get('keep') === 'yes') return console.log(`   kept schema ${schema}`);
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA ${s} CASCADE`);
    await client.end();
  }
}

async function main() {
  // `--records-per-request N` skips the gateway run and generates requests of N records on average
  const given = args.get('records-per-request');
  const { recordsPerRequest } = given ? { recordsPerRequest: Number(given) } : await throughTheGateway();
  await atTenMillion(recordsPerRequest);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
