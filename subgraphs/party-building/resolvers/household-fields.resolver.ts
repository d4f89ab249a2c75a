import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Problems } from '../../../platform/graphql/errors';
import { Cadre } from '../entities/cadre.entity';
import { CadrePairing } from '../entities/cadre-pairing.entity';
import { CadreVisit } from '../entities/cadre-visit.entity';
import { GovernanceCase } from '../entities/governance-case.entity';
import { GridUnit } from '../entities/grid-unit.entity';
import { HouseholdStub } from '../entities/household.stub';
import { OPEN_STATUSES } from '../party-building.enums';
import type { PartyBuildingContext } from '../party-building.context';

/** Fields this subgraph contributes to the households subgraph's `Household`. */
@Resolver(() => HouseholdStub)
export class HouseholdFieldsResolver {
  @FieldResolver(() => GridUnit, { nullable: true, description: 'Grid unit the household belongs to · 所属网格单元' })
  async gridUnit(@Root() h: HouseholdStub, @Ctx() ctx: PartyBuildingContext) {
    const assignment = await ctx.loaders.householdUnit.load(h.id);
    return assignment ? ctx.loaders.unit.load(assignment.unitId) : null;
  }

  @FieldResolver(() => [CadrePairing], { description: 'Current pairings with cadres (干部包户) · 结对帮扶关系' })
  cadrePairings(@Root() h: HouseholdStub, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.householdPairings.load(h.id);
  }

  @FieldResolver(() => [Cadre], { description: 'Cadres paired with the household now · 结对帮扶干部' })
  async pairedCadres(@Root() h: HouseholdStub, @Ctx() ctx: PartyBuildingContext) {
    const pairings = await ctx.loaders.householdPairings.load(h.id);
    const cadres = await Promise.all(pairings.map((p) => ctx.loaders.cadre.load(p.cadreId).catch(() => null)));
    return cadres.filter((c): c is Cadre => c !== null);
  }

  @FieldResolver(() => [CadreVisit], { description: 'Visits by cadres, newest first · 入户走访记录（最近在前）' })
  async cadreVisits(
    @Root() h: HouseholdStub,
    @Ctx() ctx: PartyBuildingContext,
    @Arg('last', () => Int, { defaultValue: 5, description: 'How many of the newest visits, 1–100 · 最近几次' }) last: number,
  ) {
    const problems = new Problems();
    if (!Number.isInteger(last) || last < 1 || last > 100) problems.add('last', '条数须在 1 至 100 之间', 'last must be between 1 and 100');
    problems.throwIfAny();
    return (await ctx.loaders.householdVisits.load(h.id)).slice(0, last);
  }

  @FieldResolver(() => [GovernanceCase], { description: 'Cases concerning the household, newest first · 涉及该户的诉求事项' })
  async governanceCases(
    @Root() h: HouseholdStub,
    @Ctx() ctx: PartyBuildingContext,
    @Arg('openOnly', { defaultValue: false, description: 'Only cases still being handled · 仅未办结' }) openOnly: boolean,
  ) {
    const cases = await ctx.loaders.householdCases.load(h.id);
    return openOnly ? cases.filter((c) => OPEN_STATUSES.includes(c.status)) : cases;
  }
}
