import type { DataSource } from 'typeorm';
import { schemaName } from '../platform/db/data-source';
import { catchUp } from '../platform/events/in-process';
import { outboxHead } from '../platform/events/outbox-reader';
import { adoptDemoProjection } from '../platform/events/projection-demo';
import { projectionPosition, resetProjection } from '../platform/events/projection';
import { employmentModule } from '../subgraphs/employment/module';
import { landHousingModule } from '../subgraphs/land-housing/module';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const SCALE = 0.005;
const CONSUMERS = [landHousingModule, employmentModule];

/**
 * The demo seed's projections are not built by replaying the registry's demo events but loaded
 * from the same snapshot and adopted (`adoptDemoProjection`): this proves they are exactly what
 * the registry says and what replaying its outbox from 0 gives, and that a projection that
 * differs from the outbox is never adopted.
 */
describe.each(engines('the projections are adopted by one statement over two schemas as the owner, beside row-level security'))('the demo projections equal the registry (%s)', (engine) => {
  let env: TestEnvironment;
  const db = (name: string) => env.subgraphs[name].dataSource;

  /** The projection's facts (not the rows' sequences) and the area of every record that follows a household, as text. */
  async function fingerprint(consumer: DataSource, records: string[]): Promise<string> {
    const s = `"${schemaName(consumer)}"`;
    const parts = [];
    for (const [table, columns] of [['household_ref', 'id, area_code, county_code, status'], ['person_ref', 'id, household_id, area_code, county_code, birth_date, status'], ...records.map((t) => [t, 'id, area_code, county_code'])]) {
      const [row] = await consumer.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM (SELECT ${columns} FROM ${s}.${table}) x`);
      parts.push(`${table}:${row.n}:${row.h}`);
    }
    return parts.join(' ');
  }

  beforeAll(async () => {
    ({ env } = await startPlatform(engine, SCALE, ['households', 'land-housing', 'employment']));
  });
  afterAll(() => env?.close());

  it.each(CONSUMERS.map((m) => [m.name, m] as const))('%s: at the outbox head in the seed, its facts those of the registry tables', async (name) => {
    const head = await outboxHead(db('households'));
    expect(head).toBeGreaterThan(0);
    expect(await projectionPosition(db(name))).toBe(head);
    const h = `"${schemaName(db('households'))}"`;
    const s = `"${schemaName(db(name))}"`;
    const [differ] = await db(name).query(`
      SELECT (SELECT count(*) FROM ${h}.household x FULL JOIN ${s}.household_ref r ON r.id = x.id
               WHERE x.id IS NULL OR r.id IS NULL OR (r.area_code, r.county_code, r.status) IS DISTINCT FROM (x.area_code, x.county_code, x.status::text))::int AS households,
             (SELECT count(*) FROM ${h}.person x JOIN ${h}.household xh ON xh.id = x.household_id FULL JOIN ${s}.person_ref r ON r.id = x.id
               WHERE x.id IS NULL OR r.id IS NULL
                  OR (r.household_id, r.area_code, r.county_code, r.birth_date, r.status) IS DISTINCT FROM (x.household_id, xh.area_code, xh.county_code, x.birth_date, x.status::text))::int AS persons,
             (SELECT count(*) FROM ${s}.person_ref)::int AS rows`);
    expect(differ).toEqual({ households: 0, persons: 0, rows: expect.any(Number) });
    expect(differ.rows).toBeGreaterThan(0);
  });

  it.each(CONSUMERS.map((m) => [m.name, m] as const))('%s: replaying the outbox from 0 gives the same projection and record areas', async (name, module) => {
    const records = module.projection!.householdRecords.map((r) => r.table);
    const adopted = await fingerprint(db(name), records);
    await resetProjection(db(name));
    await catchUp(db('households'), { name, dataSource: db(name), projection: module.projection! });
    expect(await projectionPosition(db(name))).toBe(await outboxHead(db('households')));
    expect(await fingerprint(db(name), records)).toBe(adopted);
  });

  it('a projection that differs from the outbox is not adopted: the events are applied instead', async () => {
    const consumer = db('employment');
    const s = `"${schemaName(consumer)}"`;
    const [person] = await consumer.query(`SELECT id, birth_date FROM ${s}.person_ref ORDER BY id LIMIT 1`);
    await resetProjection(consumer);
    await catchUp(db('households'), { name: 'employment', dataSource: consumer, projection: employmentModule.projection! });
    // the caught-up projection, at position 0 again, with one birth date the registry never said
    await consumer.query(`UPDATE ${s}.person_ref SET birth_date = '1901-01-01', sequence = 0 WHERE id = $1`, [person.id]);
    await consumer.query(`UPDATE ${s}.registry_position SET sequence = 0`);
    expect(await adoptDemoProjection(db('households'), consumer)).toBe(false);
    expect(await projectionPosition(consumer)).toBe(0);
    await consumer.query(`UPDATE ${s}.person_ref SET birth_date = $2 WHERE id = $1`, [person.id, person.birth_date]);
    await consumer.query(`UPDATE ${s}.household_ref SET status = 'CANCELLED' WHERE id = (SELECT household_id FROM ${s}.person_ref WHERE id = $1)`, [person.id]);
    expect(await adoptDemoProjection(db('households'), consumer)).toBe(false);
    await catchUp(db('households'), { name: 'employment', dataSource: consumer, projection: employmentModule.projection! });
    expect(await projectionPosition(consumer)).toBe(await outboxHead(db('households')));
    expect(await consumer.query(`SELECT birth_date FROM ${s}.person_ref WHERE id = $1`, [person.id])).toEqual([{ birth_date: person.birth_date }]);
  });

  it('an equal projection at position 0 is adopted at the head, and is then left alone', async () => {
    const consumer = db('land-housing');
    const s = `"${schemaName(consumer)}"`;
    await consumer.query(`UPDATE ${s}.registry_position SET sequence = 0`);
    expect(await adoptDemoProjection(db('households'), consumer)).toBe(true);
    expect(await projectionPosition(consumer)).toBe(await outboxHead(db('households')));
    expect(await adoptDemoProjection(db('households'), consumer)).toBe(false);
  });
});
