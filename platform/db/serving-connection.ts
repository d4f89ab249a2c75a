import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { applicationName, type Engine, type StatementCounter } from './data-source';
import { currentSettings, SET_SETTINGS_SQL } from '../security/request-scope';
import { APP_ROLE } from '../security/row-level-security';

/** The application role's URL: `appUrl`, else the owner's URL with the user replaced (no password). */
export function appUrlOf(engine: Extract<Engine, { kind: 'postgres' }>): string {
  if (engine.appUrl) return engine.appUrl;
  const url = new URL(engine.url);
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}

const APPLIED = Symbol('zrg settings applied');
type ScopedClient = pg.PoolClient & { [APPLIED]?: string };
type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, release: (err?: Error | boolean) => void) => void;

/**
 * Makes every connection `pool` lends carry the settings of the request that asked for it (or
 * none, outside a request), before the borrower runs anything. Set on the pg client directly,
 * not through TypeORM, so statement counts stay those of the work itself; skipped when the
 * connection already carries the same settings.
 */
function scopeConnections(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (callback: ConnectCallback) => void;
  const scoped = (callback: ConnectCallback) => {
    // taken now: a waiting borrower is handed its connection from another request's continuation
    const { values } = currentSettings();
    const key = values.join('|');
    connect((err, client, release) => {
      if (err || !client) return callback(err, client, release);
      const target = client as ScopedClient;
      if (target[APPLIED] === key) return callback(undefined, client, release);
      target[APPLIED] = undefined;
      target.query(SET_SETTINGS_SQL, values).then(
        () => {
          target[APPLIED] = key;
          callback(undefined, client, release);
        },
        (error: Error) => {
          release(error);
          callback(error, undefined, () => undefined);
        },
      );
    });
  };
  pool.connect = ((callback?: ConnectCallback) => {
    if (callback) return scoped(callback);
    return new Promise((resolve, reject) => scoped((err, client) => (err ? reject(err) : resolve(client!))));
  }) as typeof pool.connect;
}

/**
 * When the application role's URL carries a password (a server that checks passwords), the
 * owner gives the role that password, so one configured URL is all the deployment needs.
 */
async function givePassword(engine: Extract<Engine, { kind: 'postgres' }>, url: string): Promise<void> {
  const password = decodeURIComponent(new URL(url).password);
  if (!password) return;
  const client = new pg.Client({ connectionString: engine.url, application_name: applicationName('deploy') });
  await client.connect();
  try {
    const role = decodeURIComponent(new URL(url).username);
    await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } catch {
    // several subgraphs starting at once may collide here; the first one's change stands
  } finally {
    await client.end();
  }
}

/**
 * The data source a subgraph serves through. On PostgreSQL, a connection as the application
 * role (which owns nothing, so row-level security applies), sharing the owner's entities and
 * statement counter. On PGlite, the owner's data source itself: its pool switches to the
 * application role whenever it lends the connection inside a request.
 */
export async function openServingDataSource(owner: DataSource, engine: Engine, statements: StatementCounter, name: string): Promise<DataSource> {
  if (engine.kind === 'pglite') return owner;
  const options = owner.options as { schema?: string };
  const url = appUrlOf(engine);
  await givePassword(engine, url);
  const serving = new DataSource({
    type: 'postgres',
    url,
    schema: options.schema,
    entities: owner.options.entities,
    synchronize: false,
    installExtensions: false,
    poolSize: 10,
    applicationName: applicationName(name),
    logger: statements,
  });
  await serving.initialize();
  scopeConnections((serving.driver as PostgresDriver).master as pg.Pool);
  return serving;
}
