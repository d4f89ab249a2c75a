import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The households subgraph's `Person`, as a key this subgraph contributes fields to (resolvers/*-fields.resolver.ts). */
@ObjectType('Person', { description: 'Registered person · 人员' })
@Directive('@key(fields: "id")')
export class PersonStub {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  id: string;
}

/** A reference the gateway resolves in the households subgraph. */
export const personRef = (id: string): PersonStub => ({ id });
