import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Building } from '../entities/building.entity';
import { BuildingUnit } from '../entities/building-unit.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import type { LandHousingContext } from '../land-housing.context';

@Resolver(() => Building)
export class BuildingFieldsResolver {
  @FieldResolver(() => ResettlementSite, { description: 'Site the building belongs to · 所属安置点' })
  site(@Root() building: Building, @Ctx() ctx: LandHousingContext) {
    return ctx.loaders.site.load(building.siteId);
  }

  @FieldResolver(() => [BuildingUnit], { description: 'Units, by number · 单元' })
  units(@Root() building: Building, @Ctx() ctx: LandHousingContext): Promise<BuildingUnit[]> {
    return ctx.loaders.unitsOfBuilding.load(building.id);
  }
}
