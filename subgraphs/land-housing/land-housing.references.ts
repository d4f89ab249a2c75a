import { areaReference } from '../../platform/graphql/references';
import { areaRef } from './entities/admin-area.stub';
import { householdRef } from './entities/household.stub';
import type { LandHousingContext } from './land-housing.context';

/**
 * `__resolveReference` for the entities this subgraph adds fields to. A household whose records
 * lie outside the caller's jurisdiction is FORBIDDEN (one batched statement); one this subgraph
 * has no record of resolves to its key alone, so its lists are empty. An area is visible inside
 * the jurisdiction and above it (its totals then cover only the jurisdiction).
 */
export const landHousingReferences = {
  Household: {
    __resolveReference: async (ref: { id: string }, ctx: LandHousingContext) => {
      await ctx.loaders.householdRef.load(ref.id);
      return householdRef(ref.id);
    },
  },
  AdminArea: { __resolveReference: async (ref: { code: string }, ctx: LandHousingContext) => areaRef(await areaReference(ctx.scope, ref.code)) },
};
