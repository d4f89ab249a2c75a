import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Identity } from '../../platform/security/identity';
import type { FullRead } from '../../platform/security/read-audit';
import { prefixCondition, Scope } from '../../platform/security/scope';
import { ReadAuditRow } from './read-audit.entity';

/** Who read, and in which request. */
export interface ReadContext {
  identity: Identity;
  operationName: string | null;
  clientAddress: string | null;
}

/**
 * Writes one request's full reads, one row per record, in one INSERT whose parameters do not grow
 * with the number of records (the records travel as arrays and are unnested in SQL).
 */
export async function writeFullReads(dataSource: DataSource, who: ReadContext, reads: FullRead[]): Promise<void> {
  const table = `"${(dataSource.options as { schema?: string }).schema}".read_audit`;
  const { identity } = who;
  await dataSource.query(
    `INSERT INTO ${table} (request_id, subject, role, client_id, client_name, operation_name, client_address, record_type, record_id, area_code, fields)
     SELECT $1, $2, $3, $4, $5, $6, $7, r.type, r.id, r.area_code, string_to_array(r.fields, ',')
     FROM unnest($8::text[], $9::text[], $10::text[], $11::text[]) AS r (type, id, area_code, fields)`,
    [
      randomUUID(), identity.subject, identity.role, identity.client?.id ?? null, identity.client?.name ?? null,
      who.operationName?.slice(0, 128) ?? null, who.clientAddress?.slice(0, 64) ?? null,
      reads.map((r) => r.type), reads.map((r) => r.id), reads.map((r) => r.areaCode), reads.map((r) => r.fields.join(',')),
    ],
  );
}

export interface ReadAuditFilter {
  subject?: string;
  recordType?: string;
  recordId?: string;
  field?: string;
  operation?: string;
  from?: Date;
  to?: Date;
  /** Rows with an id below this one (keyset cursor), newest first. */
  before?: string;
  first: number;
}

/** A page of audit rows inside the auditor's jurisdiction, newest first, and whether more follow. */
export async function findFullReads(dataSource: DataSource, scope: Scope, filter: ReadAuditFilter): Promise<{ rows: ReadAuditRow[]; hasNextPage: boolean }> {
  const qb = dataSource.getRepository(ReadAuditRow).createQueryBuilder('r');
  const inScope = prefixCondition('r.area_code', scope.prefixes, 'scope');
  qb.where(inScope.clause, inScope.params);
  if (filter.subject) qb.andWhere('r.subject = :subject', { subject: filter.subject });
  if (filter.recordType) qb.andWhere('r.record_type = :recordType', { recordType: filter.recordType });
  if (filter.recordId) qb.andWhere('r.record_id = :recordId', { recordId: filter.recordId });
  if (filter.field) qb.andWhere(':field = ANY(r.fields)', { field: filter.field });
  if (filter.operation) qb.andWhere('r.operation_name = :operation', { operation: filter.operation });
  if (filter.from) qb.andWhere('r.at >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('r.at < :to', { to: filter.to });
  if (filter.before) qb.andWhere('r.id < :before', { before: filter.before });
  const rows = await qb.orderBy('r.id', 'DESC').limit(filter.first + 1).getMany();
  return { rows: rows.slice(0, filter.first), hasNextPage: rows.length > filter.first };
}
