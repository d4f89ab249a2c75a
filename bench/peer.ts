import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/config';

/**
 * Hive Gateway, the peer the benchmark runs beside our gateway. It lives in `bench/hive/` with its
 * own package.json and lockfile (never in the project's dependencies) and is installed there on
 * first use. Returns the path of its command, or undefined (with the reason printed) when it
 * cannot be installed: the run then goes on without the peer column.
 */
export function ensurePeer(): string | undefined {
  const folder = path.join(projectRoot(), 'bench', 'hive');
  const manifest = path.join(folder, 'node_modules', '@graphql-hive', 'gateway', 'package.json');
  const wanted = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')).dependencies['@graphql-hive/gateway'];
  const installed = () => fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).version === wanted;
  if (!installed()) {
    console.log(`installing Hive Gateway ${wanted} into bench/hive (first run only: npm ci from the npm registry, about 500 MB, a minute or two)`);
    const started = Date.now();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd: folder, encoding: 'utf8', timeout: 600_000 });
    if (result.error || result.status !== 0 || !installed()) {
      const why = result.error?.message ?? (result.stderr || result.stdout || `exit ${result.status}`).trim().split('\n').slice(-5).join('\n');
      console.log(`Hive Gateway could not be installed, the peer column is left out:\n${why}`);
      return undefined;
    }
    console.log(`Hive Gateway installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return path.join(folder, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
}

/** Where the peer runs from: its folder holds `gateway.config.mjs`. */
export const PEER_FOLDER = () => path.join(projectRoot(), 'bench', 'hive');
