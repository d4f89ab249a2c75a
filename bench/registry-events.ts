import os from 'node:os';
import 'reflect-metadata';
import { connect } from 'nats';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../platform/config';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import { streamNames } from '../platform/events/jetstream';
import type { AppliedBatch } from '../platform/events/nats-consumer';
import { startNatsDelivery, type NatsDelivery } from '../platform/events/nats-delivery';
import { outboxHead } from '../platform/events/outbox-reader';
import { asProjection, projectionPosition } from '../platform/events/projection';
import { registryEventStatus } from '../platform/events/event-status';
import { RegistryEventType } from '../platform/events/registry-event';
import { signalOutbox } from '../platform/events/signal';
import { schemaName } from '../platform/db/data-source';
import { loadDemo } from '../scripts/demo';
import { employmentModule } from '../subgraphs/employment/module';
import { householdsModule } from '../subgraphs/households/module';
import { recordHouseholdEvents } from '../subgraphs/households/services/registry-events';
import { landHousingModule } from '../subgraphs/land-housing/module';

/**
 * `npm run bench:events`: registry events over NATS JetStream on PostgreSQL (`--database-url`,
 * default postgres://postgres@127.0.0.1:5432/test; a throwaway database is created beside it and
 * dropped after) with the demo at `--scale` (0.005) in households, land-housing and employment,
 * the NATS server at NATS_URL (default 127.0.0.1:4222), a stream of the run's own (deleted after).
 *
 * 1. Relay: `--backlog` (20,000) events written to the outbox while nothing relays, then the
 *    relay started: events/s until the stream holds them all. Then one consumer started on that
 *    backlog: events/s applied.
 * 2. Lag under a write load: relay and both consumers running, `--writers` (4) concurrent
 *    registry transactions (a household moved: the row updated, its event written, as
 *    `moveHousehold` does), `--writes` (2,000) in all. Per event and consumer: the writer's
 *    commit → the consumer's apply transaction committed; p50 / p95 / max.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const SCALE = Number(args.get('scale') ?? 0.005);
const BACKLOG = Number(args.get('backlog') ?? 20_000);
const WRITERS = Number(args.get('writers') ?? 4);
const WRITES = Number(args.get('writes') ?? 2000);
const DATABASE_URL = args.get('database-url') ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const cpu = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return `${((u.user + u.system) / 1e6).toFixed(1)} CPU s`;
};
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await sleep(20);
}

async function main() {
  const name = `zrg_bench_events_${process.pid}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const config = { ...loadConfig().events, stream: `BENCH_${process.pid}` };
  const deliveries: NatsDelivery[] = [];
  const opened: OpenDatabase[] = [];
  try {
    const modules = [householdsModule, landHousingModule, employmentModule];
    for (const module of modules) opened.push(await module.openDatabase({ kind: 'postgres', url: url.toString() }));
    await loadDemo(modules, opened, { scale: SCALE });
    const [households, land, employment] = opened.map((o) => o.dataSource);
    const s = `"${schemaName(households)}"`;
    console.log(`registry events over NATS JetStream (${config.natsUrl}), PostgreSQL ${(await admin.query('SHOW server_version')).rows[0].server_version}, demo scale ${SCALE}`);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, node ${process.version}; load average at start ${load()}`);

    // 1. the relay on a backlog
    await asProjection(() => households.query(
      `INSERT INTO ${s}.registry_event (type, household_id, person_id, payload)
       SELECT 'HOUSEHOLD_MOVED', h.id, NULL, jsonb_build_object('household', jsonb_build_object('id', h.id, 'areaCode', h.area_code, 'countyCode', h.county_code, 'status', h.status), 'persons', '[]'::jsonb,
              'fromAreaCode', h.area_code, 'reason', 'RESETTLEMENT_ADJUSTED', 'on', '2025-01-01')
         FROM generate_series(1, $1) g JOIN LATERAL (SELECT * FROM ${s}.household ORDER BY id OFFSET (g % 100) LIMIT 1) h ON true`, [BACKLOG]));
    const head = await outboxHead(households);
    let started = Date.now();
    let cpu0 = process.cpuUsage();
    const relay = (await startNatsDelivery([householdsModule], [opened[0]], config))!;
    deliveries.push(relay);
    await until(async () => (await registryEventStatus()).some((x) => x.role === 'relay' && x.publishedSequence >= head));
    let seconds = (Date.now() - started) / 1000;
    console.log(`relay: ${head} events published in ${seconds.toFixed(1)} s = ${Math.round(head / seconds)} events/s (${cpu(cpu0)} in this process; load ${load()})`);

    started = Date.now();
    cpu0 = process.cpuUsage();
    const consumer = (await startNatsDelivery([employmentModule], [opened[2]], config))!;
    deliveries.push(consumer);
    await until(async () => (await projectionPosition(employment)) >= head);
    seconds = (Date.now() - started) / 1000;
    console.log(`consumer (employment): ${head} events applied in ${seconds.toFixed(1)} s = ${Math.round(head / seconds)} events/s (${cpu(cpu0)}; load ${load()})`);

    // 2. lag under a write load
    const committed = new Map<number, number>();
    const lags: Record<string, number[]> = { 'land-housing': [], employment: [] };
    const record = (batch: AppliedBatch) => {
      for (const seq of batch.sequences) {
        const at = committed.get(seq);
        if (at !== undefined) lags[batch.consumer].push(batch.appliedAt - at);
      }
    };
    await consumer.stop();
    deliveries.pop();
    const consumers = (await startNatsDelivery([landHousingModule, employmentModule], [opened[1], opened[2]], config, { onApplied: record }))!;
    deliveries.push(consumers);
    await until(async () => (await projectionPosition(land)) >= head && (await projectionPosition(employment)) >= head);

    const ids: { id: string; area_code: string; county_code: string }[] = await households.query(`SELECT id, area_code, county_code FROM ${s}.household ORDER BY id LIMIT 200`);
    const groups: { code: string; county_code: string }[] = await households.query(`SELECT code, county_code FROM ${s}.admin_area WHERE level = 'GROUP'`);
    let next = 0;
    started = Date.now();
    cpu0 = process.cpuUsage();
    await Promise.all(Array.from({ length: WRITERS }, async () => {
      while (next < WRITES) {
        const i = next++;
        const h = ids[i % ids.length];
        const sameCounty = groups.filter((g) => g.county_code === h.county_code);
        const to = sameCounty[(i + 1) % sameCounty.length].code;
        const sequence = await move(households, s, h.id, to);
        committed.set(sequence, Date.now());
        signalOutbox(schemaName(households));
      }
    }));
    const writeSeconds = (Date.now() - started) / 1000;
    const last = await outboxHead(households);
    await until(async () => (await projectionPosition(land)) >= last && (await projectionPosition(employment)) >= last);
    console.log(`write load: ${WRITES} moves by ${WRITERS} writers in ${writeSeconds.toFixed(1)} s = ${Math.round(WRITES / writeSeconds)} registry transactions/s (${cpu(cpu0)} writers + relay + consumers; load ${load()})`);
    for (const [consumerName, values] of Object.entries(lags)) {
      const sorted = values.sort((a, b) => a - b);
      console.log(`lag commit → applied, ${consumerName}: p50 ${quantile(sorted, 0.5)} ms, p95 ${quantile(sorted, 0.95)} ms, max ${sorted[sorted.length - 1]} ms (${sorted.length} events)`);
    }
    console.log(`status: ${JSON.stringify(await registryEventStatus())}`);
  } finally {
    for (const d of deliveries.reverse()) await d.stop().catch(() => undefined);
    const nc = await connect({ servers: config.natsUrl });
    await (await nc.jetstreamManager()).streams.delete(streamNames(config.stream).stream).catch(() => undefined);
    await nc.close();
    for (const o of opened) await o.dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** A household moved as `moveHousehold` does it: the row changed and its event written in one transaction; returns the event's sequence. */
async function move(households: DataSource, s: string, id: string, to: string): Promise<number> {
  return asProjection(() => households.transaction(async (m) => {
    const [{ area_code: from }] = await m.query(`SELECT area_code FROM ${s}.household WHERE id = $1 FOR UPDATE`, [id]);
    await m.query(`UPDATE ${s}.household SET area_code = $2 WHERE id = $1`, [id, to]);
    await recordHouseholdEvents(m, RegistryEventType.HOUSEHOLD_MOVED, [id], { withMembers: false, detail: { fromAreaCode: from, reason: 'RESETTLEMENT_ADJUSTED', on: '2025-01-01' } });
    const [{ sequence }] = await m.query(`SELECT max(sequence)::int AS sequence FROM ${s}.registry_event`);
    return sequence;
  }));
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
