import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, SCHEMA_DIR } from './supergraph';

/** `npm run compose`: writes each subgraph's SDL and the composed supergraph to schema/. */
async function main() {
  const { files } = await composeSupergraph();
  fs.mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(SCHEMA_DIR, name), content);
    console.log(`wrote schema/${name} (${content.length} bytes)`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
