import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One problem an import found: the row, the column, the value as it was in the file, why. */
@ObjectType({ description: 'A problem found in an imported file · 导入错误' })
@Directive('@shareable')
@Entity({ name: 'import_problem' })
export class ImportProblem {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Field(() => Int, { description: 'Order in which it was found · 序号' })
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Field(() => Int, { description: 'Row number in the sheet (the header is row 1) · 行号' })
  @Column({ name: 'row_number', type: 'integer' })
  row: number;

  @Field(() => String, { nullable: true, description: 'Column, as the sheet’s header names it · 列名' })
  @Column({ name: 'column_name', type: 'varchar', length: 64, nullable: true })
  column: string | null;

  @Field(() => String, { nullable: true, description: 'The value as it was in the file · 原值' })
  @Column({ name: 'original_value', type: 'text', nullable: true })
  value: string | null;

  @Field({ description: 'What is wrong and how to fix it, in Chinese · 错误说明（中文）' })
  @Column({ name: 'message_zh', type: 'text' })
  messageZh: string;

  @Field({ description: 'What is wrong and how to fix it, in English · 错误说明（英文）' })
  @Column({ name: 'message_en', type: 'text' })
  messageEn: string;
}
