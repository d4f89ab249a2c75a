import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';

export class GatewaySchema1732250000000 implements MigrationInterface {
  name = 'GatewaySchema1732250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      `CREATE TABLE {s}.api_client (
        id uuid PRIMARY KEY,
        name varchar(64) NOT NULL,
        role varchar(24) NOT NULL,
        purposes varchar[] NOT NULL DEFAULT '{}',
        jurisdiction varchar[] NOT NULL,
        key_prefix varchar(16) NOT NULL UNIQUE,
        key_hash char(64) NOT NULL,
        rate_per_minute integer NOT NULL CHECK (rate_per_minute > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz
      )`,
      `CREATE TABLE {s}.client_operation (
        client_id uuid NOT NULL REFERENCES {s}.api_client (id),
        hash char(64) NOT NULL,
        name varchar(128) NOT NULL,
        document text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_id, hash)
      )`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [`DROP TABLE {s}.client_operation`, `DROP TABLE {s}.api_client`]);
  }
}
