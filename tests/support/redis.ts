import { spawn } from 'node:child_process';
import { freePort, waitForPort } from './processes';

/** A Redis server of its own on a free loopback port (Debian's `redis-server`), nothing saved. */
export async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`redis-server could not start (${e.message}): apt-get install redis-server`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
  });
  failed.catch(() => undefined);
  await Promise.race([waitForPort(port, 'redis-server'), failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    },
  };
}
