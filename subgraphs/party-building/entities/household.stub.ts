import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Entities owned by the households subgraph: only their keys; this subgraph contributes fields. */
@ObjectType({ description: 'Resettled household · 移民户' })
@Directive('@key(fields: "id")')
export class Household {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  id: string;
}

@ObjectType({ description: 'Registered person · 人员' })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  id: string;
}

@ObjectType({ description: 'Administrative area · 行政区划' })
@Directive('@key(fields: "code")')
export class AdminArea {
  @Field({ description: 'Area code · 区划代码' })
  code: string;
}

export const householdRef = (id: string): Household => ({ id });
export const personRef = (id: string): Person => ({ id });
export const areaRef = (code: string): AdminArea => ({ code });
