import { Readable } from 'node:stream';
import type { Express, Request, Response } from 'express';
import { badInput } from '../subgraphs/shared/errors';
import { fileRoute } from '../subgraphs/shared/file-routes';
import { IDENTITY_HEADER } from '../subgraphs/shared/identity';
import { SHEET_OWNERS, sheetNamed } from '../subgraphs/shared/imports/registry-sheets';
import { createGatewayContext, type GatewayKeys } from './context';

function ownerUrl(subgraphUrls: Record<string, string>, sheet: string): string {
  const known = sheetNamed(sheet);
  const url = known && subgraphUrls[SHEET_OWNERS[known].owner];
  if (!url) throw badInput([{ field: 'sheet', zh: `没有名为 ${sheet} 的表`, en: `There is no sheet named ${sheet}` }]);
  return url.replace(/\/graphql$/, '');
}

/** Passes a download through from the owning subgraph, with the caller's identity signed by the gateway. */
async function pass(res: Response, url: string, headers: Record<string, string>): Promise<void> {
  const upstream = await fetch(url, { headers });
  res.status(upstream.status);
  for (const name of ['content-type', 'content-disposition']) {
    const value = upstream.headers.get(name);
    if (value) res.setHeader(name, value);
  }
  if (!upstream.body) return void res.end();
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
  });
}

/**
 * Registry files through the gateway:
 * - `GET /imports/templates/<sheet>.xlsx` (or .csv): the sheet's template, no sign-in needed;
 * - `GET /exports/<sheet>.<csv|xlsx>?area=<code>`: the caller's registry in the sheet's format;
 * - `GET /imports/<sheet>/runs/<id>/problems.<csv|xlsx>`: an import's error report.
 * The last two need `Authorization: Bearer <token>`, like `/graphql`.
 */
export function serveRegistryFiles(app: Express, subgraphUrls: Record<string, string>, keys: GatewayKeys, ttlSeconds: number): void {
  const signed = async (req: Request) => {
    const { forwardedIdentity } = await createGatewayContext(req.headers.authorization, keys, ttlSeconds);
    return { [IDENTITY_HEADER]: forwardedIdentity };
  };
  const split = (file: string) => {
    const m = /^([a-z-]+)\.(csv|xlsx)$/i.exec(file);
    if (!m) throw badInput([{ field: 'file', zh: '文件名须为“表名.csv”或“表名.xlsx”', en: 'The file is <sheet>.csv or <sheet>.xlsx' }]);
    return { sheet: m[1].toLowerCase(), kind: m[2].toLowerCase() };
  };
  app.get('/imports/templates/:file', fileRoute(async (req, res) => {
    const { sheet, kind } = split(String(req.params.file));
    await pass(res, `${ownerUrl(subgraphUrls, sheet)}/files/templates/${sheet}.${kind}`, {});
  }));
  app.get('/exports/:file', fileRoute(async (req, res) => {
    const { sheet, kind } = split(String(req.params.file));
    const headers = await signed(req);
    const area = typeof req.query.area === 'string' ? `?area=${encodeURIComponent(req.query.area)}` : '';
    await pass(res, `${ownerUrl(subgraphUrls, sheet)}/files/exports/${sheet}.${kind}${area}`, headers);
  }));
  app.get('/imports/:sheet/runs/:id/problems.:kind', fileRoute(async (req, res) => {
    const headers = await signed(req);
    const kind = String(req.params.kind).toLowerCase();
    await pass(res, `${ownerUrl(subgraphUrls, String(req.params.sheet))}/files/imports/${encodeURIComponent(String(req.params.id))}/problems.${kind}`, headers);
  }));
}
