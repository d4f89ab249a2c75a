import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One record whose sensitive fields a request read in full (append-only; see the migration). */
@Entity({ name: 'read_audit' })
export class ReadAuditRow {
  /** bigint: a string on PostgreSQL, a number on PGlite; the API always answers a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string | number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
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

  @Column({ name: 'record_type', type: 'varchar', length: 64 })
  recordType: string;

  @Column({ name: 'record_id', type: 'varchar', length: 64 })
  recordId: string;

  @Column({ name: 'area_code', type: 'varchar', length: 15 })
  areaCode: string;

  @Column({ type: 'varchar', length: 64, array: true })
  fields: string[];
}
