import type { EntityManager } from 'typeorm';
import { schemaName } from '../../../platform/db/data-source';
import { inTransaction } from '../../../platform/db/transaction';
import { signalOutbox } from '../../../platform/events/signal';
import { OUTBOX_TABLE, type RegistryEventType } from '../../../platform/events/registry-event';
import type { HouseholdsContext } from '../households.context';
import type { FromInsertedRows } from '../../../platform/db/bulk-insert-columns';

/**
 * Writes registry events to the outbox, set-based, from the rows as they stand in the
 * transaction (so an import writes its events with one statement per chunk). Call after the
 * change, in its transaction.
 */

const householdFacts = (h: string) =>
  `jsonb_build_object('id', ${h}.id, 'areaCode', ${h}.area_code, 'countyCode', ${h}.county_code, 'status', ${h}.status,
                      'stationId', ${h}.station_id, 'relocatedOn', ${h}.relocated_on::text)`;
/** Never the ID number (`platform/events/registry-event.ts`). */
const personFacts = (p: string) =>
  `jsonb_build_object('id', ${p}.id, 'householdId', ${p}.household_id, 'birthDate', ${p}.birth_date::text, 'status', ${p}.status,
                      'name', ${p}.name, 'productionMode', ${p}.production_mode)`;

/** One event per household in `householdIds` (its facts and, with `withMembers`, all its members'), plus `detail`. */
export async function recordHouseholdEvents(
  manager: EntityManager, type: RegistryEventType, householdIds: string[], options: { withMembers: boolean; detail?: Record<string, unknown> },
): Promise<void> {
  if (!householdIds.length) return;
  const s = `"${schemaName(manager.connection)}"`;
  const members = options.withMembers
    ? `coalesce((SELECT jsonb_agg(${personFacts('p')} ORDER BY p.id) FROM ${s}.person p WHERE p.household_id = h.id), '[]'::jsonb)`
    : `'[]'::jsonb`;
  await manager.query(
    `INSERT INTO ${s}.${OUTBOX_TABLE} (type, household_id, person_id, payload)
     SELECT $1, h.id, NULL, jsonb_build_object('household', ${householdFacts('h')}, 'persons', ${members}) || $3::jsonb
       FROM ${s}.household h WHERE h.id = ANY ($2::uuid[]) ORDER BY h.id`,
    [type, householdIds, JSON.stringify(options.detail ?? {})],
  );
}

/** One event per person in `personIds` (the person's facts and the household's), plus `detail`. */
export async function recordPersonEvents(manager: EntityManager, type: RegistryEventType, personIds: string[], detail: Record<string, unknown> = {}): Promise<void> {
  if (!personIds.length) return;
  const s = `"${schemaName(manager.connection)}"`;
  await manager.query(
    `INSERT INTO ${s}.${OUTBOX_TABLE} (type, household_id, person_id, payload)
     SELECT $1, h.id, p.id, jsonb_build_object('household', ${householdFacts('h')}, 'persons', jsonb_build_array(${personFacts('p')})) || $3::jsonb
       FROM ${s}.person p JOIN ${s}.household h ON h.id = p.household_id WHERE p.id = ANY ($2::uuid[]) ORDER BY p.id`,
    [type, personIds, JSON.stringify(detail)],
  );
}

/**
 * The events of persons an insert has just written, one per person as `recordPersonEvents` writes
 * them, in the insert's own statement (`bulkInsertColumns`' `then`): an import's chunk writes its
 * persons and their events without reading the persons back by id.
 */
export function personEventsOfInserted(manager: EntityManager, type: RegistryEventType, detail: Record<string, unknown> = {}): FromInsertedRows {
  const s = `"${schemaName(manager.connection)}"`;
  return {
    sql: (inserted, n) => `INSERT INTO ${s}.${OUTBOX_TABLE} (type, household_id, person_id, payload)
     SELECT $${n}, h.id, p.id, jsonb_build_object('household', ${householdFacts('h')}, 'persons', jsonb_build_array(${personFacts('p')})) || $${n + 1}::jsonb
       FROM ${inserted} p JOIN ${s}.household h ON h.id = p.household_id ORDER BY p.id`,
    params: [type, JSON.stringify(detail)],
  };
}

/** `inTransaction`, then the outbox's listeners in this process are told (after the commit). */
export async function inRegistryTransaction<T>(ctx: HouseholdsContext, work: (manager: EntityManager) => Promise<T>, onUniqueViolation?: () => Error): Promise<T> {
  const result = await inTransaction(ctx, work, onUniqueViolation);
  signalOutbox(schemaName(ctx.dataSource));
  return result;
}
