import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Cadre } from '../entities/cadre.entity';
import { Grid } from '../entities/grid.entity';
import { GridUnit } from '../entities/grid-unit.entity';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import { AdminAreaStub, areaRef } from '../entities/admin-area.stub';
import { HouseholdStub, householdRef } from '../entities/household.stub';
import type { PartyBuildingContext } from '../party-building.context';

@Resolver(() => Grid)
export class GridFieldsResolver {
  @FieldResolver(() => AdminAreaStub, { description: 'Community the grid divides · 所在社区' })
  area(@Root() g: Grid) {
    return areaRef(g.areaCode);
  }

  @FieldResolver(() => PartyOrganisation, { nullable: true, description: 'Red grid (party organisation) leading it · 对应红网格党组织' })
  organisation(@Root() g: Grid, @Ctx() ctx: PartyBuildingContext) {
    return g.organisationId ? ctx.loaders.organisation.load(g.organisationId) : null;
  }

  @FieldResolver(() => [GridUnit], { description: 'Units of the grid · 网格单元' })
  units(@Root() g: Grid, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.gridUnits.load(g.id);
  }

  @FieldResolver(() => [Cadre], { description: 'Cadres serving in the grid · 下沉干部' })
  cadres(@Root() g: Grid, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.gridCadres.load(g.id);
  }

  @FieldResolver(() => [HouseholdStub], { description: 'Households in the grid’s units · 网格内移民户' })
  async households(@Root() g: Grid, @Ctx() ctx: PartyBuildingContext) {
    return (await ctx.loaders.gridHouseholds.load(g.id)).map((h) => householdRef(h.householdId));
  }

  @FieldResolver(() => Int, { description: 'Number of households in the grid · 网格户数' })
  async householdCount(@Root() g: Grid, @Ctx() ctx: PartyBuildingContext) {
    return (await ctx.loaders.gridHouseholds.load(g.id)).length;
  }
}
