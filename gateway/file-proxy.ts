import { Readable } from 'node:stream';
import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { badInput, ErrorCode } from '../platform/graphql/errors';
import { fileRoute } from '../platform/server/file-routes';
import { IDENTITY_HEADER } from '../platform/security/identity';
import { FULL_READ_AREAS_HEADER, FULL_READ_FIELDS_HEADER } from '../platform/imports/registry-files';
import { EXPORT_PARAMETERS, SHEET_OWNERS, sheetNamed } from '../platform/imports/registry-sheets';
import type { Identity } from '../platform/security/identity';
import { writeFullReads } from './audit/read-audit.store';
import { createGatewayContext } from './context';
import type { IdentityTokens } from './identity-tokens';
import { currentRequest, REQUEST_ID_HEADER } from '../platform/server/log';

function ownerUrl(subgraphUrls: Record<string, string>, sheet: string): string {
  const known = sheetNamed(sheet);
  const url = known && subgraphUrls[SHEET_OWNERS[known].owner];
  if (!url) throw badInput([{ field: 'sheet', zh: `没有名为 ${sheet} 的表`, en: `There is no sheet named ${sheet}` }]);
  return url.replace(/\/graphql$/, '');
}

/** Before the file leaves: what it must do with the upstream answer (the read audit of an export), false to withhold it. */
type BeforeSend = (upstream: globalThis.Response) => Promise<boolean>;

/** Passes a download through from the owning subgraph, with the caller's identity signed by the gateway. */
async function pass(res: Response, url: string, headers: Record<string, string>, beforeSend?: BeforeSend): Promise<void> {
  const upstream = await fetch(url, { headers: { ...headers, [REQUEST_ID_HEADER]: currentRequest()?.requestId ?? '' } });
  if (beforeSend && !(await beforeSend(upstream))) {
    await upstream.body?.cancel();
    res.status(500).json({ errors: [{ message: '服务器内部错误，请稍后再试 · Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    return;
  }
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
 * - `GET /exports/<sheet>.<csv|xlsx>?area=<code>`: the caller's registry in the sheet's format
 *   (the support files also take `cycle=<id or code>`, `year`, `quarter`);
 * - `GET /imports/<sheet>/runs/<id>/problems.<csv|xlsx>`: an import's error report.
 * The last two need `Authorization: Bearer <token>`, like `/graphql`.
 */
export function serveRegistryFiles(app: Express, subgraphUrls: Record<string, string>, tokens: IdentityTokens, audit?: DataSource): void {
  const signed = async (req: Request) => {
    const { forwardedIdentity, identity } = await createGatewayContext(req.headers.authorization, tokens);
    return { headers: { [IDENTITY_HEADER]: forwardedIdentity }, identity };
  };
  /**
   * An export holding sensitive columns in full (the subgraph says which, and for which areas) is
   * written to the read audit before it leaves, one row per area: fail-closed, as for /graphql.
   */
  const auditExport = (req: Request, identity: Identity, sheet: string): BeforeSend => async (upstream) => {
    const fields = upstream.headers.get(FULL_READ_FIELDS_HEADER);
    if (!upstream.ok || !fields) return true;
    const areas = (upstream.headers.get(FULL_READ_AREAS_HEADER) ?? '').split(',').filter(Boolean);
    try {
      if (!audit) throw new Error('no gateway database for the read audit');
      await writeFullReads(audit, { identity, operationName: `GET /exports/${sheet}`, clientAddress: req.ip ?? null },
        areas.map((area) => ({ type: `export:${sheet}`, id: area, areaCode: area, fields: fields.split(',') })));
      return true;
    } catch (error) {
      console.error(`read audit not written, export withheld: ${error instanceof Error ? error.message : error}`);
      return false;
    }
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
    const { headers, identity } = await signed(req);
    // only the parameters exports know are passed on (`area`; `cycle`, `year`, `quarter` for the support files)
    const query = new URLSearchParams();
    for (const name of EXPORT_PARAMETERS) if (typeof req.query[name] === 'string') query.set(name, req.query[name] as string);
    const search = query.size ? `?${query}` : '';
    await pass(res, `${ownerUrl(subgraphUrls, sheet)}/files/exports/${sheet}.${kind}${search}`, headers, auditExport(req, identity, sheet));
  }));
  app.get('/imports/:sheet/runs/:id/problems.:kind', fileRoute(async (req, res) => {
    const { headers } = await signed(req);
    const kind = String(req.params.kind).toLowerCase();
    await pass(res, `${ownerUrl(subgraphUrls, String(req.params.sheet))}/files/imports/${encodeURIComponent(String(req.params.id))}/problems.${kind}`, headers);
  }));
}
