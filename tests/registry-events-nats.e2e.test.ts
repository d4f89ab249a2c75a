import { connect, headers, type JetStreamManager, type NatsConnection } from 'nats';
import pg from 'pg';
import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { startGateway } from '../gateway/server';
import { loadSupergraph } from '../gateway/supergraph';
import { loadConfig } from '../platform/config';
import { HEADER_PREVIOUS, streamNames } from '../platform/events/jetstream';
import { resetProjection } from '../platform/events/projection';
import { registryEventStatus, type ConsumerStatus } from '../platform/events/event-status';
import { startNatsDelivery } from '../platform/events/nats-delivery';
import type { Listening } from '../platform/server/http';
import { signUserToken, type Identity } from '../platform/security/identity';
import { generateKeyMaterial, importKeys, type Keys } from '../platform/security/keys';
import { employmentModule } from '../subgraphs/employment/module';
import { generateEmploymentDemo } from '../subgraphs/employment/demo/generator';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { generateLandHousingData } from '../subgraphs/land-housing/demo/generator';
import { landHousingModule } from '../subgraphs/land-housing/module';
import { engines } from './environment';
import { demoRegistry, restorePostgres } from './seeds';
import { freePort, startProcess, stopProcess, type PlatformProcess } from './support/processes';

const { prefecture, qiaojia, suijiang } = DEMO_IDENTITIES;
const SCALE = 0.005;
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const CONSUMERS = [landHousingModule, employmentModule];
const SCHEMA: Record<string, string> = { 'land-housing': 'land_housing', employment: 'employment' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Registry events between processes, as docker-compose runs them: households, land-housing and
 * employment each their own process on one PostgreSQL database, the relay and the durable
 * consumers on the NATS JetStream server, the real gateway in front. The stream is this run's
 * own and is deleted at the end.
 */
describe('registry events between processes (NATS JetStream, PostgreSQL)', () => {
  if (!engines('the subgraphs run as separate processes on one PostgreSQL database').includes('postgres')) {
    it('runs where PostgreSQL is reachable (not here: TEST_POSTGRES=0)', () => expect(process.env.TEST_POSTGRES).toBe('0'));
    return;
  }
  const stream = `T${Date.now()}_${process.pid}`;
  const names = streamNames(stream);
  let database: { url: string; drop(): Promise<void> };
  let sql: pg.Pool;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let keys: Keys;
  let material: Awaited<ReturnType<typeof generateKeyMaterial>>;
  let gateway: Listening;
  let data: DemoData;
  const processes: Record<string, PlatformProcess> = {};
  const ports: Record<string, number> = {};

  async function start(name: string): Promise<void> {
    const variable = name.toUpperCase().replace(/-/g, '_');
    processes[name] = startProcess(`subgraphs/${name}/index.ts`, {
      DATABASE_URL: database.url,
      GATEWAY_PUBLIC_KEY: JSON.stringify(material.gatewayPublicKey),
      [`SUBGRAPH_PORT_${variable}`]: String(ports[name]),
      EVENTS_TRANSPORT: 'nats',
      NATS_URL,
      NATS_STREAM: stream,
    });
    await processes[name].waitFor((l) => l.msg === 'ready');
  }

  async function query(as: Identity, document: string, variables?: Record<string, unknown>): Promise<any> {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signUserToken(as, keys.tokenPrivate!, 600)}` },
      body: JSON.stringify({ query: document, variables }),
    });
    return res.json();
  }

  const one = async (q: string, params: unknown[] = []) => (await sql.query(q, params)).rows[0];
  const position = async (name: string) => Number((await one(`SELECT sequence FROM ${SCHEMA[name]}.registry_position`)).sequence);
  const outboxHead = async () => Number((await one(`SELECT coalesce(max(sequence), 0) AS s FROM households.registry_event`)).s);
  /** Polls (generous deadline: a busy machine only makes it slower) until `done`; returns the milliseconds it took. */
  async function until(what: string, done: () => Promise<boolean>, deadlineMs = 300_000): Promise<number> {
    const started = Date.now();
    while (!(await done())) {
      if (Date.now() - started > deadlineMs) {
        const problems = Object.entries(processes).flatMap(([name, p]) => p.lines.filter((l) => l.level !== 'info').slice(-3).map((l) => `${name}: ${JSON.stringify(l).slice(0, 600)}`));
        throw new Error(`not reached in ${deadlineMs} ms: ${what}\n${problems.join('\n')}`);
      }
      await sleep(25);
    }
    return Date.now() - started;
  }
  /** Every consumer has applied the whole outbox and acknowledged every message in the stream. */
  async function settled(consumers = CONSUMERS.map((m) => m.name)): Promise<void> {
    await until('the projections applied the outbox', async () => {
      const head = await outboxHead();
      for (const name of consumers) {
        if ((await position(name)) < head) return false;
        const info = await jsm.consumers.info(stream, names.durable(name));
        if (info.num_pending + info.num_ack_pending > 0) return false;
      }
      return true;
    });
  }

  /** The registry's facts (households and persons) as text. */
  async function registry(): Promise<{ households: string; persons: string }> {
    const h = await one(`SELECT md5(string_agg(concat_ws(',', id, area_code, county_code, status), '|' ORDER BY id)) AS h FROM households.household`);
    const p = await one(`SELECT md5(string_agg(concat_ws(',', p.id, p.household_id, h.area_code, h.county_code, p.birth_date, p.status), '|' ORDER BY p.id)) AS h
                           FROM households.person p JOIN households.household h ON h.id = p.household_id`);
    return { households: h.h, persons: p.h };
  }
  /** A projection's facts, in the registry's form. */
  async function projected(name: string): Promise<{ households: string; persons: string }> {
    const s = SCHEMA[name];
    const h = await one(`SELECT md5(string_agg(concat_ws(',', id, area_code, county_code, status), '|' ORDER BY id)) AS h FROM ${s}.household_ref`);
    const p = await one(`SELECT md5(string_agg(concat_ws(',', id, household_id, area_code, county_code, birth_date, status), '|' ORDER BY id)) AS h FROM ${s}.person_ref`);
    return { households: h.h, persons: p.h };
  }
  /** The projection and the area of every record that follows it. */
  async function fingerprint(name: string): Promise<string> {
    const module = CONSUMERS.find((m) => m.name === name)!;
    const parts = [JSON.stringify(await projected(name))];
    for (const { table } of module.projection!.householdRecords) {
      parts.push((await one(`SELECT md5(coalesce(string_agg(concat_ws(',', id, area_code, county_code), '|' ORDER BY id), '')) AS h FROM ${SCHEMA[name]}.${table}`)).h);
    }
    return parts.join(' ');
  }

  beforeAll(async () => {
    database = await restorePostgres(SCALE);
    sql = new pg.Pool({ connectionString: database.url, max: 2 });
    data = await demoRegistry(SCALE);
    nc = await connect({ servers: NATS_URL });
    jsm = await nc.jetstreamManager();
    material = await generateKeyMaterial();
    keys = await importKeys(material);
    for (const name of ['households', 'land-housing', 'employment']) ports[name] = await freePort();
    // one after the other: each migrates (nothing to do on the seed) before it serves
    for (const name of ['households', 'land-housing', 'employment']) await start(name);
    const urls = Object.keys(loadSupergraph(loadConfig()).subgraphUrls);
    gateway = await startGateway({
      supergraphSdl: loadSupergraph(loadConfig()).sdl,
      subgraphUrls: Object.fromEntries(urls.map((n) => [n, ports[n] ? `http://127.0.0.1:${ports[n]}/graphql` : 'http://127.0.0.1:9/graphql'])),
      keys: { tokenPublic: keys.tokenPublic, gatewayPrivate: keys.gatewayPrivate!, gatewayKid: keys.gatewayKid },
    });
    // the relay publishes the demo's registration events into the new stream; the consumers had applied them in the seed
    await settled();
  });
  afterAll(async () => {
    await gateway?.close();
    for (const p of Object.values(processes)) await stopProcess(p);
    await jsm?.streams.delete(stream).catch(() => undefined);
    await nc?.close();
    await sql?.end();
    await database?.drop();
  });

  it('a Wenbi household moved to Suijiang through the gateway: its land and employment records leave the Qiaojia officer and reach the Suijiang officer', async () => {
    const land = generateLandHousingData(data, { scale: SCALE });
    const employment = generateEmploymentDemo(data, { scale: SCALE });
    const household = data.households.find((h) => h.area_code.startsWith(DEMO_AREAS.wenbi)
      && land.parcels.some((p) => p.household_id === h.id) && employment.income_survey.some((s) => s.household_id === h.id))!;
    expect(household).toBeDefined();
    const COUNTS = `query ($h: ID!) { parcels: landParcels(filter: { householdId: $h }) { totalCount } incomes: incomeSurveys(filter: { householdId: $h }) { totalCount } }`;
    const counts = async (as: Identity) => {
      const res = await query(as, COUNTS, { h: household.id });
      expect(res.errors).toBeUndefined();
      return { parcels: res.data.parcels.totalCount as number, incomes: res.data.incomes.totalCount as number };
    };
    const before = await counts(qiaojia);
    expect(before.parcels).toBeGreaterThan(0);
    expect(before.incomes).toBeGreaterThan(0);
    expect(await counts(suijiang)).toEqual({ parcels: 0, incomes: 0 });

    const target = data.areas.find((a) => a.level === 'GROUP' && a.county_code === DEMO_AREAS.suijiang)!.code;
    const started = Date.now();
    const moved = await query(prefecture, `mutation ($input: MoveHouseholdInput!) { moveHousehold(input: $input) { countyCode } }`, {
      input: { householdId: household.id, areaCode: target, reason: 'RESETTLEMENT_ADJUSTED', movedOn: '2024-06-01' },
    });
    expect(moved.errors).toBeUndefined();
    const committed = Date.now() - started;
    await until('the move reached both officers', async () => {
      const q = await counts(qiaojia);
      const s = await counts(suijiang);
      return q.parcels === 0 && q.incomes === 0 && s.parcels === before.parcels && s.incomes === before.incomes;
    });
    const visible = Date.now() - started;
    console.log(`move → visible to both officers through the gateway: ${visible} ms (mutation answered after ${committed} ms; load ${require('node:os').loadavg()[0].toFixed(1)})`);
    await settled();
    for (const m of CONSUMERS) expect(await projected(m.name)).toEqual(await registry());
  });

  it('a consumer stopped (its process killed) during 1,000 registry changes catches up when it starts: its projection equals the registry', async () => {
    await settled();
    await stopProcess(processes.employment);
    const before = await position('employment');
    // 50 households moved 20 times each, between a group of their county and their own, through the gateway
    const chosen = data.households.filter((h) => h.status !== 'CANCELLED').slice(0, 50);
    // two groups of the household's county other than its own: it ends in neither the area it had nor the first
    const groupsElsewhere = (h: DemoData['households'][number]) => data.areas.filter((a) => a.level === 'GROUP' && a.county_code === h.county_code && a.code !== h.area_code).slice(0, 2).map((a) => a.code);
    let changes = 0;
    await Promise.all(chosen.map(async (h) => {
      const elsewhere = groupsElsewhere(h);
      for (let i = 0; i < 20; i++) {
        const res = await query(prefecture, `mutation ($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }`, {
          input: { householdId: h.id, areaCode: i % 2 === 0 ? elsewhere[0] : elsewhere[1], reason: 'RESETTLEMENT_ADJUSTED', movedOn: '2025-03-01' },
        });
        expect(res.errors).toBeUndefined();
        changes++;
      }
    }));
    expect(changes).toBe(1000);
    expect(await outboxHead()).toBeGreaterThanOrEqual(before + 1000);
    // the other consumer kept up; the stopped one has not moved
    await settled(['land-housing']);
    expect(await position('employment')).toBe(before);
    expect(await projected('employment')).not.toEqual(await registry());

    await start('employment');
    const caughtUp = await until('employment caught up', async () => (await position('employment')) >= (await outboxHead()));
    console.log(`employment restarted: 1,000 changes applied ${caughtUp} ms after it was ready`);
    await settled();
    const truth = await registry();
    for (const m of CONSUMERS) expect(await projected(m.name)).toEqual(truth);
    // every record of the moved households follows its household's area
    for (const m of CONSUMERS) {
      for (const { table, column = 'household_id' } of m.projection!.householdRecords) {
        const s = SCHEMA[m.name];
        const off = await one(`SELECT count(*)::int AS n FROM ${s}.${table} t JOIN ${s}.household_ref r ON r.id = t.${column} WHERE t.area_code <> r.area_code OR t.county_code <> r.county_code`);
        expect({ table, off: off.n }).toEqual({ table, off: 0 });
      }
    }
  });

  it('a replay from sequence 0 through the stream (projection reset, durable consumer deleted) rebuilds the same projection', async () => {
    await settled();
    const live = await fingerprint('employment');
    await stopProcess(processes.employment);
    const owner = await employmentModule.openDatabase({ kind: 'postgres', url: database.url });
    try {
      await resetProjection(owner.dataSource);
    } finally {
      await owner.dataSource.destroy();
    }
    expect(await position('employment')).toBe(0);
    await jsm.consumers.delete(stream, names.durable('employment'));
    await start('employment');
    await settled();
    expect(await fingerprint('employment')).toBe(live);
  });

  it('duplicated deliveries change nothing: a republish with the same message id is dropped by the stream, one with a new id is skipped by sequence', async () => {
    await settled();
    const before = Object.fromEntries(await Promise.all(CONSUMERS.map(async (m) => [m.name, { fingerprint: await fingerprint(m.name), position: await position(m.name) }])));
    const info = await jsm.streams.info(stream);
    const js = nc.jetstream();
    let dropped = 0;
    let stored = 0;
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const msg = await jsm.streams.getMessage(stream, { seq });
      const h = headers();
      h.set(HEADER_PREVIOUS, msg.header.get(HEADER_PREVIOUS));
      const id = msg.header.get('Nats-Msg-Id');
      // the same id within the duplicate window: the server keeps one copy
      if ((await js.publish(names.subject, msg.data, { msgID: id, headers: h })).duplicate) dropped++;
      // as a relay that lost its duplicate window would send it: stored, delivered, skipped by sequence
      if (!(await js.publish(names.subject, msg.data, { msgID: `again-${id}`, headers: h })).duplicate) stored++;
    }
    const count = info.state.last_seq - info.state.first_seq + 1;
    expect(count).toBeGreaterThan(1000);
    expect({ dropped, stored }).toEqual({ dropped: count, stored: count });
    await settled();
    for (const m of CONSUMERS) expect({ fingerprint: await fingerprint(m.name), position: await position(m.name) }).toEqual(before[m.name]);
  });

  it('reports, per consumer, the last sequence applied, the events waiting and the lag of the last one applied', async () => {
    await settled();
    await stopProcess(processes.employment);
    const chosen = data.households.filter((h) => h.status !== 'CANCELLED').slice(60, 63);
    for (const h of chosen) {
      const to = data.areas.find((a) => a.level === 'GROUP' && a.county_code === h.county_code && a.code !== h.area_code)!.code;
      const res = await query(prefecture, `mutation ($input: MoveHouseholdInput!) { moveHousehold(input: $input) { id } }`, {
        input: { householdId: h.id, areaCode: to, reason: 'RESETTLEMENT_ADJUSTED', movedOn: '2025-04-01' },
      });
      expect(res.errors).toBeUndefined();
    }
    await settled(['land-housing']);
    const waiting = await jsm.consumers.info(stream, names.durable('employment'));
    expect(waiting.num_pending + waiting.num_ack_pending).toBe(3);

    // employment's consumer, in this process this time, so that its figures can be read here
    const owner = await employmentModule.openDatabase({ kind: 'postgres', url: database.url });
    const delivery = (await startNatsDelivery([employmentModule], [owner], { transport: 'nats', natsUrl: NATS_URL, stream }))!;
    try {
      const mine = async () => (await registryEventStatus()).find((x): x is ConsumerStatus => x.role === 'consumer' && x.name === 'employment')!;
      const head = await outboxHead();
      await until('the figures show employment caught up', async () => {
        const status = await mine();
        return status.appliedSequence === head && status.pendingEvents === 0;
      });
      const status = await mine();
      expect(status.lastLagMs).toBeGreaterThan(0);
      expect(await position('employment')).toBe(head);
    } finally {
      await delivery.stop();
      await owner.dataSource.destroy();
    }
    expect(await registryEventStatus()).toEqual([]);
  });
});
