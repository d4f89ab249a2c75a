import type { DataSource, EntityManager } from 'typeorm';
import { schemaName } from '../db/data-source';
import { runInRequestScope, withChangeSource } from '../security/request-scope';
import type { RegistryEvent } from './registry-event';

/**
 * How a subgraph keeps its projection of the registry and what follows from it: the record
 * tables that carry a household's area and county (they follow the household when it moves),
 * and statements to run when persons' facts change.
 */
export interface ProjectionConfig {
  /** Tables whose rows belong to one household (`column`, default `household_id`) and carry its `area_code` and `county_code`. */
  householdRecords: { table: string; column?: string }[];
  /** Further statements after households moved (`$1`: their ids), e.g. rows that follow another record. */
  afterMove?: string[];
  /** Statements after persons' facts changed (`$1`: their ids), e.g. a copied birth date. */
  afterPersonChange?: string[];
  /**
   * Last, in the same transaction: a subgraph that keeps more of the registry than the
   * projection's facts (support: its own registry tables, entitlements ended by a removal) takes
   * the events applied here, after the projection rows, the re-scoping and the statements above.
   */
  afterApply?: (manager: EntityManager, events: RegistryEvent[]) => Promise<void>;
}

export const STREAM = 'registry';

/** An event delivered after one that was never applied here: apply the missing one first. */
export class SequenceGap extends Error {
  constructor(readonly position: number, readonly previous: number) {
    super(`registry events after ${position} are missing (the next delivered follows ${previous})`);
  }
}

/** Runs projection work as the owner (outside any request: the serving role may not write projections), under its change source. */
export function asProjection<T>(work: () => Promise<T>): Promise<T> {
  return runInRequestScope(undefined, () => withChangeSource('registry events', work));
}

export async function projectionPosition(dataSource: DataSource | EntityManager): Promise<number> {
  const s = `"${schemaName('connection' in dataSource ? dataSource.connection : dataSource)}"`;
  const [row] = await asProjection(() => dataSource.query(`SELECT sequence::text AS sequence FROM ${s}.registry_position WHERE stream = $1`, [STREAM]));
  return Number(row.sequence);
}

const eventsJson = (events: RegistryEvent[]) => JSON.stringify(events.map((e) => ({ sequence: e.sequence, payload: e.payload })));

/** Sets the households' facts from the events (newest per household wins, older than the row's changes nothing); returns those whose area changed. */
async function applyHouseholds(m: EntityManager, s: string, events: RegistryEvent[]): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `WITH e AS (SELECT (x ->> 'sequence')::bigint AS sequence, x -> 'payload' -> 'household' AS h FROM jsonb_array_elements($1::jsonb) x),
     incoming AS (SELECT DISTINCT ON (id) (h ->> 'id')::uuid AS id, h ->> 'areaCode' AS area_code, h ->> 'countyCode' AS county_code, h ->> 'status' AS status, sequence
                    FROM e ORDER BY (h ->> 'id')::uuid, sequence DESC),
     before AS (SELECT r.id, r.area_code, r.county_code FROM ${s}.household_ref r JOIN incoming i ON i.id = r.id),
     written AS (
       INSERT INTO ${s}.household_ref AS r (id, area_code, county_code, status, sequence)
       SELECT id, area_code, county_code, status, sequence FROM incoming
       ON CONFLICT (id) DO UPDATE SET area_code = EXCLUDED.area_code, county_code = EXCLUDED.county_code, status = EXCLUDED.status, sequence = EXCLUDED.sequence
        WHERE r.sequence < EXCLUDED.sequence
       RETURNING r.id, r.area_code, r.county_code)
     SELECT w.id FROM written w JOIN before b ON b.id = w.id WHERE b.area_code <> w.area_code OR b.county_code <> w.county_code`,
    [eventsJson(events)],
  );
  return rows.map((r) => r.id);
}

