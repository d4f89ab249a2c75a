import type { EntityManager } from 'typeorm';
import { copyRows } from '../../../platform/db/bulk-copy';
import { schemaName } from '../../../platform/db/data-source';
import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { RegistryEventType, type RegistryEvent } from '../../../platform/events/registry-event';

/**
 * The registry projection: what this subgraph knows of the households subgraph's persons and
 * households (tables `registry_person`, `registry_household`), and the one place that keeps it.
 * Entitlements are derived from it (view `entitlement`); a person removed from the registry
 * (death, moving out …) ends their entitlements from the next cycle.
 *
 * Fed by `applyRegistryFacts`, which takes facts as the registry states them (the households
 * subgraph's column meanings): the registry's events through `applyRegistryEventFacts` (this
 * subgraph's projection hook, `support.projection.ts`); the demo loader fills the empty projection
 * with the same rows by COPY (`loadRegistrySnapshot`).
 */

/** A household as the registry states it. */
export interface HouseholdFact {
  id: string;
  areaCode: string;
  countyCode: string;
  stationId: string;
  relocatedOn: string | null;
}

/** A person as the registry states it (status REMOVED with a reason and date once removed). */
export interface PersonFact {
  id: string;
  householdId: string;
  areaCode: string;
  countyCode: string;
  name: string;
  /** Empty for a person learned from the registry's events (they never carry it). */
  idNumber: string | null;
  birthDate: string;
  productionMode: string;
  status: 'ACTIVE' | 'REMOVED';
  removalReason?: string | null;
  removedOn?: string | null;
}

export interface RegistryFacts {
  households?: HouseholdFact[];
  persons?: PersonFact[];
}

const ROWS = 20_000;

function householdRows(facts: HouseholdFact[]) {
  return facts.map((h) => ({ household_id: h.id, area_code: h.areaCode, county_code: h.countyCode, station_id: h.stationId, relocated_on: h.relocatedOn }));
}

function personRows(facts: PersonFact[]) {
  return facts.map((p) => ({
    person_id: p.id, household_id: p.householdId, area_code: p.areaCode, county_code: p.countyCode, name: p.name, id_number: p.idNumber,
    birth_date: p.birthDate, production_mode: p.productionMode, status: p.status, removal_reason: p.removalReason ?? null, removed_on: p.removedOn ?? null,
  }));
}

