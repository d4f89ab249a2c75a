import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { openPGlite, type Engine } from '../platform/db/data-source';
import { importKeys, resolveKeyMaterial } from '../platform/security/keys';
import { SheetFileError } from '../platform/imports/sheet-reader';
import type { OpenDatabase } from '../platform/server/subgraph-module';
import { registryCommand, UsageError, USAGE } from './registry-files';
import { SUBGRAPH_MODULES } from './subgraphs';

/** Runs the command on the database the platform uses (DATABASE_URL, else the embedded one in DATA_DIR), opening the sheet's subgraph's. */
export async function runRegistryCommand(command: 'import' | 'export'): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.length === 0) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  let engine: Engine;
  if (config.databaseUrl) engine = { kind: 'postgres', url: config.databaseUrl };
  else {
    const dir = path.join(config.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
    engine = { kind: 'pglite', db: await openPGlite(dir) };
  }
  const needsKey = argv.includes('--as');
  const keys = needsKey ? await importKeys(await resolveKeyMaterial(config, ['tokenPublicKey'])) : undefined;
  let db: OpenDatabase | undefined;
  const dataSource = async (owner: string) => {
    db ??= await SUBGRAPH_MODULES.find((m) => m.name === owner)!.openDatabase(engine);
    return db.dataSource;
  };
  let code = 0;
  try {
    code = await registryCommand(command, argv, { dataSource, tokenPublic: keys?.tokenPublic, print: console.log, progress: process.stderr.isTTY });
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      code = 2;
    } else if (error instanceof SheetFileError) {
      console.error(`${error.zh} · ${error.en}`);
      code = 2;
    } else throw error;
  } finally {
    await db?.dataSource.destroy();
    if (engine.kind === 'pglite') await engine.db.close();
  }
  process.exitCode = code;
}
