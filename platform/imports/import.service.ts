import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { bulkInsertColumns } from '../db/bulk-insert-columns';
import { loadConfig, type ImportLimits } from '../config';
import type { BaseContext } from '../graphql/context';
import { runSheetImport, type ImportCounts, type ImportStatus, type RowProblem } from './import-engine';
import { cutValue, SHOWN_VALUE_CHARS } from './sheet-errors';
import type { SheetLimitError, SheetSource } from './sheet-reader';
import { ImportRun } from './import-run.entity';
import { importerOf, ImportRunStatus, sheetDefinition, type RegistrySheet, type SubgraphSheets } from './registry-sheets';
import { forbidden } from '../graphql/errors';
import { Role } from '../security/identity';

/**
 * Runs of this process still going. Their progress is written to `import_run` as they go, except
 * while an embedded database (one connection) is held by the write transaction: then this copy
 * is what `importRun` reads.
 */
const live = new Map<string, ImportRun>();

export function liveRun(id: string): ImportRun | undefined {
  return live.get(id);
}

const isEmbedded = (dataSource: DataSource) => !!(dataSource.options as { extra?: { pglite?: unknown } }).extra?.pglite;

export interface ImportRequest {
  sheet: RegistrySheet;
  source: SheetSource;
  commit: boolean;
  /** Called on every progress step (the command's progress bar). */
  onProgress?(run: ImportRun): void;
  /** The limits the file is read within (the configured ones unless given). */
  limits?: ImportLimits;
}

/** Finished runs refused for a limit, and which (the mutation answers them with a coded error). */
const refusals = new WeakMap<ImportRun, SheetLimitError>();

export const limitRefusal = (run: ImportRun): SheetLimitError | undefined => refusals.get(run);

/**
 * Starts an import (the mutation and the command both come here): records the run, then checks
 * and, when asked and clean, writes the file. Returns the run as recorded at once, and `done`,
 * which settles with the finished run.
 */
export async function startImport(ctx: BaseContext, sheets: SubgraphSheets, request: ImportRequest): Promise<{ run: ImportRun; done: Promise<ImportRun> }> {
  const { dataSource } = ctx;
  const definition = sheetDefinition(sheets, request.sheet);
  const importer = importerOf(definition);
  // a sheet others may import too (community workers their verification results) says so; the rest are the offices'
  const roles = definition.importRoles ?? [Role.PREFECTURE_OFFICER, Role.COUNTY_OFFICER];
  if (!roles.includes(ctx.identity.role)) throw forbidden(`您的角色不能导入${definition.format.title}`, `Your role cannot import the ${definition.format.name} sheet`);
  const runs = dataSource.getRepository(ImportRun);
  const run = runs.create({
    id: randomUUID(),
    sheet: definition.format.name,
    fileName: request.source.fileName.slice(0, 200),
    subject: ctx.identity.subject.slice(0, 128),
    areaCodes: ctx.identity.jurisdiction,
    commit: request.commit,
    status: ImportRunStatus.VALIDATING,
    rowsRead: 0, rowsValidated: 0, rowsWritten: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problemCount: 0,
    startedAt: new Date(),
    finishedAt: null,
  });
  await runs.insert(run);
  live.set(run.id, run);
  const limits = request.limits ?? loadConfig().importLimits;
  let seq = 0;
  const record = (status: ImportStatus | ImportRunStatus, counts: ImportCounts) =>
    Object.assign(run, {
      status: status as ImportRunStatus,
      rowsRead: counts.rowsRead, rowsValidated: counts.rowsValidated, rowsWritten: counts.rowsWritten,
      inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, rejected: counts.rejected, problemCount: counts.problems,
    });
  const save = () => {
    const { id, ...changes } = run;
    return runs.update({ id }, changes);
  };

  const done = (async () => {
    try {
      const outcome = await runSheetImport({
        dataSource,
        source: request.source,
        sheet: () => importer(ctx.scope, ctx.identity),
        commit: request.commit,
        writeSource: `import ${run.id}`,
        limits,
        otherFormats: Object.values(sheets).map((d) => d!.format),
        async onProblems(problems: RowProblem[]) {
          // the first are stored, every one is counted (the run's problemCount)
          const kept = problems.slice(0, Math.max(0, limits.maxStoredProblems - seq));
          await bulkInsertColumns(dataSource.manager, 'import_problem', kept.map((p) => ({
            run_id: run.id, seq: ++seq, row_number: p.row, column_name: p.column && cutValue(p.column, 60), original_value: p.value && cutValue(p.value, 2 * SHOWN_VALUE_CHARS),
            message_zh: p.zh, message_en: p.en,
          })));
        },
        async onProgress(status, counts) {
          record(status, counts);
          request.onProgress?.(run);
          if (status !== 'WRITING' || !isEmbedded(dataSource)) await save();
        },
      });
      record(outcome.status, outcome);
      if (outcome.limit) refusals.set(run, outcome.limit);
      run.finishedAt = new Date();
      await save();
    } catch (error) {
      run.status = ImportRunStatus.FAILED;
      run.finishedAt = new Date();
      await save().catch(() => undefined);
      throw error;
    } finally {
      live.delete(run.id);
    }
    return run;
  })();
  done.catch(() => undefined); // a caller that does not wait still gets FAILED recorded
  return { run: { ...run } as ImportRun, done };
}
