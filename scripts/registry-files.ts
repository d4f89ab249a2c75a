import fs from 'node:fs';
import { Transform } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { CryptoKey } from 'jose';
import type { DataSource } from 'typeorm';
import { baseContext } from '../platform/graphql/request-context';
import { identityFromClaims, verifyUserToken, type Identity } from '../platform/security/identity';
import { PROBLEM_REPORT } from '../platform/imports/import-report';
import { allImportProblems } from '../platform/imports/import-query.service';
import { startImport } from '../platform/imports/import.service';
import { EXPORT_PARAMETERS, exporterOf, ImportRunStatus, RegistrySheet, SHEET_OWNERS, sheetNamed, type ExportParameters, type SheetDefinition, type SubgraphSheets } from '../platform/imports/registry-sheets';
import { sheetKind, type SheetSource } from '../platform/imports/sheet-reader';
import { writeSheet } from '../platform/imports/sheet-writer';
import { SUBGRAPH_MODULES } from './subgraphs';

const SHEET_NAMES = Object.values(SHEET_OWNERS).map((s) => s.name).join('|');

export const USAGE = `usage:
  npm run import -- --sheet <sheet> --file <file.csv|file.xlsx> [--commit] [--report <problems.csv|xlsx>]
                    (--as <token> | --role COUNTY_OFFICER --jurisdiction 530622)
  npm run import -- --template <sheet> --out <file.xlsx|file.csv>
  npm run export -- --sheet <sheet> --out <file.csv|file.xlsx> [--area <code>]
                    (--as <token> | --role COUNTY_OFFICER --jurisdiction 530622)
sheets: ${SHEET_NAMES}`;

/** A usage mistake: the command prints it with the usage and exits 2. */
export class UsageError extends Error {}

export interface CommandDeps {
  /** The database of the subgraph that owns a sheet (by the subgraph's name). */
  dataSource(owner: string): DataSource | Promise<DataSource>;
  /** Verifies `--as` tokens. */
  tokenPublic?: CryptoKey;
  print(line: string): void;
  /** Show a progress bar (on a terminal). */
  progress?: boolean;
}

/** `--cycle`, `--year`, `--quarter` (the parameters some exports take besides `--area`). */
function exportParameters(argv: string[]): ExportParameters {
  return Object.fromEntries(EXPORT_PARAMETERS.map((name) => [name, option(argv, name)]).filter(([, v]) => v !== undefined));
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function required(argv: string[], name: string): string {
  const value = option(argv, name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

/** The sheet a command names, its definition and the subgraph that owns it. */
function sheetOption(argv: string[], name = 'sheet'): { sheet: RegistrySheet; owner: string; sheets: SubgraphSheets; definition: SheetDefinition } {
  const sheet = sheetNamed(required(argv, name));
  const owner = sheet && SHEET_OWNERS[sheet].owner;
  const sheets = SUBGRAPH_MODULES.find((m) => m.name === owner)?.sheets;
  const definition = sheet && sheets?.[sheet];
  if (!definition) throw new UsageError(`--${name} must be one of ${SHEET_NAMES.replace(/\|/g, ', ')}`);
  return { sheet: sheet!, owner: owner!, sheets: sheets!, definition };
}

/** The caller: a sign-in token (`--as`), or a role and jurisdiction given by whoever runs the command on the server. */
async function identityOf(argv: string[], deps: CommandDeps): Promise<Identity> {
  const token = option(argv, 'as');
  if (token) {
    if (!deps.tokenPublic) throw new UsageError('--as needs the token public key');
    try {
      return await verifyUserToken(token, deps.tokenPublic);
    } catch {
      throw new UsageError('--as: the token is invalid or expired');
    }
  }
  const role = option(argv, 'role');
  const identity = identityFromClaims({ sub: `command-${(role ?? '').toLowerCase()}`, role, jur: (option(argv, 'jurisdiction') ?? '').split(',').filter(Boolean) });
  if (typeof identity === 'string') throw new UsageError(`--as <token>, or --role and --jurisdiction: ${identity}`);
  return identity;
}

/** A file source that counts the bytes read (the progress bar's measure while validating). */
function fileSource(file: string, onBytes: (read: number) => void): SheetSource {
  return {
    fileName: file,
    open() {
      let read = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          read += chunk.length;
          onBytes(read);
          done(null, chunk);
        },
      });
      return fs.createReadStream(file).on('error', (e) => counter.destroy(e)).pipe(counter);
    },
  };
}

