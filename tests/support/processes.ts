import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import net from 'node:net';
import readline from 'node:readline';

export { freePort } from '../../bench/processes';

const ROOT = path.resolve(__dirname, '../..');

export interface PlatformProcess {
  child: ChildProcess;
  /** Every JSON line it logged so far. */
  lines: Record<string, any>[];
  /** Resolves with the first logged line `match` accepts; rejects if the process exits first or `timeoutMs` (default: none, a busy machine only makes it slower) passes. */
  waitFor(match: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * Starts an entry point of the platform (`subgraphs/employment/index.ts`, `gateway/index.ts`) as
 * its own process, from the sources, with `env` added, logging JSON lines that the test reads.
 */
export function startProcess(entry: string, env: Record<string, string>): PlatformProcess {
  const child = spawn(process.execPath, ['-r', path.join(__dirname, 'register-ts.js'), path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, any>[] = [];
  const waiting: { match: (line: Record<string, any>) => boolean; resolve: (line: Record<string, any>) => void }[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, any>;
    try {
      line = JSON.parse(text);
    } catch {
      return;
    }
    lines.push(line);
    for (const w of [...waiting]) if (w.match(line)) (waiting.splice(waiting.indexOf(w), 1), w.resolve(line));
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    lines,
    exited,
    waitFor(match, timeoutMs) {
      const found = lines.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = timeoutMs === undefined ? undefined : setTimeout(() => reject(new Error(`${entry}: no such log line in ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
        exited.then((code) => reject(new Error(`${entry} exited (${code}) before the awaited log line; stderr: ${stderr.slice(-2000)}`)));
        waiting.push({ match, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      });
    },
  };
}

/** Stops a started process if it still runs (SIGCONT first, in case a test paused it). */
export async function stopProcess(p: PlatformProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGCONT');
  p.child.kill('SIGKILL');
  await p.exited;
}

/** Resolves once something listens on the loopback `port` (tried for about 10 s). */
export async function waitForPort(port: number, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not listen on ${port}`);
}
