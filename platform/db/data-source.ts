import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DataSource, type Logger, type MixedList, type EntitySchema } from 'typeorm';
import { pgliteDriver } from './pglite-pool';

/** Types returned as text on both engines: dates stay `YYYY-MM-DD`, never shifted by a time zone. */
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

/**
 * Where a subgraph's tables live: PostgreSQL by URL, or an embedded PGlite instance. On
 * PostgreSQL, `url` is the owner's (migrations, demo loads) and `appUrl` the serving role's
 * (default: `url` with the user replaced by the application role).
 */
/** PostgreSQL: the owner's URL, the serving role's, and optionally a streaming replica's (`replicaUrl`: statistics and lists read there). */
export type Engine = { kind: 'postgres'; url: string; appUrl?: string; replicaUrl?: string } | { kind: 'pglite'; db: PGlite };

/** What PostgreSQL shows for every connection of a part of the platform (`pg_stat_activity.application_name`): `zrg-households` … `zrg-gateway`. */
export function applicationName(name: string): string {
  return `zrg-${name}`;
}

/** Opens an embedded PostgreSQL (PGlite): in memory, or persisted in `dataDir`; `from` restores a dumped data directory. */
export function openPGlite(dataDir?: string, from?: Blob): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(from ? { loadDataDir: from } : {}),
    parsers: { [DATE_OID]: (value: string) => value },
  });
}

/** Counts the SQL statements a data source runs (the N+1 tests read it), and logs them on demand. */
export class StatementCounter implements Logger {
  count = 0;
  /** When set, every statement is also kept here (the benchmark replays them to time the database alone). */
  recorded: { query: string; parameters: unknown[] }[] | null = null;

  constructor(private readonly name: string, private readonly print: boolean) {}

  logQuery(query: string, parameters?: unknown[]): void {
    this.count++;
    this.recorded?.push({ query, parameters: parameters ?? [] });
    if (this.print) console.log(`[sql ${this.name}] ${query}`, parameters?.length ? parameters : '');
  }

  logQueryError(error: string | Error, query: string): void {
    if (this.print) console.error(`[sql ${this.name}] error ${String(error)} in ${query}`);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (this.print) console.log(`[migration ${this.name}] ${message}`);
  }
  log(): void {}
}

export interface DataSourceOptions {
  /** Subgraph name; also the PostgreSQL schema its tables live in (unless `schema` is given). */
  name: string;
  schema?: string;
  engine: Engine;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  logSql?: boolean;
}

/** Creates the schema, connects, and brings the tables up to date with the migrations. */
export async function openDataSource(options: DataSourceOptions): Promise<{ dataSource: DataSource; statements: StatementCounter; engine: Engine }> {
  const schema = options.schema ?? options.name.replace(/-/g, '_');
  const statements = new StatementCounter(options.name, options.logSql ?? false);
  const createSchema = `CREATE SCHEMA IF NOT EXISTS "${schema}"`;
  const common = {
    type: 'postgres' as const,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logger: statements,
  };
  let dataSource: DataSource;
  if (options.engine.kind === 'postgres') {
    const client = new pg.Client({ connectionString: options.engine.url, application_name: applicationName(options.name) });
    await client.connect();
    try {
      await client.query(createSchema);
    } finally {
      await client.end();
    }
    dataSource = new DataSource({ ...common, url: options.engine.url, poolSize: 10, applicationName: applicationName(options.name) });
  } else {
    await options.engine.db.exec(createSchema);
    dataSource = new DataSource({ ...common, driver: pgliteDriver, extra: { pglite: options.engine.db } });
  }
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return { dataSource, statements, engine: options.engine };
}

/** The schema a data source keeps its tables in (each subgraph has its own; `public` when none is set). */
export function schemaName(dataSource: DataSource): string {
  return (dataSource.driver.options as { schema?: string }).schema ?? 'public';
}
