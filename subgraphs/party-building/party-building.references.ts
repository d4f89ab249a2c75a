import { forbidden, Problems } from '../shared/errors';
import { isAreaCodeShape, normalizeAreaCode } from '../shared/validation';
import type { PartyBuildingContext } from './party-building.context';

/**
 * `__resolveReference` for every entity of this subgraph. Own entities load batched and scoped
 * (FORBIDDEN + null outside the jurisdiction, null when absent). The households subgraph's
 * entities are stubs: the reference itself, whose contributed fields load through scoped loaders.
 */
export const partyBuildingReferences = {
  PartyOrganisation: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.organisation.load(ref.id) },
  Grid: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.grid.load(ref.id) },
  GridUnit: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.unit.load(ref.id) },
  Cadre: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.cadre.load(ref.id) },
  GovernanceCase: { __resolveReference: (ref: { id: string }, ctx: PartyBuildingContext) => ctx.loaders.case.load(ref.id) },
  Household: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  Person: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  AdminArea: {
    /** An area is visible inside the jurisdiction or above it (totals are then narrowed to it); others are FORBIDDEN. */
    // async: a synchronous throw would fail the whole `_entities` field, not just this entity
    __resolveReference: async (ref: { code: string }, ctx: PartyBuildingContext) => {
      const code = normalizeAreaCode(String(ref.code ?? ''));
      const problems = new Problems();
      if (!isAreaCodeShape(code)) problems.add('code', '区划代码须为 6、9、12 或 15 位数字', 'An area code has 6, 9, 12 or 15 digits');
      problems.throwIfAny();
      if (!ctx.scope.seesArea(code)) throw forbidden();
      return { code };
    },
  },
};
