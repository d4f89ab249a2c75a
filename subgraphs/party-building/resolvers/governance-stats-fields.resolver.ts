import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { GovernanceCaseCategoryCount, GovernanceCaseStatusCount, GovernanceStats, PartyActivityTypeCount } from '../entities/governance-stats.type';
import type { PartyBuildingContext } from '../party-building.context';
import { statsKey, type StructureCounts } from '../services/governance-stats-query.service';

const key = (s: GovernanceStats) => statsKey(s.areaCode, s.from, s.to);

@Resolver(() => GovernanceStats)
export class GovernanceStatsFieldsResolver {
  @FieldResolver(() => [PartyActivityTypeCount], { description: 'Activities held in the period, by type · 期间内各类活动次数' })
  activitiesByType(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.statsActivities.load(key(s));
  }

  @FieldResolver(() => [GovernanceCaseStatusCount], { description: 'Cases opened in the period, by current status · 期间内受理事项（按当前状态）' })
  casesByStatus(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.statsCasesByStatus.load(key(s));
  }

  @FieldResolver(() => [GovernanceCaseCategoryCount], { description: 'Problems solved: cases resolved in the period, by category · 期间内办结事项（按类别）' })
  problemsSolved(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.statsSolved.load(key(s));
  }

  @FieldResolver(() => Int, { description: 'Cases still being handled past their deadline, as of today (whatever the period) · 当前超期未办结事项数' })
  overdueCases(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.statsOverdue.load(key(s));
  }

  private structure(s: GovernanceStats, ctx: PartyBuildingContext, field: keyof StructureCounts) {
    return ctx.loaders.statsStructure.load(statsKey(s.areaCode)).then((c) => c[field]);
  }

  @FieldResolver(() => Int, { description: 'Party organisations (all levels) · 党组织数' })
  organisations(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return this.structure(s, ctx, 'organisations');
  }

  @FieldResolver(() => Int, { description: 'Grids · 网格数' })
  grids(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return this.structure(s, ctx, 'grids');
  }

  @FieldResolver(() => Int, { description: 'Grid units · 网格单元数' })
  gridUnits(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return this.structure(s, ctx, 'gridUnits');
  }

  @FieldResolver(() => Int, { description: 'Households assigned to a grid unit · 已划入网格单元的户数' })
  householdsInUnits(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return this.structure(s, ctx, 'householdsInUnits');
  }

  @FieldResolver(() => Int, { description: 'Cadres serving in grids · 下沉网格干部人数' })
  cadresInGrids(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return this.structure(s, ctx, 'cadresInGrids');
  }

  @FieldResolver(() => Int, { description: 'Distinct work units the cadres in grids come from · 下沉干部来源单位数' })
  cadreWorkUnits(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return this.structure(s, ctx, 'cadreWorkUnits');
  }

  @FieldResolver(() => Int, { description: 'Households with at least one paired cadre · 有结对干部的户数' })
  pairedHouseholds(@Root() s: GovernanceStats, @Ctx() ctx: PartyBuildingContext) {
    return this.structure(s, ctx, 'pairedHouseholds');
  }
}
