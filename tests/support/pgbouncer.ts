import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from './processes';

const BINARY = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => fs.existsSync(p)) ?? 'pgbouncer';

/**
 * Debian's PgBouncer on a free loopback port in front of the PostgreSQL at `target`, in
 * transaction pooling with `poolSize` server connections per database and user (trust: the
 * users are listed, no passwords). As root it drops to the `postgres` user, as PgBouncer requires.
 */
export async function startPgBouncer(target: string, users: string[], poolSize = 1) {
  const { hostname, port: targetPort, pathname } = new URL(target);
  const database = pathname.slice(1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zrg-pgbouncer-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'users.txt'), users.map((u) => `"${u}" ""`).join('\n') + '\n', { mode: 0o644 });
  const ini = [
    '[databases]',
    `${database} = host=${hostname} port=${targetPort || 5432} dbname=${database}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${path.join(dir, 'users.txt')}`,
    'pool_mode = transaction',
    `default_pool_size = ${poolSize}`,
    'min_pool_size = 0',
    'reserve_pool_size = 0',
    'max_client_conn = 500',
    'ignore_startup_parameters = extra_float_digits,options',
    ...(process.getuid?.() === 0 ? ['user = postgres'] : []),
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'pgbouncer.ini'), ini + '\n', { mode: 0o644 });
  const child = spawn(BINARY, [path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`PgBouncer could not start (${e.message}): apt-get install pgbouncer`)));
    child.once('exit', (code) => reject(new Error(`PgBouncer exited (${code}): ${stderr.slice(-1000)}`)));
  });
  const listening = waitForPort(port, `PgBouncer (${stderr.slice(-500)})`);
  await Promise.race([listening, failed]);
  failed.catch(() => undefined);
  return {
    /** `target` with the host and port of the bouncer, as `user`. */
    url: (user: string) => `postgres://${user}@127.0.0.1:${port}/${database}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
