import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ImportRunStatus } from './registry-sheets';

/**
 * One import of a registry file: what was asked, how far it got, what it did. Problems are in
 * `import_problem`. Every subgraph that imports sheets keeps its own runs in its own schema.
 */
@ObjectType({ description: 'An import of a registry file: progress, outcome and error report · 登记表导入记录' })
@Directive('@shareable')
@Entity({ name: 'import_run' })
export class ImportRun {
  @Field(() => ID, { description: 'Import id · 导入编号' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Sheet imported, by its file name (households, persons, land-parcels …) · 导入的表' })
  @Column({ type: 'varchar', length: 32 })
  sheet: string;

  @Field({ description: 'Name of the file as uploaded · 文件名' })
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Field({ description: 'Who started the import · 导入人' })
  @Column({ type: 'varchar', length: 128 })
  subject: string;

  /** The starter's jurisdiction: whoever covers all of it may read the run. */
  @Column({ name: 'area_codes', type: 'varchar', array: true })
  areaCodes: string[];

  @Field({ description: 'Whether the rows were to be written (false: a dry run) · 是否正式写入（否为试导入）' })
  @Column({ name: 'commit_requested', type: 'boolean' })
  commit: boolean;

  @Field(() => ImportRunStatus, { description: 'Where the import is · 导入状态' })
  @Column({ type: 'varchar', length: 16 })
  status: ImportRunStatus;

  @Field(() => Int, { description: 'Data rows read so far · 已读取行数' })
  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead: number;

  @Field(() => Int, { description: 'Rows checked so far · 已校验行数' })
  @Column({ name: 'rows_validated', type: 'integer', default: 0 })
  rowsValidated: number;

  @Field(() => Int, { description: 'Rows written so far (committed only when the import is COMMITTED) · 已写入行数' })
  @Column({ name: 'rows_written', type: 'integer', default: 0 })
  rowsWritten: number;

  @Field(() => Int, { description: 'Rows that are (or would be) new records · 新增（或将新增）条数' })
  @Column({ type: 'integer', default: 0 })
  inserted: number;

  @Field(() => Int, { description: 'Rows that change (or would change) a record · 更新（或将更新）条数' })
  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Field(() => Int, { description: 'Rows equal to the record already registered · 无变化条数' })
  @Column({ type: 'integer', default: 0 })
  unchanged: number;

  @Field(() => Int, { description: 'Rows with at least one problem · 有错误的行数' })
  @Column({ type: 'integer', default: 0 })
  rejected: number;

  @Field(() => Int, { description: 'Problems found · 错误总数' })
  @Column({ name: 'problem_count', type: 'integer', default: 0 })
  problemCount: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
