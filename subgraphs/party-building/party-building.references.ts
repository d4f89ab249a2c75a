import { areaReference } from '../../platform/graphql/references';
import type { PartyBuildingContext } from './party-building.context';

/**
 * `__resolveReference` for every entity of this subgraph. Own entities load batched and scoped
 * (FORBIDDEN + null outside the jurisdiction, null when absent). The households subgraph's
 * entities are stubs: a household placed in a grid unit outside the jurisdiction is FORBIDDEN
 * (one batched statement); otherwise the reference itself, whose contributed fields load
 * through scoped loaders.
 */
export const partyBuildingReferences = {
  PartyOrganisation: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.organisation.load(ref.id) },
  Grid: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.grid.load(ref.id) },
  GridUnit: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.unit.load(ref.id) },
  Cadre: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.cadre.load(ref.id) },
  GovernanceCase: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.case.load(ref.id) },
  Household: {
    __resolveReference: async (ref: { id: string }, ctx: PartyBuildingContext) => {
      await ctx.loaders.householdUnit.load(ref.id);
      return { id: ref.id };
    },
  },
  Person: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  AdminArea: { __resolveReference: async (ref: { code: string }, ctx: PartyBuildingContext) => ({ code: await areaReference(ctx.scope, ref.code) }) },
};
