#!/usr/bin/env node
// `npm test`: the type-check (`npm run typecheck`) and, beside it, jest with what PGlite needs, every
// suite on the embedded engine and, when it is reachable, the engine-sensitive ones on PostgreSQL as
// well (`engines()` in tests/environment.ts); then prints the plain summary line `N passed, N failed`
// and fails if either failed. The type-check is single-threaded: run first, it kept a core idle.
// `--full` (`npm run test:full`): the full-scale suites (`*.full.test.ts`) instead, without the type-check.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

async function main() {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const postgres = process.env.TEST_POSTGRES === '0' ? false : await reachable(url);
  console.log(postgres ? `engines: embedded (PGlite), and PostgreSQL (${url.replace(/\/\/[^@]*@/, '//')}) for the engine-sensitive suites` : 'engines: embedded (PGlite) only: PostgreSQL is not reachable, its runs are left out');

  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const browser = fs.existsSync(chromium);
  if (!browser) {
    console.log(`browser test: NOT RUN, no Chromium at ${chromium}. Install it (apt-get install chromium) or set CHROMIUM_PATH, then run: npm test -- tests/browser`);
  } else if (!spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim()) {
    console.log('browser test: no Chinese font is installed, so its check that GraphiQL draws Chinese will fail: apt-get install fonts-wqy-zenhei');
  }

  const full = process.argv.includes('--full');
  const report = path.join(os.tmpdir(), `jest-report-${process.pid}.json`);
  const args = [require.resolve('jest/bin/jest'), '--json', `--outputFile=${report}`, ...process.argv.slice(2).filter((a) => a !== '--full')];
  const env = {
    ...process.env,
    TEST_POSTGRES: postgres ? '1' : '0',
    TEST_BROWSER: browser ? '1' : '0',
    TEST_FULL: full ? '1' : '0',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim(),
  };
  const exit = (child) => new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const typecheck = full ? Promise.resolve(0) : exit(spawn('npm', ['run', '--silent', 'typecheck'], { stdio: 'inherit' }));
  const run = { status: await exit(spawn(process.execPath, args, { stdio: 'inherit', env })) };
  const typed = await typecheck;
  if (typed !== 0) console.log(`the type-check failed (${typed}): npm run typecheck`);

  let passed = 0;
  let failed = 0;
  try {
    const result = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed = result.numPassedTests;
    failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
    fs.unlinkSync(report);
  } catch {
    failed = Math.max(failed, 1);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(run.status === 0 && typed === 0 && failed === 0 && passed > 0 ? 0 : 1);
}

main();
