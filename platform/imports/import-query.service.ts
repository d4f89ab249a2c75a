import type { BaseContext } from '../graphql/context';
import { forbidden, notFound } from '../graphql/errors';
import { paginate, type Page, type PageArgs } from '../graphql/pagination';
import { requireId } from '../graphql/validation';
import { ImportProblem } from './import-problem.entity';
import { ImportRun } from './import-run.entity';
import { liveRun } from './import.service';
import { masked, seesValueInFull, type SensitiveValue } from '../security/sensitive';
import { sheetDefinition, sheetNamed, type SubgraphSheets } from './registry-sheets';

/** Runs the caller may read: every area of the starter's jurisdiction lies inside the caller's. */
function visibleRuns(ctx: BaseContext) {
  const { clause, params } = ctx.scope.condition('(c.code COLLATE "C")', 'run_scope');
  return ctx.dataSource
    .getRepository(ImportRun)
    .createQueryBuilder('r')
    .where(`NOT EXISTS (SELECT 1 FROM unnest(r.area_codes) AS c(code) WHERE NOT ${clause})`, params);
}

/** One run, with live progress when it is still going in this process; NOT_FOUND or FORBIDDEN otherwise. */
export async function findImportRun(ctx: BaseContext, id: string, field = 'id'): Promise<ImportRun> {
  requireId(id, field);
  const run = await visibleRuns(ctx).andWhere('r.id = :id', { id }).getOne();
  if (!run) {
    if (await ctx.dataSource.getRepository(ImportRun).exists({ where: { id } })) throw forbidden();
    throw notFound('该导入记录', 'Import', field);
  }
  return liveRun(id) ?? run;
}

/**
 * How this caller sees a run's problems: the value of a sensitive column (an ID number with a
 * typo in its check character, a phone, a birth date) as the disclosure policy shows that kind of
 * value, masked for callers who do not see it in full. Problem messages never quote such values.
 */
function problemMasker(ctx: BaseContext, sheets: SubgraphSheets, run: ImportRun): (p: ImportProblem) => ImportProblem {
  const sheet = sheetNamed(run.sheet);
  const format = sheet && sheets[sheet] ? sheetDefinition(sheets, sheet).format : { columns: [] };
  const hidden = new Map<string, SensitiveValue>(format.columns
    .filter((c) => c.sensitive && !seesValueInFull(ctx.identity, c.sensitive))
    .flatMap((c) => [c.header, c.key, ...(c.aliases ?? [])].map((name) => [name, c.sensitive!] as const)));
  return (p) => {
    const kind = p.column === null ? undefined : hidden.get(p.column);
    return kind && p.value ? Object.assign(new ImportProblem(), p, { value: masked(kind, p.value) }) : p;
  };
}

/** Problems in row order (a row's in the order found): one number, row and sequence, for keyset pages. */
const ROW_ORDER = '(p.row_number::bigint * 10000000 + p.seq)';
const rowOrder = (p: ImportProblem) => p.row * 10_000_000 + p.seq;

/** A run's problems by row, a page at a time. */
export async function importProblems(ctx: BaseContext, sheets: SubgraphSheets, importId: string, page: PageArgs): Promise<Page<ImportProblem>> {
  const shown = problemMasker(ctx, sheets, await findImportRun(ctx, importId, 'importId'));
  const qb = ctx.dataSource.getRepository(ImportProblem).createQueryBuilder('p').where('p.run_id = :importId', { importId });
  const found = await paginate(qb, { column: ROW_ORDER, key: (p) => String(rowOrder(p)) }, page);
  return { ...found, nodes: found.nodes.map(shown) };
}

/** Every problem of a run, by row, streamed in pages (the downloadable report). */
export async function* allImportProblems(ctx: BaseContext, sheets: SubgraphSheets, importId: string): AsyncGenerator<ImportProblem> {
  const shown = problemMasker(ctx, sheets, await findImportRun(ctx, importId, 'importId'));
  let after = -1;
  for (;;) {
    const rows = await ctx.dataSource.getRepository(ImportProblem).createQueryBuilder('p')
      .where(`p.run_id = :importId AND ${ROW_ORDER} > :after`, { importId, after }).orderBy(ROW_ORDER).limit(5000).getMany();
    yield* rows.map(shown);
    if (rows.length < 5000) return;
    after = rowOrder(rows[rows.length - 1]);
  }
}
