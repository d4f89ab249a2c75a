import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './support/processes';

const ROOT = path.resolve(__dirname, '..');
const SUBGRAPHS = ['HOUSEHOLDS', 'LAND_HOUSING', 'EMPLOYMENT', 'PARTY_BUILDING', 'SUPPORT'];

/** Processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const tasks = fs.readdirSync(`/proc/${pid}/task`);
  return tasks.flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * `npm start` as a user runs it, with npm in front (`exec` leaves no shell between npm and node,
 * scripts/run.js builds first when the sources are newer than dist/): it serves, with `/metrics`
 * on its own port only; ONE SIGTERM to npm stops the whole tree — npm and node both gone —
 * and leaves no port held (the gateway's, every subgraph's, the metrics port).
 */
describe('npm start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zrg-npm-start-'));
  let npm: ReturnType<typeof spawn> | undefined;
  afterAll(() => {
    if (npm && npm.exitCode === null) npm.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops on one SIGTERM to npm, node with it, and frees every port', async () => {
    const ports: Record<string, number> = { gateway: await freePort(), metrics: await freePort() };
    for (const s of SUBGRAPHS) ports[s] = await freePort();
    npm = spawn('npm', ['start', '--', '--scale', '0.005'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        NODE_OPTIONS: '',
        DATA_DIR: dataDir,
        PORT: String(ports.gateway),
        METRICS_PORT: String(ports.metrics),
        ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_PORT_${s}`, String(ports[s])])),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (chunk) => (output += chunk));
    npm.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | string>((resolve) => npm!.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
    // a first build from a fresh clone and the demo load take minutes on a busy machine
    for (const deadline = Date.now() + 15 * 60_000; !/\nready in /.test(output); ) {
      if (npm.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not become ready:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const [node] = childrenOf(npm.pid!);
    expect(node).toBeDefined();
    expect(fs.readFileSync(`/proc/${node}/cmdline`, 'utf8')).toContain('scripts/run.js');

    expect(output).toContain(`metrics:  http://127.0.0.1:${ports.metrics}/metrics`);
    const metrics = await fetch(`http://127.0.0.1:${ports.metrics}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^resettlement_sql_statements_total\{service="households"\} [1-9]/m);
    expect((await fetch(`http://127.0.0.1:${ports.gateway}/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${ports.gateway}/health/ready`)).status).toBe(200);

    npm.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (let i = 0; i < 100 && alive(node); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(node)).toBe(false);
    for (const [name, port] of Object.entries(ports)) expect([name, await listening(port)]).toEqual([name, false]);
  });
});
