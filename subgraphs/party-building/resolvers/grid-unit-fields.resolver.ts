import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Grid } from '../entities/grid.entity';
import { GridUnit } from '../entities/grid-unit.entity';
import { HouseholdStub, householdRef } from '../entities/household.stub';
import { PersonStub, personRef } from '../entities/person.stub';
import type { PartyBuildingContext } from '../party-building.context';

@Resolver(() => GridUnit)
export class GridUnitFieldsResolver {
  @FieldResolver(() => Grid, { nullable: true, description: 'Grid the unit belongs to · 所属网格' })
  grid(@Root() u: GridUnit, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.grid.load(u.gridId);
  }

  @FieldResolver(() => PersonStub, { nullable: true, description: 'Resident who manages the unit (households subgraph) · 单元长' })
  manager(@Root() u: GridUnit) {
    return u.managerPersonId ? personRef(u.managerPersonId) : null;
  }

  @FieldResolver(() => [HouseholdStub], { description: 'Households in the unit · 单元内移民户' })
  async households(@Root() u: GridUnit, @Ctx() ctx: PartyBuildingContext) {
    return (await ctx.loaders.unitHouseholds.load(u.id)).map((h) => householdRef(h.householdId));
  }

  @FieldResolver(() => Int, { description: 'Number of households in the unit · 单元户数' })
  async householdCount(@Root() u: GridUnit, @Ctx() ctx: PartyBuildingContext) {
    return (await ctx.loaders.unitHouseholds.load(u.id)).length;
  }
}
