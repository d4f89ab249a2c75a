import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { projectRoot } from '../platform/config';
import { readCollection } from './collection';

/** Where `npm run build` puts the GraphiQL bundle. */
export const GRAPHIQL_DIR = path.join(projectRoot(), 'dist', 'graphiql');

/** GraphiQL, self-hosted: `/graphiql/` (the bundle, no CDN) and `/graphiql/collection.json`. */
export function serveGraphiQL(app: Express, bundleDir = GRAPHIQL_DIR, collectionDir?: string): void {
  app.get('/', (_req, res) => res.redirect('/graphiql/'));
  app.get('/favicon.ico', (_req, res) => res.type('image/svg+xml').sendFile(path.join(bundleDir, 'favicon.svg'), (error) => error && res.status(404).end()));
  app.get('/graphiql/collection.json', (_req, res) => res.json(readCollection(collectionDir)));
  app.use('/graphiql', (req, res, next) => {
    if (fs.existsSync(path.join(bundleDir, 'index.html'))) return next();
    res.status(503).type('text/plain').send('GraphiQL 尚未构建，请运行 npm run build · GraphiQL is not built: run npm run build');
  });
  app.use('/graphiql', express.static(bundleDir, { index: 'index.html', maxAge: '1h' }));
}
