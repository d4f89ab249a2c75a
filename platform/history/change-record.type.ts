import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';

/** Every subgraph's `changes` fields return these same types: shareable across subgraphs. */
@ObjectType({ description: 'One field’s old and new value · 字段变更前后的值' })
@Directive('@shareable')
export class FieldChange {
  @Field({ description: 'Field name · 字段' })
  field: string;

  @Field(() => String, { nullable: true, description: 'Value before (null: none); sensitive values masked unless the caller sees them in full · 变更前的值' })
  old: string | null;

  @Field(() => String, { nullable: true, description: 'Value after (null: none); sensitive values masked unless the caller sees them in full · 变更后的值' })
  new: string | null;
}

@ObjectType({ description: 'One change to a registry record: who, when, what · 一次登记记录变更' })
@Directive('@shareable')
export class ChangeRecord {
  @Field({ description: 'When, ISO 8601 · 变更时间' })
  at: string;

  @Field(() => String, { nullable: true, description: 'Who: the signed-in subject or partner client (null: loaded by the system) · 操作人' })
  actorSubject: string | null;

  @Field(() => String, { nullable: true, description: 'Their role at the time · 操作人角色' })
  actorRole: string | null;

  @Field({ description: 'INSERT, UPDATE or DELETE · 操作类型（新增、修改、删除）' })
  operation: string;

  @Field(() => String, { nullable: true, description: 'Where the change came from, e.g. `mutation registerHousehold` or `import 12` · 变更来源' })
  source: string | null;

  @Field(() => [FieldChange], { description: 'Fields that changed (all set fields for an insert or delete) · 变更字段' })
  changes: FieldChange[];
}
