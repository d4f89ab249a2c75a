import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A partner system's API key (stored hashed) with its role, jurisdiction, expiry and revocation. */
@Entity({ name: 'api_client' })
export class ApiClient {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 24 })
  role: string;

  @Column({ type: 'varchar', array: true })
  purposes: string[];

  @Column({ type: 'varchar', array: true })
  jurisdiction: string[];

  /** The key's public part, shown in lists and logs. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16, unique: true })
  keyPrefix: string;

  /** SHA-256 of the whole key, hex. */
  @Column({ name: 'key_hash', type: 'char', length: 64 })
  keyHash: string;

  @Column({ name: 'rate_per_minute', type: 'integer' })
  ratePerMinute: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
