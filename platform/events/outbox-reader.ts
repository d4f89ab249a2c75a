import type { DataSource } from 'typeorm';
import { schemaName } from '../db/data-source';
import { asProjection } from './projection';
import { OUTBOX_TABLE, type RegistryEvent } from './registry-event';

/** Reads the registry's outbox (as the owner): events after `after`, in sequence order, at most `limit`. */
export async function readOutbox(households: DataSource, after: number, limit = 1000): Promise<RegistryEvent[]> {
  const rows: { sequence: string; type: RegistryEvent['type']; householdId: string; personId: string | null; payload: RegistryEvent['payload'] }[] = await asProjection(() =>
    households.query(
      `SELECT sequence::text AS sequence, type, household_id AS "householdId", person_id AS "personId", payload
         FROM "${schemaName(households)}".${OUTBOX_TABLE} WHERE sequence > $1 ORDER BY sequence LIMIT $2`,
      [after, limit],
    ));
  return rows.map((r) => ({ ...r, sequence: Number(r.sequence) }));
}

/** The last sequence in the outbox (0 when empty). */
export async function outboxHead(households: DataSource): Promise<number> {
  const [row] = await asProjection(() => households.query(`SELECT coalesce(max(sequence), 0)::text AS head FROM "${schemaName(households)}".${OUTBOX_TABLE}`));
  return Number(row.head);
}
