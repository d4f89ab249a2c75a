import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '../graphql/context';
import { badInput, Problems } from '../graphql/errors';
import { Role } from '../security/identity';
import { ConnectionType, PageArgs } from '../graphql/pagination';
import { bufferSource, SheetFileError, sheetKind } from './sheet-reader';
import { ImportProblem } from './import-problem.entity';
import { ImportRun } from './import-run.entity';
import { ImportFileInput } from './import.input';
import { limitRefusal, startImport } from './import.service';
import { findImportRun, importProblems } from './import-query.service';
import { IMPORT_OPERATIONS, SHEET_OWNERS, SheetFileKind, type SubgraphSheets } from './registry-sheets';

/** Largest file the mutation takes (the command takes any size). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
/** An import mutation carries a file of up to 8 MB, base64-encoded (4/3 of it) inside JSON: the body limit of subgraphs that import. */
export const IMPORT_BODY_LIMIT = '11mb';
/** Roles that import registry files: the prefecture's and the counties' resettlement offices. */
export const IMPORT_ROLES = [Role.PREFECTURE_OFFICER, Role.COUNTY_OFFICER];

const ImportProblemConnection = ConnectionType(ImportProblem, 'ImportProblem', 'A page of an import’s problems · 导入错误列表');
Directive('@shareable')(ImportProblemConnection); // every importing subgraph returns it

/** Checks the uploaded file's name and bytes before anything is recorded. */
function uploadedFile(input: ImportFileInput): Buffer {
  const problems = new Problems();
  try {
    sheetKind(input.fileName);
  } catch (error) {
    if (!(error instanceof SheetFileError)) throw error;
    problems.add('input.fileName', error.zh, error.en);
  }
  const content = Buffer.from(input.contentBase64, 'base64');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64) || content.length === 0) {
    problems.add('input.contentBase64', '文件内容须为 Base64 编码且不能为空', 'contentBase64 must be non-empty base64');
  } else if (content.length > MAX_IMPORT_BYTES) {
    problems.add('input.contentBase64', '文件超过 8 MB：请用导入命令（npm run import）导入大文件', 'The file is over 8 MB: import large files with the command (npm run import)');
  }
  problems.throwIfAny();
  return content;
}

/**
 * The import operations of the subgraph `owner` (names in IMPORT_OPERATIONS): the mutation that
 * imports its sheets, and the queries that follow a run and page through its problems.
 */
function importResolver(owner: string, sheets: SubgraphSheets, roles: readonly Role[]) {
  const names = IMPORT_OPERATIONS[owner];
  const list = Object.entries(sheets).filter(([, d]) => d?.importer).map(([s]) => SHEET_OWNERS[s as keyof typeof SHEET_OWNERS].name).join(', ');

  @Resolver()
  class ImportResolver {
    @Authorized(...roles)
    @Mutation(() => ImportRun, {
      name: names.mutation,
      description: `Import a registry file (${list}): a dry run unless commit; all rows or none · 导入登记表（${list}；默认试导入；正式导入全部写入或全不写入）`,
    })
    async importFile(@Arg('input', { description: 'The file, its sheet and whether to commit · 文件、表格类型及是否提交' }) input: ImportFileInput, @Ctx() ctx: BaseContext): Promise<ImportRun> {
      const content = uploadedFile(input);
      const { run, done } = await startImport(ctx, sheets, { sheet: input.sheet, source: bufferSource(input.fileName, content), commit: input.commit });
      if (!input.wait) return run;
      const finished = await done;
      // a file over a limit is refused as bad input, naming the limit and the file's figure (the run records it too)
      const limit = limitRefusal(finished);
      if (limit) throw badInput([{ field: 'input.contentBase64', zh: `${limit.zh}（导入 ${finished.id}）`, en: `${limit.en} (import ${finished.id})` }]);
      return finished;
    }

    @Query(() => ImportRun, { name: names.run, description: `An import of ${list} by id, with its progress and outcome · 按编号查询导入记录` })
    importRun(@Arg('id', () => ID, { description: 'Import id · 导入编号' }) id: string, @Ctx() ctx: BaseContext): Promise<ImportRun> {
      return findImportRun(ctx, id);
    }

    @Query(() => ImportProblemConnection, { name: names.problems, description: `The problems of an import of ${list}, by row · 导入错误列表（按行号）` })
    importProblems(
      @Arg('importId', () => ID, { description: 'Import id · 导入编号' }) importId: string,
      @Args() page: PageArgs,
      @Ctx() ctx: BaseContext,
    ) {
      return importProblems(ctx, sheets, importId, page);
    }
  }
  return ImportResolver;
}

/** Fields every subgraph's ImportRun computes alike. */
@Resolver(() => ImportRun)
class ImportRunFieldsResolver {
  @FieldResolver(() => String, { description: 'Where the gateway serves the error report as a file · 错误报告下载地址' })
  reportPath(@Root() run: ImportRun, @Arg('kind', () => SheetFileKind, { defaultValue: SheetFileKind.XLSX, description: 'File kind · 文件格式' }) kind: SheetFileKind): string {
    return `/imports/${run.sheet}/runs/${run.id}/problems.${kind.toLowerCase()}`;
  }

  @FieldResolver(() => String, { description: 'When the import started (ISO 8601) · 开始时间' })
  startedAt(@Root() run: ImportRun): string {
    return new Date(run.startedAt).toISOString();
  }

  @FieldResolver(() => String, { nullable: true, description: 'When the import finished (ISO 8601) · 结束时间' })
  finishedAt(@Root() run: ImportRun): string | null {
    return run.finishedAt ? new Date(run.finishedAt).toISOString() : null;
  }
}

/**
 * The resolvers a subgraph that imports `sheets` adds to its schema; `roles` may call the mutation
 * (each sheet then checks its own `importRoles`, the offices by default).
 */
export function importResolvers(owner: string, sheets: SubgraphSheets, roles: readonly Role[] = IMPORT_ROLES) {
  return [importResolver(owner, sheets, roles), ImportRunFieldsResolver];
}
