#!/usr/bin/env node
// `npm start`, `npm run token` …: `node scripts/run.js <script> [args]` runs dist/<script>.js in
// this very process (npm's SIGTERM reaches it; `exec` in package.json leaves no shell between),
// building first only when a source is newer than the last build: `tsc` incrementally
// (dist/.tsbuildinfo), the GraphiQL bundle only when its own sources changed.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const SOURCE = /\.(ts|tsx|css|html|svg|json)$/;

/** Newest modification time under `entries` (files whose names match SOURCE). */
function newest(entries) {
  let latest = 0;
  const visit = (file) => {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(file)) if (name !== 'node_modules' && name !== 'dist') visit(path.join(file, name));
    } else if (SOURCE.test(file)) latest = Math.max(latest, stat.mtimeMs);
  };
  for (const entry of entries) visit(path.join(root, entry));
  return latest;
}

function builtAt(stamp) {
  try {
    return fs.statSync(path.join(dist, stamp)).mtimeMs;
  } catch {
    return 0;
  }
}

function step(what, args) {
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${what} failed`);
    process.exit(run.status ?? 1);
  }
}

function ensureBuilt() {
  const started = Date.now();
  let built = false;
  if (newest(['platform', 'gateway', 'subgraphs', 'scripts', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) > builtAt('.build-stamp')) {
    console.error('building (sources changed since the last build) …');
    step('the build', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
    fs.writeFileSync(path.join(dist, '.build-stamp'), new Date().toISOString());
    built = true;
  }
  if (newest(['gateway/graphiql', 'package-lock.json']) > builtAt('graphiql/.build-stamp')) {
    step('the GraphiQL bundle', [path.join(dist, 'gateway/graphiql/build.js')]);
    fs.writeFileSync(path.join(dist, 'graphiql/.build-stamp'), new Date().toISOString());
    built = true;
  }
  if (built) console.error(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run.js <script under dist, e.g. scripts/start> [arguments]');
  process.exit(2);
}
ensureBuilt();
const target = path.join(dist, `${script}.js`);
process.argv = [process.argv[0], target, ...args];
require(target);