async function writeFile(path: string, write: (out: fs.WriteStream) => Promise<number>): Promise<number> {
  const out = fs.createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => out.on('close', resolve).on('error', reject));
  const count = await write(out);
  await done;
  return count;
}

async function importCommand(argv: string[], deps: CommandDeps, identity: Identity): Promise<number> {
  const { sheet, owner, sheets } = sheetOption(argv);
  const file = required(argv, 'file');
  sheetKind(file);
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
  const size = fs.statSync(file).size || 1;
  const commit = argv.includes('--commit');
  const bar = deps.progress ? new SingleBar({ format: '{phase} [{bar}] {percentage}% | {rows} rows', hideCursor: true }, Presets.shades_classic) : undefined;
  let phase = 'validating';
  let bytes = 0;
  bar?.start(100, 0, { phase, rows: 0 });
  const ctx = baseContext(identity, await deps.dataSource(owner));
  const { run, done } = await startImport(ctx, sheets, {
    sheet,
    source: fileSource(file, (read) => (bytes = read)),
    commit,
    onProgress(r) {
      if (r.status === ImportRunStatus.WRITING) phase = 'writing   ';
      const share = phase === 'validating' ? bytes / size : r.rowsWritten / Math.max(1, r.rowsValidated);
      bar?.update(Math.min(100, Math.round(share * 100)), { phase, rows: phase === 'validating' ? r.rowsValidated : r.rowsWritten });
    },
  });
  let finished;
  try {
    finished = await done;
  } finally {
    bar?.stop();
  }
  const p = deps.print;
  p(`import ${run.id}: ${finished.status}${commit ? '' : ' (dry run: nothing written; add --commit to write)'}`);
  p(`rows ${finished.rowsRead}: insert ${finished.inserted}, update ${finished.updated}, unchanged ${finished.unchanged}, rejected ${finished.rejected}; problems ${finished.problemCount}`);
  if (finished.problemCount) {
    let shown = 0;
    for await (const problem of allImportProblems(ctx, sheets, run.id)) {
      if (shown++ >= 20) break;
      p(`  row ${problem.row}${problem.column ? ` ${problem.column}` : ''}${problem.value ? ` “${problem.value}”` : ''}: ${problem.messageZh} · ${problem.messageEn}`);
    }
    if (finished.problemCount > 20) p(`  … ${finished.problemCount - 20} more`);
    const report = option(argv, 'report');
    if (report) {
      const count = await writeFile(report, (out) => writeSheet(PROBLEM_REPORT, sheetKind(report), out, allImportProblems(ctx, sheets, run.id) as AsyncIterable<never>));
      p(`wrote ${count} problems to ${report}`);
    }
  }
  return finished.status === ImportRunStatus.REJECTED || finished.status === ImportRunStatus.FAILED ? 1 : 0;
}

/**
 * `npm run import` and `npm run export` on the owning subgraph's database: the same services the
 * import mutation and the gateway's downloads use. Returns the exit code.
 */
export async function registryCommand(command: 'import' | 'export', argv: string[], deps: CommandDeps): Promise<number> {
  const template = option(argv, 'template');
  if (command === 'import' && template) {
    const { format } = sheetOption(argv, 'template').definition;
    const out = required(argv, 'out');
    await writeFile(out, (stream) => writeSheet(format, sheetKind(out), stream));
    deps.print(`wrote the ${format.name} template to ${out}`);
    return 0;
  }
  const identity = await identityOf(argv, deps);
  if (command === 'import') return importCommand(argv, deps, identity);
  const { owner, definition } = sheetOption(argv);
  const ctx = baseContext(identity, await deps.dataSource(owner));
  const out = required(argv, 'out');
  const started = Date.now();
  const count = await writeFile(out, (stream) => writeSheet(definition.format, sheetKind(out), stream, exporterOf(definition)(ctx, option(argv, 'area'), exportParameters(argv))));
  deps.print(`wrote ${count} ${definition.format.name} rows to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}
