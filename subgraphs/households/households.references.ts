import type { HouseholdsContext } from './households.context';

/** `__resolveReference` for the entities this subgraph owns: batched and scoped through the loaders. */
export const householdsReferences = {
  AdminArea: {
    __resolveReference: (ref: { code: string }, ctx: HouseholdsContext) => ctx.loaders.area.load(ref.code),
  },
  Household: {
    __resolveReference: (ref: { id: string }, ctx: HouseholdsContext) => ctx.loaders.household.load(ref.id),
  },
  Person: {
    __resolveReference: (ref: { id: string }, ctx: HouseholdsContext) => ctx.loaders.person.load(ref.id),
  },
};
