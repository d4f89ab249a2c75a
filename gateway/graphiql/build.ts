import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../platform/config';

const source = path.join(projectRoot(), 'gateway', 'graphiql');

/**
 * Bundles GraphiQL for offline use: the app (React, GraphiQL, its CSS and fonts) and Monaco's
 * three workers, all served by the gateway from `outDir`. About 2 s.
 */
export async function buildGraphiQL(outDir: string): Promise<void> {
  const req = (name: string) => require.resolve(name);
  fs.mkdirSync(outDir, { recursive: true });
  const common = { bundle: true, minify: true, logLevel: 'error' as const, legalComments: 'none' as const, define: { 'process.env.NODE_ENV': '"production"' } };
  await build({
    ...common,
    entryPoints: { app: path.join(source, 'app.tsx') },
    outdir: outDir,
    format: 'iife',
    jsx: 'automatic',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
    tsconfig: path.join(source, 'tsconfig.json'),
  });
  await build({
    ...common,
    entryPoints: {
      'editor.worker': req('monaco-editor/esm/vs/editor/editor.worker.js'),
      'json.worker': req('monaco-editor/esm/vs/language/json/json.worker.js'),
      'graphql.worker': req('monaco-graphql/esm/graphql.worker.js'),
    },
    outdir: outDir,
    format: 'iife',
  });
  for (const file of ['index.html', 'favicon.svg']) fs.copyFileSync(path.join(source, file), path.join(outDir, file));
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(projectRoot(), 'dist', 'graphiql');
  const started = Date.now();
  buildGraphiQL(out).then(
    () => console.log(`GraphiQL bundled into ${path.relative(process.cwd(), out)} in ${Date.now() - started} ms`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
