import type { Express, Request } from 'express';
import type { BaseContext } from '../graphql/context';
import { badInput } from '../graphql/errors';
import { attachment, fileRoute } from '../server/file-routes';
import { PROBLEM_REPORT } from './import-report';
import type { SheetKind } from './sheet-reader';
import { rowMasker, seesValueInFull } from '../security/sensitive';
import { CONTENT_TYPES, writeSheet } from './sheet-writer';
import { allImportProblems } from './import-query.service';
import { EXPORT_PARAMETERS, exporterOf, sheetDefinition, sheetNamed, type ExportParameters, type SubgraphSheets } from './registry-sheets';

/** Response headers of an export holding sensitive columns in full: which, and the areas exported. */
export const FULL_READ_FIELDS_HEADER = 'x-full-read-fields';
export const FULL_READ_AREAS_HEADER = 'x-full-read-areas';

function kindOf(value: string): SheetKind {
  if (value === 'csv' || value === 'xlsx') return value;
  throw badInput([{ field: 'kind', zh: '文件格式须为 csv 或 xlsx', en: 'The file kind is csv or xlsx' }]);
}

function sheetOf(sheets: SubgraphSheets, name: string) {
  const sheet = sheetNamed(name);
  if (!sheet) throw badInput([{ field: 'sheet', zh: `没有名为 ${name} 的表`, en: `There is no sheet named ${name}` }]);
  return sheetDefinition(sheets, sheet);
}

/**
 * The downloads of a subgraph's sheets that the gateway passes through (with the caller's
 * forwarded identity): `GET /files/templates/<sheet>.xlsx`, `GET /files/exports/<sheet>.<csv|xlsx>?area=<code>`
 * (some sheets also take `cycle`, `year`, `quarter`),
 * `GET /files/imports/<id>/problems.<csv|xlsx>`.
 */
export function registryFileRoutes(sheets: SubgraphSheets) {
  return (app: Express, contextOf: (req: Request) => Promise<BaseContext>): void => {
    app.get('/files/templates/:sheet.:kind', fileRoute(async (req, res) => {
      const { format } = sheetOf(sheets, String(req.params.sheet));
      const kind = kindOf(String(req.params.kind));
      attachment(res, `${format.name}-template.${kind}`, CONTENT_TYPES[kind]);
      await writeSheet(format, kind, res);
    }));
    app.get('/files/exports/:sheet.:kind', fileRoute(async (req, res) => {
      const ctx = await contextOf(req);
      const definition = sheetOf(sheets, String(req.params.sheet));
      const kind = kindOf(String(req.params.kind));
      const parameters: ExportParameters = {};
      for (const name of EXPORT_PARAMETERS) if (typeof req.query[name] === 'string' && req.query[name]) parameters[name] = req.query[name] as string;
      const area = parameters.area;
      const rows = exporterOf(definition)(ctx, area, parameters);
      const first = await rows.next(); // scope and filter errors answer before the download starts
      // the gateway writes the read audit from these before it passes the file on (fail-closed)
      const full = definition.format.columns.filter((c) => c.sensitive && seesValueInFull(ctx.identity, c.sensitive)).map((c) => c.key);
      // every sensitive column the caller does not see in full, masked by the one policy
      const shown = rowMasker(ctx.identity, definition.format.columns);
      if (full.length) {
        res.setHeader(FULL_READ_FIELDS_HEADER, full.join(','));
        res.setHeader(FULL_READ_AREAS_HEADER, (area ? [area] : ctx.identity.jurisdiction).join(','));
      }
      const suffix = [area, parameters.cycle, parameters.year, parameters.quarter && `Q${parameters.quarter}`].filter(Boolean).map((v) => `-${String(v).replace(/[^\w-]/g, '')}`).join('');
      attachment(res, `${definition.format.name}${suffix}.${kind}`, CONTENT_TYPES[kind]);
      await writeSheet(definition.format, kind, res, (async function* () {
        if (!first.done) yield shown(first.value);
        for await (const row of rows) yield shown(row);
      })());
    }));
    app.get('/files/imports/:id/problems.:kind', fileRoute(async (req, res) => {
      const ctx = await contextOf(req);
      const kind = kindOf(String(req.params.kind));
      const problems = allImportProblems(ctx, sheets, String(req.params.id));
      const first = await problems.next();
      attachment(res, `import-${req.params.id}-problems.${kind}`, CONTENT_TYPES[kind]);
      await writeSheet(PROBLEM_REPORT, kind, res, (async function* () {
        if (!first.done) yield first.value as unknown as Record<string, unknown>;
        for await (const p of problems) yield p as unknown as Record<string, unknown>;
      })());
    }));
  };
}
