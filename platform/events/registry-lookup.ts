import type { EntityManager } from 'typeorm';
import { schemaName } from '../db/data-source';
import { badInput, forbidden, notFound } from '../graphql/errors';
import type { Scope } from '../security/scope';

/**
 * What a subgraph's projection says about households and persons a write names: in the
 * caller's jurisdiction and active (with the facts), removed, held elsewhere (outside the
 * jurisdiction), or unknown to the registry. Two statements for any number of ids.
 */
export type RegistryState = 'active' | 'removed' | 'elsewhere' | 'unknown';

export interface HouseholdFact {
  state: RegistryState;
  id: string;
  areaCode: string;
  countyCode: string;
}

export interface PersonFact extends HouseholdFact {
  householdId: string;
  birthDate: string;
}

async function lookup<T extends HouseholdFact>(manager: EntityManager, scope: Scope, table: 'household_ref' | 'person_ref', ids: string[], columns: string, removed: string): Promise<Map<string, T>> {
  const s = `"${schemaName(manager.connection)}"`;
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  const found = new Map<string, T>();
  if (!wanted.length) return found;
  const rows: (T & { status: string })[] = await manager.query(
    `SELECT r.id, r.area_code AS "areaCode", r.county_code AS "countyCode", r.status${columns ? `, ${columns}` : ''} FROM ${s}.${table} r WHERE r.id = ANY ($1::uuid[])`, [wanted]);
  for (const row of rows) {
    const { status, ...facts } = row;
    const state: RegistryState = !scope.covers(row.areaCode) ? 'elsewhere' : status === removed ? 'removed' : 'active';
    found.set(row.id, { ...(facts as unknown as T), state });
  }
  const hidden = wanted.filter((id) => !found.has(id));
  const elsewhere: { id: string }[] = hidden.length ? await manager.query(`SELECT id FROM ${s}.registry_known($1, $2::uuid[]) AS id`, [table, hidden]) : [];
  const known = new Set(elsewhere.map((r) => r.id));
  for (const id of hidden) found.set(id, { id, state: known.has(id) ? 'elsewhere' : 'unknown' } as T);
  return found;
}

export function lookupHouseholds(manager: EntityManager, scope: Scope, ids: string[]): Promise<Map<string, HouseholdFact>> {
  return lookup<HouseholdFact>(manager, scope, 'household_ref', ids, '', 'CANCELLED');
}

export function lookupPersons(manager: EntityManager, scope: Scope, ids: string[]): Promise<Map<string, PersonFact>> {
  return lookup<PersonFact>(manager, scope, 'person_ref', ids, `r.household_id AS "householdId", r.birth_date::text AS "birthDate"`, 'REMOVED');
}

/** Why a household or person cannot be written for, in Chinese and English (for a sheet's row); undefined when active. */
export function registryProblem(kind: 'household' | 'person', state: RegistryState): [zh: string, en: string] | undefined {
  const what = kind === 'household' ? ['该移民户', 'The household'] : ['该人员', 'The person'];
  if (state === 'unknown') return [`${what[0]}不在移民登记中`, `${what[1]} is not in the registry`];
  if (state === 'elsewhere') return [`${what[0]}属于其他县（区、市），不在您的管辖范围内`, `${what[1]} belongs to another county, outside your jurisdiction`];
  if (state === 'removed') return kind === 'household' ? ['该移民户已注销', 'The household registration is cancelled'] : ['该人员已减员', 'The person has been removed from the registry'];
  return undefined;
}

function refuse(kind: 'household' | 'person', fact: HouseholdFact, field: string): never {
  if (fact.state === 'unknown') throw kind === 'household' ? notFound('该移民户', 'Household', field) : notFound('该人员', 'Person', field);
  const [zh, en] = registryProblem(kind, fact.state)!;
  if (fact.state === 'elsewhere') throw forbidden(zh, en, field);
  throw badInput([{ field, zh, en }]);
}

/** The household a write names, as the registry has it: NOT_FOUND when unknown, FORBIDDEN outside the jurisdiction, BAD_USER_INPUT when cancelled. */
export async function requireHousehold(manager: EntityManager, scope: Scope, id: string, field: string): Promise<HouseholdFact> {
  const fact = (await lookupHouseholds(manager, scope, [id])).get(id.toLowerCase())!;
  if (fact.state !== 'active') refuse('household', fact, field);
  return fact;
}

/** The person a write names, as the registry has it: NOT_FOUND, FORBIDDEN, or BAD_USER_INPUT when removed. */
export async function requirePerson(manager: EntityManager, scope: Scope, id: string, field: string): Promise<PersonFact> {
  const fact = (await lookupPersons(manager, scope, [id])).get(id.toLowerCase())!;
  if (fact.state !== 'active') refuse('person', fact, field);
  return fact;
}

/** Every household a write lists, in one lookup: the first one not active is refused as by `requireHousehold`, naming its own field. */
export async function requireHouseholds(manager: EntityManager, scope: Scope, ids: string[], field: (index: number) => string): Promise<HouseholdFact[]> {
  const facts = await lookupHouseholds(manager, scope, ids);
  const list = ids.map((id) => facts.get(id.toLowerCase())!);
  list.forEach((fact, i) => {
    if (fact.state !== 'active') refuse('household', fact, field(i));
  });
  return list;
}
