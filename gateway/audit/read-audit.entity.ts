import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One gateway request that read sensitive fields in full, with the records it read as aligned
 * arrays (append-only, partitioned by month; see the migration for the shape and why).
 */
@Entity({ name: 'read_audit' })
export class ReadAuditRow {
  /** bigint: a string on PostgreSQL, a number on PGlite; the API always answers a string. */
  @PrimaryColumn({ type: 'bigint' })
  id: string | number;

  @PrimaryColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'varchar', length: 128 })
  subject: string;

  @Column({ type: 'varchar', length: 24 })
  role: string;

  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ name: 'client_name', type: 'varchar', length: 64, nullable: true })
  clientName: string | null;

  @Column({ name: 'operation_name', type: 'varchar', length: 128, nullable: true })
  operationName: string | null;

  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;

  /** `Type:id` of each record read (`export:<sheet>:<area>` for a download). */
  @Column({ type: 'text', array: true })
  records: string[];

  /** Area code of each record, aligned with `records`. */
  @Column({ name: 'area_codes', type: 'text', array: true })
  areaCodes: string[];

  /** The fields read in full of each record, comma-separated, aligned with `records`. */
  @Column({ type: 'text', array: true })
  fields: string[];
}
