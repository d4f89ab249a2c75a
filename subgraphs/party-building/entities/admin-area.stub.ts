import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';

/** The households subgraph's `AdminArea`, as a key this subgraph contributes fields to (resolvers/*-fields.resolver.ts). */
@ObjectType('AdminArea', { description: 'Administrative area · 行政区划' })
@Directive('@key(fields: "code")')
export class AdminAreaStub {
  @Field({ description: 'Area code · 区划代码' })
  code: string;
}

/** A reference the gateway resolves in the households subgraph. */
export const areaRef = (code: string): AdminAreaStub => ({ code });