/** Sets the persons' facts from the events (after the households': a person's area is its household's); returns those new here or whose birth date or status changed. */
async function applyPersons(m: EntityManager, s: string, events: RegistryEvent[]): Promise<string[]> {
  if (!events.some((e) => e.payload.persons.length)) return [];
  const rows: { id: string }[] = await m.query(
    `WITH e AS (SELECT (x ->> 'sequence')::bigint AS sequence, x -> 'payload' AS payload FROM jsonb_array_elements($1::jsonb) x),
     latest AS (SELECT DISTINCT ON ((p ->> 'id')::uuid) (p ->> 'id')::uuid AS id, (p ->> 'householdId')::uuid AS household_id,
                         (p ->> 'birthDate')::date AS birth_date, p ->> 'status' AS status, e.sequence
                    FROM e CROSS JOIN LATERAL jsonb_array_elements(e.payload -> 'persons') p
                   ORDER BY (p ->> 'id')::uuid, e.sequence DESC),
     -- the area is the household's as it stands now (a later event of the batch may have moved it)
     incoming AS (SELECT l.*, h.area_code, h.county_code FROM latest l JOIN ${s}.household_ref h ON h.id = l.household_id),
     before AS (SELECT r.id, r.birth_date, r.status FROM ${s}.person_ref r JOIN incoming i ON i.id = r.id),
     written AS (
       INSERT INTO ${s}.person_ref AS r (id, household_id, area_code, county_code, birth_date, status, sequence)
       SELECT id, household_id, area_code, county_code, birth_date, status, sequence FROM incoming
       ON CONFLICT (id) DO UPDATE SET household_id = EXCLUDED.household_id, area_code = EXCLUDED.area_code, county_code = EXCLUDED.county_code,
                                      birth_date = EXCLUDED.birth_date, status = EXCLUDED.status, sequence = EXCLUDED.sequence
        WHERE r.sequence < EXCLUDED.sequence
       RETURNING r.id, r.birth_date, r.status)
     SELECT w.id FROM written w LEFT JOIN before b ON b.id = w.id WHERE b.id IS NULL OR b.birth_date <> w.birth_date OR b.status <> w.status`,
    [eventsJson(events)],
  );
  return rows.map((r) => r.id);
}

/** Every record of the moved households (and their persons' facts) takes the household's area and county. */
async function rescope(m: EntityManager, s: string, config: ProjectionConfig, moved: string[]): Promise<void> {
  const tables = [{ table: 'person_ref', column: 'household_id' }, ...config.householdRecords];
  for (const { table, column = 'household_id' } of tables) {
    await m.query(
      `UPDATE ${s}.${table} t SET area_code = r.area_code, county_code = r.county_code
         FROM ${s}.household_ref r
        WHERE r.id = t.${column} AND r.id = ANY ($1::uuid[]) AND (t.area_code <> r.area_code OR t.county_code <> r.county_code)`,
      [moved],
    );
  }
  for (const sql of config.afterMove ?? []) await m.query(sql.replace(/\{s\}/g, s), [moved]);
}

/**
 * Applies registry events to a subgraph's projection, in one transaction with its position:
 * events at or below the position are skipped (a duplicate or a replayed delivery changes
 * nothing), the rest applied in sequence order, and the records of moved households re-scoped.
 * `previous`: the sequence the delivery says came before the first event; if this projection
 * has not applied that far, SequenceGap (nothing is written).
 */
export async function applyRegistryEvents(
  dataSource: DataSource, config: ProjectionConfig, events: RegistryEvent[], options: { previous?: number } = {},
): Promise<{ applied: number; position: number }> {
  const s = `"${schemaName(dataSource)}"`;
  return asProjection(() => dataSource.transaction(async (m) => {
    const [row] = await m.query(`SELECT sequence::text AS sequence FROM ${s}.registry_position WHERE stream = $1 FOR UPDATE`, [STREAM]);
    const position = Number(row.sequence);
    if (options.previous !== undefined && options.previous > position) throw new SequenceGap(position, options.previous);
    const fresh = events.filter((e) => e.sequence > position).sort((a, b) => a.sequence - b.sequence);
    if (!fresh.length) return { applied: 0, position };
    const moved = await applyHouseholds(m, s, fresh);
    const changed = await applyPersons(m, s, fresh);
    if (moved.length) await rescope(m, s, config, moved);
    if (changed.length) for (const sql of config.afterPersonChange ?? []) await m.query(sql.replace(/\{s\}/g, s), [changed]);
    if (config.afterApply) await config.afterApply(m, fresh);
    const last = fresh[fresh.length - 1].sequence;
    await m.query(`UPDATE ${s}.registry_position SET sequence = $2 WHERE stream = $1`, [STREAM, last]);
    return { applied: fresh.length, position: last };
  }));
}

/** Empties the projection and its position (a replay from sequence 0 follows). Records keep their rows; the replay re-scopes them. */
export async function resetProjection(dataSource: DataSource): Promise<void> {
  const s = `"${schemaName(dataSource)}"`;
  await asProjection(() => dataSource.transaction(async (m) => {
    await m.query(`UPDATE ${s}.household_ref SET sequence = 0`);
    await m.query(`DELETE FROM ${s}.person_ref`);
    await m.query(`UPDATE ${s}.registry_position SET sequence = 0 WHERE stream = $1`, [STREAM]);
  }));
}
