import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An operation document registered for a partner client (trusted documents), by its SHA-256. */
@Entity({ name: 'client_operation' })
export class ClientOperation {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @PrimaryColumn({ type: 'char', length: 64 })
  hash: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'text' })
  document: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
