import fs from 'node:fs';
import { withPg } from './test-server';

/** jest's globalTeardown: removes the run's seeds (files and databases). */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env.TEST_SEED_DIR;
  const prefix = process.env.TEST_SEED_PREFIX;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (!prefix || process.env.TEST_POSTGRES === '0') return;
  await withPg(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`${prefix}_`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
