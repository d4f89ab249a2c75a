import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Service {
  name: string;
  url: string;
  process: ChildProcess;
  /** Its `/metrics` (METRICS_PORT), when it was started with one. */
  metrics?: string;
}

/** Every process started here and still running: stopped when the benchmark's own process exits, however it ends (a failed start-up too). */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill();
});

/** Starts `node script ...args` with `env` (in `cwd`) and waits until its `/health` answers 200. */
export async function startService(name: string, script: string, env: Record<string, string>, url: string, options: { args?: string[]; cwd?: string; nodeArgs?: string[]; metrics?: string } = {}): Promise<Service> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...(options.args ?? [])], { env: { ...process.env, ...env }, cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const health = url.replace(/graphql$/, 'health');
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    try {
      if ((await fetch(health)).ok) return { name, url, process: child, ...(options.metrics ? { metrics: options.metrics } : {}) };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${name} did not become healthy: ${stderr}`);
}

/** Resident set size now, and its peak, in MiB (Linux /proc). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** CPU time (user + system) the process has used so far, ms (Linux /proc, clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Sum of `resettlement_sql_statements_total` over the services' /metrics (each on its METRICS_PORT, apart from the API). */
export async function sqlStatements(services: Service[]): Promise<number> {
  let total = 0;
  for (const s of services) {
    if (!s.metrics) throw new Error(`${s.name} was started without METRICS_PORT: its SQL statements cannot be counted`);
    const res = await fetch(s.metrics);
    if (!res.ok) throw new Error(`${s.name}: ${s.metrics} answered ${res.status}`);
    const text = await res.text();
    const match = /^resettlement_sql_statements_total\{[^}]*\} (\d+)/m.exec(text);
    total += match ? Number(match[1]) : 0;
  }
  return total;
}

/** Sum and count of a Prometheus histogram over all its label sets (or those whose labels include `labels`), from /metrics text. */
export function histogramTotals(text: string, name: string, labels = ''): { sumSeconds: number; count: number } {
  let sumSeconds = 0;
  let count = 0;
  for (const m of text.matchAll(new RegExp(`^${name}_(sum|count)\\{([^}]*)\\} ([0-9.e+-]+)$`, 'gm'))) {
    if (labels && !m[2].includes(labels)) continue;
    if (m[1] === 'sum') sumSeconds += Number(m[3]);
    else count += Number(m[3]);
  }
  return { sumSeconds, count };
}

/** The services' /metrics text, one entry per service started with METRICS_PORT. */
export async function metricsOf(services: Service[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const s of services) if (s.metrics) texts.set(s.name, await (await fetch(s.metrics)).text());
  return texts;
}
