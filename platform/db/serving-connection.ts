import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { applicationName, type Engine, type StatementCounter } from './data-source';
import { currentSettings, SETTINGS } from '../security/request-scope';
import { currentRequest } from '../server/log';
import { APP_ROLE } from '../security/row-level-security';

/** The application role's URL: `appUrl`, else the owner's URL with the user replaced (no password). */
export function appUrlOf(engine: Extract<Engine, { kind: 'postgres' }>): string {
  if (engine.appUrl) return engine.appUrl;
  const url = new URL(engine.url);
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}

const SCOPE = Symbol('zrg scope of the borrower');
const STATE = Symbol('zrg transaction state');
type Scope = ReturnType<typeof currentSettings> & { requestId?: string };
/** `none`: no transaction open; `pending`: one opened, its settings not yet set; `set`: settings set. */
type ScopedClient = pg.PoolClient & { [SCOPE]?: Scope; [STATE]?: 'none' | 'pending' | 'set' };
const WRAPPED = Symbol('zrg wrapped');
type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, release: (err?: Error | boolean) => void) => void;
type Query = (text: unknown, values?: unknown) => Promise<unknown>;

const OPENS = /^\s*(START TRANSACTION|BEGIN)\b/i;
const ENDS = /^\s*(COMMIT|ROLLBACK|END)\s*$/i;
const TRANSACTION_MODE = /^\s*SET TRANSACTION\b/i;

/** The settings as one statement, every value local to the transaction it runs in (`$1` … `$n`). */
function localSettings(scope: Scope, applicationName: string): { text: string; values: string[] } {
  const names = [...SETTINGS, ...(scope.requestId ? ['application_name'] : [])];
  const values = [...scope.values, ...(scope.requestId ? [`${applicationName} ${scope.requestId}`] : [])];
  return { text: `SELECT ${names.map((name, i) => `set_config('${name}', $${i + 1}, true)`).join(', ')}`, values };
}

/**
 * Every piece of work a request does on a borrowed connection carries the request's settings
 * inside its own transaction (`set_config(…, true)`), so nothing outlives it on the server
 * connection: behind PgBouncer in transaction pooling the next transaction may run on another
 * server connection, and this one serves another client next. A statement on its own runs in a
 * transaction of its own (BEGIN with the settings, the statement, COMMIT: two round trips more); in a transaction TypeORM
 * opens, the settings follow its START TRANSACTION (and SET TRANSACTION, which must come first),
 * and savepoints nest inside as usual. Work outside a request, with no settings, runs as it is.
 * Sent on the pg client directly, not through TypeORM: statement counts stay those of the work.
 * The request id goes into `application_name` for the transaction, where a DBA sees it.
 */
function wrapClient(client: ScopedClient & { [WRAPPED]?: true }, applicationName: string): void {
  if (client[WRAPPED]) return;
  client[WRAPPED] = true;
  const original = client.query.bind(client) as Query;
  client[STATE] = 'none';
  const scoped = async (text: unknown, values?: unknown) => {
    const scope = client[SCOPE];
    const sql = typeof text === 'string' ? text : (text as { text?: string })?.text ?? '';
    if (!scope) return original(text, values);
    if (client[STATE] === 'none') {
      if (OPENS.test(sql)) {
        const result = await original(text, values);
        client[STATE] = 'pending';
        return result;
      }
      const settings = localSettings(scope, applicationName);
      // one round trip: BEGIN and the settings as a simple query, the values escaped in place
      const inline = settings.text.replace(/\$(\d+)/g, (_, i: string) => client.escapeLiteral(settings.values[Number(i) - 1]));
      await original(`BEGIN; ${inline}`);
      try {
        const result = await original(text, values);
        await original('COMMIT');
        return result;
      } catch (error) {
        await original('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    if (client[STATE] === 'pending' && !TRANSACTION_MODE.test(sql)) {
      const settings = localSettings(scope, applicationName);
      await original(settings.text, settings.values);
      client[STATE] = 'set';
    }
    try {
      return await original(text, values);
    } finally {
      if (ENDS.test(sql)) client[STATE] = 'none';
    }
  };
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    // callback and submittable forms (not used by TypeORM's query runner) go through unchanged
    if (typeof values === 'function' || typeof callback === 'function' || typeof (text as { submit?: unknown })?.submit === 'function') {
      return (original as (...args: unknown[]) => unknown)(text, values, callback);
    }
    return scoped(text, values);
  }) as typeof client.query;
}

/** Makes every connection `pool` lends carry the settings of the borrower's request, transaction by transaction (`wrapClient`). */
function scopeConnections(pool: pg.Pool, applicationName: string): void {
  const connect = pool.connect.bind(pool) as (callback: ConnectCallback) => void;
  const scoped = (callback: ConnectCallback) => {
    // taken now: a waiting borrower is handed its connection from another request's continuation
    const settings = currentSettings();
    const scope: Scope | undefined = settings.inRequest || settings.values.some(Boolean) ? { ...settings, requestId: currentRequest()?.requestId } : undefined;
    connect((err, client, release) => {
      if (err || !client) return callback(err, client, release);
      const target = client as ScopedClient;
      // every client, also those opened before this wrapper was installed (TypeORM's first)
      wrapClient(target, applicationName);
      target[SCOPE] = scope;
      target[STATE] = 'none';
      callback(undefined, client, release);
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
  const url = appUrlOf(engine);
  await givePassword(engine, url);
  return servingDataSource(owner, url, statements, applicationName(name));
}

/** The serving role's URL on the replica: the replica's address, the serving role's user and password. */
export function replicaAppUrlOf(engine: Extract<Engine, { kind: 'postgres' }> & { replicaUrl: string }): string {
  const app = new URL(appUrlOf(engine));
  const url = new URL(engine.replicaUrl);
  url.username = app.username;
  url.password = app.password;
  return url.toString();
}

/**
 * Where a subgraph reads statistics and lists (`BaseContext.reads`): a streaming replica
 * (DATABASE_REPLICA_URL) as the serving role, scoped like the primary's connections, shown as
 * `zrg-<name>-replica`; none without one (everything on the primary).
 */
export async function openReplicaDataSource(owner: DataSource, engine: Engine, statements: StatementCounter, name: string): Promise<DataSource | undefined> {
  if (engine.kind !== 'postgres' || !engine.replicaUrl) return undefined;
  return servingDataSource(owner, replicaAppUrlOf({ ...engine, replicaUrl: engine.replicaUrl }), statements, `${applicationName(name)}-replica`);
}

async function servingDataSource(owner: DataSource, url: string, statements: StatementCounter, application: string): Promise<DataSource> {
  const options = owner.options as { schema?: string };
  const serving = new DataSource({
    type: 'postgres',
    url,
    schema: options.schema,
    entities: owner.options.entities,
    synchronize: false,
    installExtensions: false,
    poolSize: 10,
    applicationName: application,
    logger: statements,
  });
  await serving.initialize();
  scopeConnections((serving.driver as PostgresDriver).master as pg.Pool, application);
  return serving;
}
