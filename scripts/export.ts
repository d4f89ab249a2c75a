import { runRegistryCommand } from './registry-files-main';

/** `npm run export`: see scripts/registry-files.ts and docs/import.md. */
runRegistryCommand('export').catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
