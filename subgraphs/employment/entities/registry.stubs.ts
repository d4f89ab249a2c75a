import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Entities owned by the households subgraph, as minimal stubs: only the key. The fields this
 * subgraph contributes to them are field resolvers (resolvers/*-fields.resolver.ts).
 */
@ObjectType({ description: 'Resettled person, a member of a household · 移民人口' })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  id: string;
}

@ObjectType({ description: 'Resettled household · 移民户' })
@Directive('@key(fields: "id")')
export class Household {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  id: string;
}

@ObjectType({ description: 'Administrative area: prefecture, county, township, community or resident group · 行政区划' })
@Directive('@key(fields: "code")')
export class AdminArea {
  @Field({ description: 'Area code (GB/T 2260 and statistical codes) · 区划代码' })
  code: string;
}
