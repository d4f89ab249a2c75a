import type { DataSource, EntityManager } from 'typeorm';
import { bulkInsertColumns, bulkUpdateColumns, type FromInsertedRows } from '../db/bulk-insert-columns';
import { analyzeGrownTables } from '../db/bulk-load';
import type { ImportLimits } from '../config';
import { readSheet, SheetFileError, SheetLimitError, type SheetRow, type SheetSource } from './sheet-reader';
import type { SheetFormat } from './sheet-format';
import { namedColumns } from './sheet-cells';
import { withChangeSource } from '../security/request-scope';

/** One problem with one row (or with the file: row 1 and the header): where, what was there, why. */
export interface RowProblem {
  row: number;
  column: string | null;
  value: string | null;
  zh: string;
  en: string;
}

/** What a chunk of valid rows would do, and how to do it. */
export interface ChunkPlan {
  problems: RowProblem[];
  inserted: number;
  updated: number;
  unchanged: number;
  /** Applies the chunk's inserts and updates, set-based (a few statements per chunk). */
  write(manager: EntityManager): Promise<void>;
}

/**
 * The plan of a chunk that inserts new rows and updates changed ones (by `id`) in `table`,
 * each with one statement (the insert's with `fromInserted`, e.g. the new rows' events, in
 * the same statement), then runs `after` (e.g. a dependent table's update).
 */
export function upsertPlan(
  table: string,
  rows: { problems: RowProblem[]; inserts: Record<string, unknown>[]; updates: Record<string, unknown>[]; unchanged: number; fromInserted?: FromInsertedRows },
  after?: (manager: EntityManager) => Promise<void>,
): ChunkPlan {
  return {
    problems: rows.problems,
    inserted: rows.inserts.length,
    updated: rows.updates.length,
    unchanged: rows.unchanged,
    async write(manager) {
      await bulkInsertColumns(manager, table, rows.inserts, rows.fromInserted);
      await bulkUpdateColumns(manager, table, 'id', rows.updates);
      await after?.(manager);
    },
  };
}

/**
 * One sheet's part of an import (a new one per pass: it may keep keys across rows, e.g. which
 * household already has a head in the file). The engine does the rest: reading, duplicate keys
 * in the file, chunks, counts, the transaction.
 */
export interface SheetImport<Valid> {
  format: SheetFormat;
  /** Checks one row on its own (no database): its problems, or the valid row. */
  checkRow(row: SheetRow): { problems: RowProblem[]; valid?: Valid };
  /** The natural key (registry number, ID number): the same key twice in a file is an error. */
  key(valid: Valid): string;
  /** Column the key is read from, and how a repeat is reported. */
  keyColumn: string;
  /** Tables the plan reads: their statistics are kept fresh while the import writes. */
  tables: string[];
  /**
   * Checks a chunk against the database (references, jurisdiction, duplicates elsewhere) and plans
   * its writes. Chunks are planned and written in file order, one at a time, each seeing the
   * writes of those before it; during a commit, `checkRow` of later rows runs meanwhile.
   */
  plan(manager: EntityManager, rows: { row: number; valid: Valid }[]): Promise<ChunkPlan>;
  /**
   * Writes what the chunks' writes left for the end, once (e.g. a dependent table's update that
   * later chunks do not read back): called after the last chunk of a committing pass.
   */
  finish?(manager: EntityManager): Promise<void>;
}

export type ImportStatus = 'VALIDATING' | 'WRITING' | 'VALIDATED' | 'COMMITTED' | 'REJECTED';

export interface ImportCounts {
  rowsRead: number;
  rowsValidated: number;
  rowsWritten: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: number;
}

export interface ImportOutcome extends ImportCounts {
  status: ImportStatus;
  /** The limit the file was refused for, if it was. */
  limit?: SheetLimitError;
}

export interface ImportOptions<Valid> {
  dataSource: DataSource;
  source: SheetSource;
  /** A fresh sheet import per pass. */
  sheet: () => SheetImport<Valid>;
  /** Dry run unless set: validate and count only. */
  commit: boolean;
  /** What the change history records as the origin of every write (`import <id>`). */
  writeSource: string;
  chunkSize?: number;
  /** The limits the file is read within (the configured ones unless given). */
  limits?: ImportLimits;
  /** The other sheets a file might be instead (a file of one is named as such). */
  otherFormats?: SheetFormat[];
  /** Called with each batch of problems as they are found (the caller stores them). */
  onProblems(problems: RowProblem[]): Promise<void>;
  /** Called after each chunk, and when the status changes. */
  onProgress(status: ImportStatus, counts: ImportCounts): Promise<void>;
}

const CHUNK = 5_000;

/** Raised inside the write transaction at the first problem, to roll it back. */
class FoundProblem extends Error {}

/**
 * Marks every write of the import's transaction with its source, for the change history: the
 * request's connections carry it already (`withChangeSource`), but an owner's connection on
 * PostgreSQL (the command) carries no settings, so the transaction sets it itself (until it ends).
 * It also turns JIT compilation off for the transaction: the triggers' statements over a chunk's
 * transition tables are estimated costly enough to be compiled, and compiling the change records
 * of the households' heads (one `CASE` per column) took longer than running them (12,425 rows:
 * 7.1 s with JIT, 1.2 s without); each such statement runs once, so compiling never pays.
 */
