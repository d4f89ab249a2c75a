import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { reveal } from '../../../platform/security/sensitive';
import { Cadre } from '../entities/cadre.entity';
import { Grid } from '../entities/grid.entity';
import { HouseholdStub, householdRef } from '../entities/household.stub';
import type { PartyBuildingContext } from '../party-building.context';

@Resolver(() => Cadre)
export class CadreFieldsResolver {
  @FieldResolver(() => String, { description: 'Mobile phone, masked unless your role sees phones in full · 手机号码' })
  phone(@Root() c: Cadre, @Ctx() ctx: PartyBuildingContext): string {
    return reveal(ctx, SensitiveCategory.PHONE, { type: 'Cadre', id: c.id, areaCode: c.areaCode }, 'phone', c.phone)!;
  }

  @FieldResolver(() => Grid, { nullable: true, description: 'Grid served, if any · 所在网格' })
  grid(@Root() c: Cadre, @Ctx() ctx: PartyBuildingContext) {
    return c.gridId ? ctx.loaders.grid.load(c.gridId) : null;
  }

  @FieldResolver(() => [HouseholdStub], { description: 'Households the cadre is paired with now · 结对帮扶的移民户' })
  async pairedHouseholds(@Root() c: Cadre, @Ctx() ctx: PartyBuildingContext) {
    return (await ctx.loaders.cadrePairings.load(c.id)).map((p) => householdRef(p.householdId));
  }
}
