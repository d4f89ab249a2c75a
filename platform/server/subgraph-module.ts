import type { DataSource } from 'typeorm';
import type { Engine, StatementCounter } from '../db/data-source';
import type { SubgraphSheets } from '../imports/registry-sheets';
import type { IdentityVerifier } from '../security/keys';
import type { RegistrySnapshot } from '../demo/registry-snapshot';
import type { RunningSubgraph } from './subgraph-server';
import type { ProjectionConfig } from '../events/projection';

export interface OpenDatabase {
  /** The owner's connection: migrations, demo loads, test seeds (row-level security does not apply). */
  dataSource: DataSource;
  statements: StatementCounter;
  /** Where it lives; serving opens the application role's connection from it. */
  engine: Engine;
}

export interface ServeOptions {
  /** Verifies the identity the gateway forwards (one key, or a key set during rotation). */
  gatewayPublicKey: IdentityVerifier;
  /** 0 or absent: any free port. */
  port?: number;
  host?: string;
}

/**
 * What each subgraph exports (from its `module.ts`, built by `defineSubgraph`) so that composition, `npm start`, the
 * test environments and the demo loader treat all subgraphs alike.
 */
export interface SubgraphModule {
  name: string;
  /** Default port when the subgraph runs on its own. */
  port: number;
  /** The federated schema and its SDL, without a database. */
  buildSchema(): Promise<{ sdl: string }>;
  /** Connects and migrates (schema defaults to the subgraph's name). */
  openDatabase(engine: Engine, options?: { schema?: string; logSql?: boolean }): Promise<OpenDatabase>;
  /** Serves the subgraph over an open database. */
  serve(db: OpenDatabase, options: ServeOptions): Promise<RunningSubgraph>;
  /** The registry's outbox is in this subgraph's schema (households). */
  registryOutbox?: boolean;
  /** This subgraph keeps a projection of the registry, fed by the registry's events. */
  projection?: ProjectionConfig;
  /** The registry sheets it imports and exports (`npm run import`, the import mutation, the gateway's downloads). */
  sheets: SubgraphSheets;
  demo: {
    /** Whether the subgraph's tables already hold data (the demo is loaded once). */
    hasData(dataSource: DataSource): Promise<boolean>;
    /** Generates (deterministically, from the registry) and loads the subgraph's demo rows, in one transaction. */
    load(dataSource: DataSource, registry: RegistrySnapshot, options: { scale: number; progress?: boolean }): Promise<void>;
  };
}