async function tagWriteSource(manager: EntityManager, source: string): Promise<void> {
  await manager.query(`SELECT set_config('zrg.source', $1, true), set_config('jit', 'off', true)`, [source]);
}

function newCounts(): ImportCounts {
  return { rowsRead: 0, rowsValidated: 0, rowsWritten: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: 0 };
}

/**
 * A dry run reads the file once, checking every row (on its own, against the other rows, against
 * the database) and counting what it would do; problems are reported as they are found and
 * nothing is written. A commit reads it once inside one transaction, writing each chunk as soon
 * as it is checked; the first problem rolls everything back and a dry run follows to report every
 * problem: all rows or none. Memory holds one chunk and the file's keys.
 */
export async function runSheetImport<Valid>(options: ImportOptions<Valid>): Promise<ImportOutcome> {
  const chunkSize = options.chunkSize ?? CHUNK;
  let counts = newCounts();
  const rejectedRows = new Set<number>();
  const report = async (problems: RowProblem[]) => {
    if (!problems.length) return;
    for (const p of problems) rejectedRows.add(p.row);
    counts.problems += problems.length;
    counts.rejected = rejectedRows.size;
    await options.onProblems(problems);
  };

  /**
   * One pass over the file; with `write`, each chunk is applied as soon as it is planned, and the
   * first problem stops it. While a chunk is planned and written (the database's work), the next
   * rows are read and checked (Node's work): one chunk at a time in the database, in file order.
   */
  async function pass(manager: EntityManager, write: boolean): Promise<void> {
    const sheet = options.sheet();
    const firstRowOf = new Map<string, number>();
    let chunk: { row: number; valid: Valid }[] = [];
    let writing: Promise<void> | undefined;
    const flush = async (rows: { row: number; valid: Valid }[]) => {
      if (!rows.length) return;
      await analyzeGrownTables(manager, sheet.tables);
      const plan = await sheet.plan(manager, rows);
      if (write && plan.problems.length) throw new FoundProblem();
      await report(namedColumns(sheet.format, plan.problems));
      counts.rowsValidated += rows.length;
      counts.inserted += plan.inserted;
      counts.updated += plan.updated;
      counts.unchanged += plan.unchanged;
      if (write) {
        await plan.write(manager);
        counts.rowsWritten += plan.inserted + plan.updated; // unchanged rows are not written
      }
      await options.onProgress(write ? 'WRITING' : 'VALIDATING', counts);
    };
    /** The chunk in the database now, if any, finished (or its failure raised). */
    const settle = async () => {
      const pending = writing;
      writing = undefined;
      await pending;
    };
    try {
      for await (const row of readSheet(sheet.format, options.source, options.limits, options.otherFormats)) {
        counts.rowsRead++;
        const { problems, valid } = row.refused
          ? { problems: row.refused.map((r) => ({ row: row.row, ...r })), valid: undefined }
          : sheet.checkRow(row);
        if (valid !== undefined) {
          const key = sheet.key(valid);
          const first = firstRowOf.get(key);
          if (first !== undefined) {
            problems.push({
              row: row.row,
              column: sheet.keyColumn,
              value: row.cells[sheet.keyColumn] ?? key,
              zh: `与第 ${first} 行重复（${key}）：同一文件中每条记录只能出现一次`,
              en: `Same as row ${first} (${key}): each record may appear only once in a file`,
            });
          } else firstRowOf.set(key, row.row);
        }
        if (problems.length) {
          if (write) throw new FoundProblem();
          await report(namedColumns(sheet.format, problems));
          counts.rowsValidated++;
        } else chunk.push({ row: row.row, valid: valid as Valid });
        if (chunk.length >= chunkSize) {
          await settle();
          const rows = chunk;
          chunk = [];
          if (write) {
            writing = flush(rows);
            writing.catch(() => undefined); // raised by `settle`
          } else await flush(rows);
        }
      }
      await settle();
      await flush(chunk);
      if (write) await sheet.finish?.(manager);
    } finally {
      // never leave the transaction with a chunk still in the database
      await writing?.catch(() => undefined);
    }
  }

  if (options.commit) {
    try {
      // the change history records every row this transaction writes under the import's name
      await withChangeSource(options.writeSource, () => options.dataSource.transaction(async (manager) => {
        await tagWriteSource(manager, options.writeSource);
        await pass(manager, true);
      }));
      await options.onProgress('COMMITTED', counts);
      return { ...counts, status: 'COMMITTED' };
    } catch (error) {
      if (!(error instanceof FoundProblem || error instanceof SheetFileError)) throw error;
      counts = newCounts(); // rolled back: count again, without writing
    }
  }
  let limit: SheetLimitError | undefined;
  try {
    await pass(options.dataSource.manager, false);
  } catch (error) {
    if (!(error instanceof SheetFileError)) throw error;
    if (error instanceof SheetLimitError) limit = error;
    await report([{ row: 1, column: error.column, value: error.value, zh: error.zh, en: error.en }]);
  }
  if (options.commit && !counts.problems) {
    await report([{
      row: 1, column: null, value: null,
      zh: '导入期间登记簿已被他人修改，本次未写入任何数据：请重新导入',
      en: 'The registry changed during the import and nothing was written: import the file again',
    }]);
  }
  const status = counts.problems ? 'REJECTED' : 'VALIDATED';
  await options.onProgress(status, counts);
  return { ...counts, status, ...(limit ? { limit } : {}) };
}
