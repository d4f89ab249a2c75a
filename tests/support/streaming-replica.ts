import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './processes';

const BIN = fs.existsSync('/usr/lib/postgresql') ? path.join('/usr/lib/postgresql', fs.readdirSync('/usr/lib/postgresql').sort().reverse()[0], 'bin') : '';

export interface StreamingPair {
  primaryUrl: string;
  replicaUrl: string;
  /** Every statement each server ran, with its connection's application_name (`log_statement = all`). */
  log(which: 'primary' | 'replica'): string;
  /** Stops or resumes the replica's replay of the primary's WAL (it keeps receiving it). */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  stop(): void;
}

/** Whether this machine has the PostgreSQL server binaries (Debian's postgresql package). */
export const canRunPostgres = Boolean(BIN) && fs.existsSync(path.join(BIN, 'pg_basebackup'));

/**
 * A PostgreSQL primary and its streaming replica of our own, on free loopback ports in a temporary
 * folder (initdb with trust authentication, pg_basebackup -R for the replica), each logging every
 * statement with its application_name. The machine's own server is left alone. As root the
 * servers run as the `postgres` user, as PostgreSQL requires.
 */
export async function startStreamingPair(): Promise<StreamingPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zrg-replica-'));
  const asPostgres = (command: string, args: string[]) =>
    process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN, command), ...args], { stdio: 'pipe' }) : execFileSync(path.join(BIN, command), args, { stdio: 'pipe' });
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const settings = (port: number) => ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'shared_buffers=16MB', '-c', 'fsync=off', '-c', 'log_statement=all', '-c', "log_line_prefix=[%a] "].map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ');
  asPostgres('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
  asPostgres('pg_ctl', ['-D', primaryDir, '-l', path.join(dir, 'primary.log'), '-o', settings(primaryPort), '-w', 'start']);
  let replicaStarted = false;
  const stop = () => {
    for (const [data, started] of [[replicaDir, replicaStarted], [primaryDir, true]] as const) {
      if (started) {
        try {
          asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--no-sync']);
    asPostgres('pg_ctl', ['-D', replicaDir, '-l', path.join(dir, 'replica.log'), '-o', `${settings(replicaPort)} -c hot_standby=on`, '-w', 'start']);
    replicaStarted = true;
  } catch (error) {
    stop();
    throw error;
  }
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
  const once = async <T>(url: string, sql: string): Promise<T> => {
    const client = new pg.Client({ connectionString: url, application_name: 'test' });
    await client.connect();
    try {
      return (await client.query(sql)).rows[0] as T;
    } finally {
      await client.end();
    }
  };
  return {
    primaryUrl,
    replicaUrl,
    log: (which) => fs.readFileSync(path.join(dir, `${which}.log`), 'utf8'),
    pauseReplay: async () => void (await once(replicaUrl, 'SELECT pg_wal_replay_pause()')),
    resumeReplay: async () => void (await once(replicaUrl, 'SELECT pg_wal_replay_resume()')),
    async caughtUp() {
      const { lsn } = await once<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
      for (const deadline = Date.now() + 120_000; ; ) {
        const { done } = await once<{ done: boolean }>(replicaUrl, `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`);
        if (done) return;
        if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${lsn} in 120 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop,
  };
}
