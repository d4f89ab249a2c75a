import { runRegistryCommand } from './registry-files-main';

/** `npm run import`: see scripts/registry-files.ts and docs/import.md. */
runRegistryCommand('import').catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
