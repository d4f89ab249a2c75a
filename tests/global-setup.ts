import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withPg } from './test-server';

/** Databases of runs that started this long ago are left over from a run that was killed. */
const STALE_SECONDS = 6 * 3600;

/**
 * jest's globalSetup: gives the run a directory for its seeds and a prefix for its databases
 * (inherited by the workers through the environment), and drops what killed runs left behind.
 */
export default async function globalSetup(): Promise<void> {
  const started = Math.floor(Date.now() / 1000);
  process.env.TEST_SEED_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'zrg-seeds-'));
  process.env.TEST_SEED_PREFIX = `zrg_t${started}_${process.pid}`;
  if (process.env.TEST_POSTGRES === '0') return;
  await withPg(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^zrg_t[0-9]+_'`);
    for (const { datname } of rows) {
      if (started - Number(/^zrg_t(\d+)_/.exec(datname)![1]) > STALE_SECONDS) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
