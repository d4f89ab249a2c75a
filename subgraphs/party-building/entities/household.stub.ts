import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The households subgraph's `Household`, as a key this subgraph contributes fields to (resolvers/*-fields.resolver.ts). */
@ObjectType('Household', { description: 'Resettled household · 移民户' })
@Directive('@key(fields: "id")')
export class HouseholdStub {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  id: string;
}

/** A reference the gateway resolves in the households subgraph. */
export const householdRef = (id: string): HouseholdStub => ({ id });
