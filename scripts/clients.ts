import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import 'reflect-metadata';
import { loadSupergraph } from '../gateway/supergraph';
import { allowOperations, apiSchemaOf, issueClient, listClients, openGatewayDatabase, revokeClient } from '../gateway/clients/client-store';
import { loadConfig } from '../platform/config';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { SCHEMA_DIR } from './supergraph';

const USAGE = `usage (PostgreSQL from DATABASE_URL; else the embedded database of npm start — stop the platform first):
  npm run clients -- issue  --name 昭通市民政局 --jurisdiction 530600[,…] --purposes public-security|civil-affairs|human-resources|audit[,…] [--expires 2027-12-31] [--rate 600]
  npm run clients -- allow  --id <client id> --file schema/partner-operations/<name>.graphql [--file …] [--beyond-contract yes]
  npm run clients -- revoke --id <client id>
  npm run clients -- list`;

function options(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 3; i < process.argv.length; i += 2) {
    const name = process.argv[i].replace(/^--/, '');
    out.set(name, [...(out.get(name) ?? []), process.argv[i + 1] ?? '']);
  }
  return out;
}

/** Issues, lists and revokes partner API keys, and registers the operations each partner may run. */
async function main() {
  const [command] = process.argv.slice(2);
  const opts = options();
  const one = (name: string) => opts.get(name)?.[0];
  const config = loadConfig();
  const engine: Engine = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', db: await openPGlite(path.join(config.dataDir, 'pglite')) };
  const { dataSource } = await openGatewayDatabase(engine);
  try {
    switch (command) {
      case 'issue': {
        const expires = one('expires');
        const issued = await issueClient(dataSource, {
          name: one('name') ?? '',
          jurisdiction: (one('jurisdiction') ?? '').split(',').filter(Boolean),
          purposes: (one('purposes') ?? '').split(',').filter(Boolean),
          expiresAt: expires ? new Date(`${expires}T23:59:59+08:00`) : null,
          ratePerMinute: one('rate') ? Number(one('rate')) : undefined,
        });
        console.log(`client ${issued.id}\nAPI key (shown once, store it safely): ${issued.key}`);
        break;
      }
      case 'allow': {
        // partner operations are checked against the partner contract, unless the operator says otherwise
        const schema = one('beyond-contract') === 'yes' ? apiSchemaOf(loadSupergraph(config).sdl) : buildSchema(fs.readFileSync(path.join(SCHEMA_DIR, 'partner.graphql'), 'utf8'));
        const documents = (opts.get('file') ?? []).map((file) => ({ name: path.basename(file), text: fs.readFileSync(file, 'utf8') }));
        if (!one('id') || !documents.length) throw new Error(USAGE);
        for (const { name, hash } of await allowOperations(dataSource, one('id')!, documents, schema)) console.log(`allowed ${name}  documentId sha256:${hash}`);
        break;
      }
      case 'revoke':
        console.log((await revokeClient(dataSource, one('id') ?? '')) ? 'revoked' : 'no such client');
        break;
      case 'list':
        for (const c of await listClients(dataSource)) {
          const state = c.revokedAt ? 'revoked' : c.expiresAt && c.expiresAt < new Date() ? 'expired' : 'active';
          console.log(`${c.id}  zrg_${c.keyPrefix}_…  ${state.padEnd(7)}  ${c.name}  [${c.jurisdiction.join(',')}]  purposes: ${c.purposes.join(',') || '-'}  ${c.ratePerMinute}/min`);
        }
        break;
      default:
        throw new Error(USAGE);
    }
  } finally {
    await dataSource.destroy();
    if (engine.kind === 'pglite') await engine.db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