/** `INSERT … ON CONFLICT DO UPDATE` of rows (keys = column names, the first the key) from one array per column. */
async function upsert(manager: EntityManager, table: string, types: Record<string, string>, rows: Record<string, unknown>[]): Promise<void> {
  const s = `"${schemaName(manager.connection)}"`;
  const columns = Object.keys(types);
  const [key, ...rest] = columns;
  const sql = `INSERT INTO ${s}.${table} (${columns.join(', ')}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${types[c]}[]`).join(', ')})
    ON CONFLICT (${key}) DO UPDATE SET ${rest.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
    WHERE (${rest.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${rest.map((c) => `EXCLUDED.${c}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS) {
    const batch = rows.slice(i, i + ROWS);
    await manager.query(sql, columns.map((c) => batch.map((r) => r[c] ?? null)));
  }
}

const HOUSEHOLD_TYPES = { household_id: 'uuid', area_code: 'varchar', county_code: 'varchar', station_id: 'varchar', relocated_on: 'date' };
const PERSON_TYPES = {
  person_id: 'uuid', household_id: 'uuid', area_code: 'varchar', county_code: 'varchar', name: 'varchar', id_number: 'varchar',
  birth_date: 'date', production_mode: 'varchar', status: 'varchar', removal_reason: 'varchar', removed_on: 'date',
};

/**
 * Applies person and household facts in the caller's transaction: inserts or updates the
 * projection (only rows that differ), then ends the entitlements of persons the registry has
 * removed (once per person: the change's id is the person's), effective on the removal date,
 * so that the next cycle leaves them out. Moves (a new area) follow on every row that carries
 * the person's area: entitlement changes and open verification entries.
 */
export async function applyRegistryFacts(manager: EntityManager, facts: RegistryFacts): Promise<void> {
  const s = `"${schemaName(manager.connection)}"`;
  if (facts.households?.length) await upsert(manager, 'registry_household', HOUSEHOLD_TYPES, householdRows(facts.households));
  if (!facts.persons?.length) return;
  await upsert(manager, 'registry_person', PERSON_TYPES, personRows(facts.persons));
  const ids = facts.persons.map((p) => p.id);
  await manager.query(
    `INSERT INTO ${s}.entitlement_change (id, person_id, scheme, status, reason, effective_on, source, area_code, county_code)
     SELECT md5('registry-removal:' || p.person_id::text)::uuid, p.person_id, NULL, 'ENDED',
            CASE WHEN p.removal_reason = 'DECEASED' THEN 'DECEASED' ELSE 'REMOVED_FROM_REGISTRY' END,
            coalesce(p.removed_on, current_date), 'REGISTRY', p.area_code, p.county_code
       FROM ${s}.registry_person p WHERE p.person_id = ANY($1::uuid[]) AND p.status = 'REMOVED'
     ON CONFLICT (id) DO NOTHING`, [ids]);
  await manager.query(
    `UPDATE ${s}.verification_entry e SET area_code = p.area_code, county_code = p.county_code, household_id = p.household_id
       FROM ${s}.registry_person p, ${s}.verification v
      WHERE e.person_id = p.person_id AND p.person_id = ANY($1::uuid[]) AND v.id = e.verification_id AND v.status = 'OPEN'
        AND v.county_code = p.county_code AND e.area_code <> p.area_code`, [ids]);
}

/**
 * The demo registry into the empty projection (the demo loader, in its transaction, keys set
 * aside): the rows `applyRegistryFacts` would write for it, by COPY. The snapshot removes no one
 * and no verification is open yet, so nothing else follows.
 */
export async function loadRegistrySnapshot(manager: EntityManager, registry: RegistrySnapshot): Promise<void> {
  await copyRows(manager, 'registry_household', householdRows(registry.households.map((h) => ({
    id: h.id, areaCode: h.area_code, countyCode: h.county_code, stationId: h.station_id, relocatedOn: h.relocated_on,
  }))));
  await copyRows(manager, 'registry_person', personRows(registry.persons.map((p) => ({
    id: p.id, householdId: p.household_id, areaCode: p.area_code, countyCode: p.county_code, name: p.name, idNumber: p.id_number,
    birthDate: p.birth_date, productionMode: p.production_mode, status: 'ACTIVE' as const,
  }))));
}

/**
 * This subgraph's projection hook (`support.projection.ts`): after a batch of registry events
 * has been applied to the projection (`person_ref`, `household_ref`: newest per row wins), the
 * persons and households the batch names (and the members of its households, so a move reaches
 * them all) take the projection's area, county, household, birth date and status through
 * `applyRegistryFacts`, with a removal's reason and date from its event, and the name and
 * production mode from the newest event naming the person (unless the projection has applied a
 * newer one: a replay sets nothing back). The rest of a row (ID number, station, relocation date)
 * stays as this subgraph has it: the ID number never travels, an office records it with the
 * subsidy card (`subsidy-card.service.ts`).
 * Persons and households it does not hold yet (registered after its population was taken) are
 * added from the batch's newest event naming them, which carries the station, the relocation
 * date, the name and the production mode: their entitlements follow from the `entitlement` view,
 * as everyone's. The events never carry the ID number: such a person's stays empty here (events
 * written before they carried those facts add no one). A replayed batch sets the same facts:
 * nothing changes, and a removal ends the entitlements once.
 */
export async function applyRegistryEventFacts(manager: EntityManager, events: RegistryEvent[]): Promise<void> {
  const s = `"${schemaName(manager.connection)}"`;
  const householdIds = [...new Set(events.map((e) => e.payload.household.id))];
  const personIds = [...new Set(events.flatMap((e) => e.payload.persons.map((p) => p.id)))];
  const removals = new Map<string, { reason: string; on: string }>();
  // the newest facts of each household and person in the batch, as the events state them
  const eventHouseholds = new Map<string, RegistryEvent['payload']['household']>();
  const eventPersons = new Map<string, RegistryEvent['payload']['persons'][number] & { sequence: number }>();
  for (const e of [...events].sort((a, b) => a.sequence - b.sequence)) {
    if (e.type === RegistryEventType.MEMBER_REMOVED && e.personId && e.payload.reason && e.payload.on) removals.set(e.personId, { reason: e.payload.reason, on: e.payload.on });
    eventHouseholds.set(e.payload.household.id, e.payload.household);
    for (const p of e.payload.persons) eventPersons.set(p.id, { ...p, sequence: e.sequence });
  }
  const households: HouseholdFact[] = await manager.query(
    `SELECT h.household_id AS id, r.area_code AS "areaCode", r.county_code AS "countyCode", h.station_id AS "stationId", h.relocated_on::text AS "relocatedOn"
       FROM ${s}.registry_household h JOIN ${s}.household_ref r ON r.id = h.household_id WHERE h.household_id = ANY ($1::uuid[])`, [householdIds]);
  const held: (PersonFact & { removalReason: string | null; removedOn: string | null; sequence: string })[] = await manager.query(
    `SELECT p.person_id AS id, r.household_id AS "householdId", r.area_code AS "areaCode", r.county_code AS "countyCode", p.name, p.id_number AS "idNumber",
            r.birth_date::text AS "birthDate", p.production_mode AS "productionMode", r.status, p.removal_reason AS "removalReason", p.removed_on::text AS "removedOn",
            r.sequence::text AS sequence
       FROM ${s}.registry_person p JOIN ${s}.person_ref r ON r.id = p.person_id
      WHERE p.person_id IN (SELECT x.id FROM ${s}.person_ref x WHERE x.id = ANY ($1::uuid[]) OR x.household_id = ANY ($2::uuid[]))`, [personIds, householdIds]);
  // a held person's name and production mode as the newest event states them (`PERSON_UPDATED` and every later event carry
  // them); an event older than one the projection has applied for the person (a replay) leaves them as they are
  const persons = held.map(({ sequence, ...p }) => {
    const facts = eventPersons.get(p.id);
    if (!facts || facts.sequence < Number(sequence) || facts.name === undefined || facts.productionMode === undefined) return p;
    return { ...p, name: facts.name, productionMode: facts.productionMode };
  });

  // newcomers: from the projection's facts and the events' station, relocation date, name and production mode
  const heldHouseholds = new Set(households.map((h) => h.id));
  const heldPersons = new Set(persons.map((p) => p.id));
  const newHouseholds = [...eventHouseholds.values()].filter((h) => !heldHouseholds.has(h.id) && h.stationId !== undefined).map((h) => h.id);
  const newPersons = personIds.filter((id) => !heldPersons.has(id) && eventPersons.get(id)?.name !== undefined && eventPersons.get(id)?.productionMode !== undefined);
  if (newHouseholds.length) {
    const refs: { id: string; areaCode: string; countyCode: string }[] = await manager.query(
      `SELECT id, area_code AS "areaCode", county_code AS "countyCode" FROM ${s}.household_ref WHERE id = ANY ($1::uuid[])`, [newHouseholds]);
    for (const r of refs) {
      const facts = eventHouseholds.get(r.id)!;
      households.push({ ...r, stationId: facts.stationId!, relocatedOn: facts.relocatedOn ?? null });
    }
  }
  if (newPersons.length) {
    const refs: { id: string; householdId: string; areaCode: string; countyCode: string; birthDate: string; status: 'ACTIVE' | 'REMOVED' }[] = await manager.query(
      `SELECT id, household_id AS "householdId", area_code AS "areaCode", county_code AS "countyCode", birth_date::text AS "birthDate", status
         FROM ${s}.person_ref WHERE id = ANY ($1::uuid[])`, [newPersons]);
    for (const r of refs) {
      const facts = eventPersons.get(r.id)!;
      persons.push({ ...r, name: facts.name!, idNumber: null, productionMode: facts.productionMode!, removalReason: null, removedOn: null });
    }
  }
  await applyRegistryFacts(manager, {
    households,
    persons: persons.map((p) => {
      const removal = removals.get(p.id);
      return p.status === 'REMOVED'
        ? { ...p, removalReason: removal?.reason ?? p.removalReason, removedOn: removal?.on ?? p.removedOn }
        : { ...p, removalReason: null, removedOn: null };
    }),
  });
}
