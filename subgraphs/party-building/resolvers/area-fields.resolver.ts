import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Problems } from '../../../platform/graphql/errors';
import { isIsoDate } from '../../../platform/graphql/validation';
import { GovernanceStats } from '../entities/governance-stats.type';
import { Grid } from '../entities/grid.entity';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import { AdminAreaStub } from '../entities/admin-area.stub';
import { PartyOrganisationLevel } from '../party-building.enums';
import type { PartyBuildingContext } from '../party-building.context';

/** Fields this subgraph contributes to the households subgraph's `AdminArea`: the area and everything below it. */
@Resolver(() => AdminAreaStub)
export class AreaFieldsResolver {
  @FieldResolver(() => [PartyOrganisation], { description: 'Party organisations in the area and below, inside your jurisdiction · 区域内党组织' })
  async partyOrganisations(
    @Root() a: AdminAreaStub,
    @Ctx() ctx: PartyBuildingContext,
    @Arg('level', () => PartyOrganisationLevel, { nullable: true, description: 'Only this level · 仅此层级' }) level?: PartyOrganisationLevel,
  ) {
    const all = await ctx.loaders.areaOrganisations.load(a.code);
    return level ? all.filter((o) => o.level === level) : all;
  }

  @FieldResolver(() => [Grid], { description: 'Grids in the area and below, inside your jurisdiction · 区域内网格' })
  grids(@Root() a: AdminAreaStub, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.areaGrids.load(a.code);
  }

  @FieldResolver(() => GovernanceStats, { description: 'Party-building and governance totals for the area and below, inside your jurisdiction · 党建与基层治理统计' })
  governanceStats(
    @Root() a: AdminAreaStub,
    @Arg('from', () => String, { nullable: true, description: 'First day of the period (YYYY-MM-DD); not given: from the first record (the prefecture’s five-year figures are 2020-01-01 to 2024-12-31) · 统计起始日期（不填：自最早记录起；五年数据为 2020-01-01 至 2024-12-31）' }) from?: string,
    @Arg('to', () => String, { nullable: true, description: 'Last day of the period (YYYY-MM-DD); not given: up to the latest record · 统计截止日期（不填：至最新记录）' }) to?: string,
  ): GovernanceStats {
    const problems = new Problems();
    if (from && !isIsoDate(from)) problems.add('from', '起始日期须为有效日期（YYYY-MM-DD）', 'from must be a valid date (YYYY-MM-DD)');
    if (to && !isIsoDate(to)) problems.add('to', '截止日期须为有效日期（YYYY-MM-DD）', 'to must be a valid date (YYYY-MM-DD)');
    if (problems.empty && from && to && from > to) problems.add('to', '截止日期不能早于起始日期', 'to cannot be before from');
    problems.throwIfAny();
    return { areaCode: a.code, from: from ?? null, to: to ?? null };
  }
}
