/**
 * Registry events: what the households subgraph tells the others about who lives where.
 *
 * Every event carries the facts as they stand after the change (state, not a delta): the
 * household's current area, county and status, and the persons the change touched (household,
 * birth date, status). A consumer applies an event by setting its projection's rows to those
 * facts, guarded by the event's sequence, so applying an event twice, or an older one after a
 * newer one, changes nothing. The ID number itself never travels: only the birth date it gives.
 * Events also carry what support derives a newcomer's entitlements from (the household's station
 * and relocation date, the person's name and production mode); events written before they did
 * lack them.
 */
export const RegistryEventType = {
  HOUSEHOLD_REGISTERED: 'HOUSEHOLD_REGISTERED',
  HOUSEHOLD_MOVED: 'HOUSEHOLD_MOVED',
  MEMBER_ADDED: 'MEMBER_ADDED',
  MEMBER_REMOVED: 'MEMBER_REMOVED',
  ID_NUMBER_CORRECTED: 'ID_NUMBER_CORRECTED',
  /** A person's name, production mode or birth date changed (`updatePerson`, the persons sheet): the facts as they now stand. */
  PERSON_UPDATED: 'PERSON_UPDATED',
} as const;
export type RegistryEventType = (typeof RegistryEventType)[keyof typeof RegistryEventType];

/** A household's facts another subgraph scopes and validates by. */
export interface HouseholdFacts {
  id: string;
  areaCode: string;
  countyCode: string;
  /** REGISTERED, RELOCATED or CANCELLED. */
  status: string;
  /** The power station (support's standards may differ by station). */
  stationId?: string;
  /** The date the move was completed (support's entitlements start from it), YYYY-MM-DD. */
  relocatedOn?: string | null;
}

/** A person's facts another subgraph scopes and validates by. */
export interface PersonFacts {
  id: string;
  householdId: string;
  birthDate: string;
  /** ACTIVE or REMOVED. */
  status: string;
  /** The name (shown to every reader of the person, masked readers included: docs/privacy.md), for support's lists. */
  name?: string;
  /** The production mode: annual compensation entitles to it (support). */
  productionMode?: string;
}

export interface RegistryEventPayload {
  household: HouseholdFacts;
  persons: PersonFacts[];
  /** HOUSEHOLD_MOVED: where from, why, when. */
  fromAreaCode?: string;
  reason?: string;
  on?: string;
}

export interface RegistryEvent {
  /** Position in the outbox: increasing in commit order. */
  sequence: number;
  type: RegistryEventType;
  householdId: string;
  personId: string | null;
  payload: RegistryEventPayload;
}

/** The outbox table in the households schema, and the relay's position there. */
export const OUTBOX_TABLE = 'registry_event';
export const RELAY_TABLE = 'registry_relay';
