import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';

/** The households subgraph's `AdminArea`, as a key this subgraph contributes fields to (resolvers/*-fields.resolver.ts). */
@ObjectType('AdminArea', { description: 'Administrative area: prefecture, county, township, community or resident group · 行政区划' })
@Directive('@key(fields: "code")')
export class AdminAreaStub {
  @Field({ description: 'Area code (GB/T 2260 and statistical codes) · 区划代码' })
  code: string;
}
