import 'reflect-metadata';
import { openGatewayDatabase } from '../gateway/clients/client-store';
import { loadConfig } from '../platform/config';
import type { Engine } from '../platform/db/data-source';
import { APP_ROLE } from '../platform/security/row-level-security';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import { demoScale, loadDemo } from './demo';
import { SUBGRAPH_MODULES } from './subgraphs';

/**
 * `npm run deploy -- [--empty] [--scale 0.05]`: readies a PostgreSQL database (DATABASE_URL, an
 * owner's connection) for the platform: migrates every subgraph's schema and the gateway's,
 * gives the serving role (`zrg_app`) the password in DATABASE_APP_URL, and loads the demo into
 * the subgraphs that are still empty (nothing with `--empty`). Idempotent: a second run changes
 * nothing. docker-compose runs it once before the subgraphs start.
 */
async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('DATABASE_URL 未设置：部署需要 PostgreSQL · DATABASE_URL is not set: deploy readies a PostgreSQL database');
  const engine: Engine = { kind: 'postgres', url: config.databaseUrl, appUrl: config.databaseAppUrl };
  const empty = process.argv.includes('--empty');
  const databases: OpenDatabase[] = [];
  try {
    for (const module of SUBGRAPH_MODULES) {
      databases.push(await module.openDatabase(engine));
      console.log(`migrated ${module.name}`);
    }
    databases.push(await openGatewayDatabase(engine));
    console.log('migrated gateway');

    const password = config.databaseAppUrl ? decodeURIComponent(new URL(config.databaseAppUrl).password) : '';
    if (password) {
      const [{ statement }] = await databases[0].dataSource.query(`SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text) AS statement`, [APP_ROLE, password]);
      await databases[0].dataSource.query(statement);
      console.log(`serving role ${APP_ROLE}: password set from DATABASE_APP_URL`);
    } else {
      console.log(`serving role ${APP_ROLE}: no password in DATABASE_APP_URL (trust or peer authentication)`);
    }

    if (empty) console.log('--empty: no demo data loaded');
    else await loadDemo(SUBGRAPH_MODULES, databases.slice(0, SUBGRAPH_MODULES.length), { scale: demoScale(), progress: true, log: console.log });
    console.log('deployed');
  } finally {
    for (const db of databases) if (db.dataSource.isInitialized) await db.dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
