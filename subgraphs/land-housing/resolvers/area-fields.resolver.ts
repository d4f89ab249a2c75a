import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdminAreaStub } from '../entities/admin-area.stub';
import { AreaInventory } from '../entities/area-inventory.type';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import type { LandHousingContext } from '../land-housing.context';

/** Sites and inventory totals this subgraph adds to the households subgraph's `AdminArea`. */
@Resolver(() => AdminAreaStub)
export class AreaFieldsResolver {
  @FieldResolver(() => [ResettlementSite], { description: 'Resettlement sites in the area and below, inside your jurisdiction · 辖区内安置点' })
  resettlementSites(@Root() area: AdminAreaStub, @Ctx() ctx: LandHousingContext): Promise<ResettlementSite[]> {
    return ctx.loaders.sitesOfArea.load(area.code);
  }

  @FieldResolver(() => AreaInventory, { description: 'Land and housing totals of the area and below, inside your jurisdiction · 土地房屋汇总' })
  async inventory(@Root() area: AdminAreaStub, @Ctx() ctx: LandHousingContext): Promise<AreaInventory> {
    return (await ctx.loaders.inventory.load(area.code))!;
  }
}
