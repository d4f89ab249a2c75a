import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The households subgraph's `Person`, as a key this subgraph contributes fields to (resolvers/*-fields.resolver.ts). */
@ObjectType('Person', { description: 'Resettled person, a member of a household · 移民人口' })
@Directive('@key(fields: "id")')
export class PersonStub {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  id: string;
}
