import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Identity } from '../../platform/security/identity';
import type { FullRead } from '../../platform/security/read-audit';
import { prefixCondition, Scope } from '../../platform/security/scope';
import { schemaOf } from './read-audit.partitions';

/** Who read, and in which request. */
export interface ReadContext {
  identity: Identity;
  operationName: string | null;
  clientAddress: string | null;
}

/** The key a record is audited under: `Type:id` (`export:<sheet>:<area>` for a download). */
export const recordKey = (type: string, id: string) => `${type}:${id}`;

const NO_PARTITION = /no partition of relation/;

/**
 * Writes one request's full reads as one row, in one INSERT (the records travel as arrays). A
 * month without its partition yet is made and the insert tried once more: a request never fails
 * for want of a partition.
 */
export async function writeFullReads(dataSource: DataSource, who: ReadContext, reads: FullRead[]): Promise<void> {
  const schema = schemaOf(dataSource);
  const { identity } = who;
  const insert = () => dataSource.query(
    `INSERT INTO ${schema}.read_audit (request_id, subject, role, client_id, client_name, operation_name, client_address, records, area_codes, fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      randomUUID(), identity.subject, identity.role, identity.client?.id ?? null, identity.client?.name ?? null,
      who.operationName?.slice(0, 128) ?? null, who.clientAddress?.slice(0, 64) ?? null,
      reads.map((r) => recordKey(r.type, r.id)), reads.map((r) => r.areaCode), reads.map((r) => r.fields.join(',')),
    ],
  );
  try {
    await insert();
  } catch (error) {
    if (!NO_PARTITION.test(error instanceof Error ? error.message : String(error))) throw error;
    await dataSource.query(`SELECT ${schema}.read_audit_add_month(now())`);
    await insert();
  }
}

export interface ReadAuditFilter {
  subject?: string;
  recordType?: string;
  recordId?: string;
  field?: string;
  operation?: string;
  from?: Date;
  to?: Date;
  /** Records read before this one (keyset cursor), newest first. */
  before?: ReadAuditCursor;
  first: number;
}

/** A position in the audit: the request's time (microseconds, UTC), its row and the record's place in it. */
export interface ReadAuditCursor {
  at: string;
  id: string;
  ord: string;
}

/** One record a request read in full: what `GET /audit/reads` answers, one per record. */
export interface RecordRead {
  id: string;
  at: Date;
  cursor: ReadAuditCursor;
  requestId: string;
  subject: string;
  role: string;
  clientId: string | null;
  clientName: string | null;
  operationName: string | null;
  clientAddress: string | null;
  recordType: string;
  recordId: string;
  areaCode: string;
  fields: string[];
}

/**
 * A page of records read inside the auditor's jurisdiction, newest first, and whether more follow.
 * Requests are found by their own indexes (time: partition pruning and the primary key; subject:
 * (subject, at); record: GIN on `records`), then unnested, and each record is kept only if it lies
 * in the jurisdiction: a request that also read records elsewhere shows only these.
 */
export async function findFullReads(dataSource: DataSource, scope: Scope, filter: ReadAuditFilter): Promise<{ rows: RecordRead[]; hasNextPage: boolean }> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const inScope = prefixCondition('(v.area_code COLLATE "C")', scope.prefixes, 'scope');
  where.push(inScope.clause);
  Object.assign(params, inScope.params);
  const add = (clause: string, values: Record<string, unknown>) => {
    where.push(clause);
    Object.assign(params, values);
  };
  if (filter.subject) add('v.subject = :subject', { subject: filter.subject });
  if (filter.operation) add('v.operation_name = :operation', { operation: filter.operation });
  if (filter.from) add('v.at >= :from', { from: filter.from });
  if (filter.to) add('v.at < :to', { to: filter.to });
  if (filter.recordType && filter.recordId) {
    const key = recordKey(filter.recordType, filter.recordId);
    add('v.request_records @> ARRAY[:key]::text[] AND v.record = :key', { key });
  } else if (filter.recordType) {
    add('v.record_type = :recordType', { recordType: filter.recordType });
  } else if (filter.recordId) {
    add('v.record_id = :recordId', { recordId: filter.recordId });
  }
  if (filter.field) add(':field = ANY(v.fields)', { field: filter.field });
  if (filter.before) {
    const { at, id, ord } = filter.before;
    add('(v.at, v.id) <= (:cursorAt::timestamptz, :cursorId::bigint) AND (v.at, v.id, v.ord) < (:cursorAt::timestamptz, :cursorId::bigint, :cursorOrd::bigint)', { cursorAt: at, cursorId: id, cursorOrd: ord });
  }
  const [sql, values] = dataSource.driver.escapeQueryWithParameters(
    `SELECT v.id, v.ord, v.at, to_char(v.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key, v.request_id, v.subject, v.role,
       v.client_id, v.client_name, v.operation_name, v.client_address, v.record_type, v.record_id, v.area_code, v.fields
     FROM ${schemaOf(dataSource)}.read_audit_record v
     WHERE ${where.join(' AND ')}
     ORDER BY v.at DESC, v.id DESC, v.ord DESC
     LIMIT ${filter.first + 1}`,
    params,
  );
  const raw: any[] = await dataSource.query(sql, values);
  const rows = raw.slice(0, filter.first).map((r): RecordRead => ({
    id: `${r.id}-${r.ord}`,
    at: new Date(r.at),
    cursor: { at: r.at_key, id: String(r.id), ord: String(r.ord) },
    requestId: r.request_id,
    subject: r.subject,
    role: r.role,
    clientId: r.client_id,
    clientName: r.client_name,
    operationName: r.operation_name,
    clientAddress: r.client_address,
    recordType: r.record_type,
    recordId: r.record_id,
    areaCode: r.area_code,
    fields: r.fields,
  }));
  return { rows, hasNextPage: raw.length > filter.first };
}
