import type { DataSource } from 'typeorm';
import { schemaName } from '../db/data-source';
import { asProjection } from './projection';
import { OUTBOX_TABLE, type RegistryEvent } from './registry-event';

/** An outbox row: the event and when its registry transaction started. */
export type OutboxEvent = RegistryEvent & { recordedAt: string };

/** Reads the registry's outbox (as the owner): events after `after`, in sequence order, at most `limit`. */
export async function readOutbox(households: DataSource, after: number, limit = 1000): Promise<OutboxEvent[]> {
  const rows: { sequence: string; type: RegistryEvent['type']; householdId: string; personId: string | null; payload: RegistryEvent['payload']; recordedAt: string }[] = await asProjection(() =>
    households.query(
      `SELECT sequence::text AS sequence, type, household_id AS "householdId", person_id AS "personId", payload, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedAt"
         FROM "${schemaName(households)}".${OUTBOX_TABLE} e WHERE e.sequence > $1 ORDER BY e.sequence LIMIT $2`,
      [after, limit],
    ));
  return rows.map((r) => ({ ...r, sequence: Number(r.sequence) }));
}

/** The last sequence in the outbox (0 when empty). */
export async function outboxHead(households: DataSource): Promise<number> {
  const [row] = await asProjection(() => households.query(`SELECT coalesce(max(sequence), 0)::text AS head FROM "${schemaName(households)}".${OUTBOX_TABLE}`));
  return Number(row.head);
}
