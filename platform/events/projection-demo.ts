import type { DataSource, EntityManager } from 'typeorm';
import { copyRows } from '../db/bulk-copy';
import { schemaName } from '../db/data-source';
import type { RegistrySnapshot } from '../demo/registry-snapshot';
import type { OpenDatabase, SubgraphModule } from '../server/subgraph-module';
import { asProjection, STREAM } from './projection';
import { OUTBOX_TABLE } from './registry-event';

/**
 * A demo load's projection, from the same registry snapshot the households subgraph loads
 * (at sequence 0: `adoptDemoProjection` then finds it equal to what the registration events the
 * registry wrote for it would make it, and marks it applied up to them). Call inside the demo
 * load's transaction.
 */
export async function loadDemoProjection(manager: EntityManager, registry: RegistrySnapshot): Promise<void> {
  await copyRows(manager, 'household_ref', registry.households.map((h) => ({ id: h.id, area_code: h.area_code, county_code: h.county_code, status: h.relocated_on ? 'RELOCATED' : 'REGISTERED' })));
  await copyRows(manager, 'person_ref', registry.persons.map((p) => ({
    id: p.id, household_id: p.household_id, area_code: p.area_code, county_code: p.county_code, birth_date: p.birth_date, status: 'ACTIVE',
  })));
}

/**
 * The rows where a projection differs from the registry's outbox applied from sequence 0: each
 * household's facts are those of its latest event, each person's those of the latest event
 * naming them (area and county: their household's). `h`: the outbox's schema, `s`: the
 * projection's, both quoted.
 */
const DIFFERENCES = (h: string, s: string) => `
  WITH households AS (
    SELECT DISTINCT ON (id) id, area_code, county_code, status
      FROM (SELECT household_id AS id, payload -> 'household' ->> 'areaCode' AS area_code, payload -> 'household' ->> 'countyCode' AS county_code,
                   payload -> 'household' ->> 'status' AS status, sequence FROM ${h}.${OUTBOX_TABLE}) e
     ORDER BY id, sequence DESC),
  persons AS (
    SELECT DISTINCT ON (id) id, household_id, birth_date, status
      FROM (SELECT (p ->> 'id')::uuid AS id, (p ->> 'householdId')::uuid AS household_id, (p ->> 'birthDate')::date AS birth_date, p ->> 'status' AS status, e.sequence
              FROM ${h}.${OUTBOX_TABLE} e CROSS JOIN LATERAL jsonb_array_elements(e.payload -> 'persons') p) e
     ORDER BY id, sequence DESC)
  SELECT (SELECT count(*) FROM households x FULL JOIN ${s}.household_ref r ON r.id = x.id
           WHERE (r.id, r.area_code, r.county_code, r.status) IS DISTINCT FROM (x.id, x.area_code, x.county_code, x.status))::int AS households,
         (SELECT count(*) FROM persons x FULL JOIN ${s}.person_ref r ON r.id = x.id LEFT JOIN ${s}.household_ref hr ON hr.id = x.household_id
           WHERE (r.id, r.household_id, r.birth_date, r.status, r.area_code, r.county_code)
                 IS DISTINCT FROM (x.id, x.household_id, x.birth_date, x.status, hr.area_code, hr.county_code))::int AS persons`;

/**
 * After the demo loads (`npm start`'s first start, `npm run deploy`, the test seeds): a consumer
 * whose projection is still at position 0 and holds exactly what applying the registry's outbox
 * from 0 would make it — as a projection loaded from the same snapshot as the registry's demo
 * does, the demo's registration events carrying the snapshot's facts — is marked as applied up
 * to the outbox's last event, instead of applying some 50,000 events that would change no fact.
 * One statement compares the two, in the position's transaction; on any difference (or when the
 * outbox is not in the same database) nothing changes and the ordinary catch-up applies the
 * events. The rows keep sequence 0 (set from the snapshot); the next event for any of them is
 * newer. Returns whether it was adopted.
 */
export async function adoptDemoProjection(households: DataSource, consumer: DataSource): Promise<boolean> {
  const h = `"${schemaName(households)}"`;
  const s = `"${schemaName(consumer)}"`;
  return asProjection(() => consumer.transaction(async (m) => {
    const [reach] = await m.query(`SELECT to_regclass($1) IS NOT NULL AS outbox, to_regclass($2) IS NOT NULL AS projection`, [`${h}.${OUTBOX_TABLE}`, `${s}.person_ref`]);
    if (!reach.outbox || !reach.projection) return false;
    const [position] = await m.query(`SELECT sequence::text AS sequence FROM ${s}.registry_position WHERE stream = $1 FOR UPDATE`, [STREAM]);
    if (Number(position.sequence) !== 0) return false;
    // the outbox's head as this transaction sees it, with its facts compared in the same snapshot
    const [head] = await m.query(`SELECT coalesce(max(sequence), 0)::text AS head FROM ${h}.${OUTBOX_TABLE}`);
    if (Number(head.head) === 0) return false;
    await m.query(`SET LOCAL work_mem = '64MB'`); // the sorts of the outbox's facts stay in memory
    const [differ] = await m.query(DIFFERENCES(h, s));
    if (differ.households !== 0 || differ.persons !== 0) return false;
    await m.query(`UPDATE ${s}.registry_position SET sequence = $2 WHERE stream = $1`, [STREAM, head.head]);
    return true;
  }));
}

/** `adoptDemoProjection` for every consumer among the subgraphs open here (after their demo loads); returns the names adopted. */
export async function adoptDemoProjections(modules: readonly SubgraphModule[], databases: readonly OpenDatabase[]): Promise<string[]> {
  const owner = modules.findIndex((m) => m.registryOutbox);
  if (owner < 0) return [];
  const adopted: string[] = [];
  for (const [i, module] of modules.entries()) {
    if (module.projection && (await adoptDemoProjection(databases[owner].dataSource, databases[i].dataSource))) adopted.push(module.name);
  }
  return adopted;
}
