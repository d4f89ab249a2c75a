import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';
import { currentSettings, SET_SETTINGS_SQL } from '../security/request-scope';
import { APP_ROLE } from '../security/row-level-security';

/**
 * A `pg`-shaped pool over one PGlite instance, for TypeORM's postgres driver.
 *
 * PGlite is a single connection. A pool that hands the same connection to every caller lets one
 * request's statements run inside another request's open transaction; this pool is a pool of
 * one instead: a query runner holds the connection from `connect` until `release`, and everyone
 * else waits. All data sources on the same PGlite instance share its lock.
 */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => {
      let done = false;
      return () => {
        if (!done) {
          done = true;
          release();
        }
      };
    });
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

const locks = new WeakMap<PGlite, Mutex>();
/** The role and settings each instance's connection carries now (skips re-applying the same). */
const applied = new WeakMap<PGlite, string>();

/**
 * Lent inside a request, the connection acts as the application role with the request's
 * settings (row-level security applies); lent outside one (migrations, demo loads, the
 * gateway's own tables), it acts as the owner with every setting cleared. Run directly on the
 * instance, not through TypeORM, so statement counts stay those of the work itself.
 */
async function applyScope(db: PGlite, { inRequest, values }: ReturnType<typeof currentSettings>): Promise<void> {
  const key = `${inRequest ? 'app' : 'owner'}|${values.join('|')}`;
  if (applied.get(db) === key) return;
  applied.delete(db);
  await db.exec(inRequest ? `SET ROLE ${APP_ROLE}` : 'RESET ROLE');
  await db.query(SET_SETTINGS_SQL, values);
  applied.set(db, key);
}

function lockOf(db: PGlite): Mutex {
  let lock = locks.get(db);
  if (!lock) locks.set(db, (lock = new Mutex()));
  return lock;
}

interface PgResult {
  rows: unknown[];
  rowCount: number;
  command?: string;
  fields: Results['fields'];
}

function toPg(result: Results | undefined): PgResult {
  if (!result) return { rows: [], rowCount: 0, fields: [] };
  const rowCount = result.affectedRows || result.rows.length;
  return { rows: result.rows, rowCount, fields: result.fields, command: (result as { command?: string }).command };
}

class PGliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  /** The instance itself, for what TypeORM cannot pass (a bulk load's `COPY … FROM '/dev/blob'`). */
  get pglite(): PGlite {
    return this.db;
  }

  async query(sql: string, params?: unknown[] | ((err: Error | null, r?: PgResult) => void)): Promise<PgResult> {
    const values = Array.isArray(params) ? params : undefined;
    if (values && values.length > 0) return toPg(await this.db.query(sql, values));
    const results = await this.db.exec(sql);
    return toPg(results[results.length - 1]);
  }
}

type ConnectCallback = (err: Error | null, client: PGliteClient | null, release: () => void) => void;

export class PGlitePool extends EventEmitter {
  private readonly db: PGlite;
  private readonly client: PGliteClient;

  constructor(options: { pglite?: PGlite }) {
    super();
    if (!options.pglite) throw new Error('PGlitePool needs a PGlite instance (extra.pglite)');
    this.db = options.pglite;
    this.client = new PGliteClient(this.db);
  }

  connect(callback: ConnectCallback): void {
    // the scope of the caller, taken now: the lock may be granted from another request's continuation
    const scope = currentSettings();
    lockOf(this.db)
      .acquire()
      .then(async (release) => {
        try {
          await applyScope(this.db, scope);
        } catch (err) {
          release();
          throw err;
        }
        return release;
      })
      .then(
        (release) => callback(null, this.client, release),
        (err: Error) => callback(err, null, () => undefined),
      );
  }

  async query(sql: string, params?: unknown[]): Promise<PgResult> {
    const scope = currentSettings();
    const release = await lockOf(this.db).acquire();
    try {
      await applyScope(this.db, scope);
      return await this.client.query(sql, params);
    } finally {
      release();
    }
  }

  end(callback?: (err: Error | null) => void): Promise<void> {
    callback?.(null);
    return Promise.resolve();
  }
}

/** The PGlite instance behind a query runner's connection (`queryRunner.databaseConnection`), if it is one of this pool's. */
export function pgliteOf(connection: unknown): PGlite | undefined {
  return connection instanceof PGliteClient ? connection.pglite : undefined;
}

/** The module TypeORM's postgres driver loads in place of `pg`. */
export const pgliteDriver = { Pool: PGlitePool };
