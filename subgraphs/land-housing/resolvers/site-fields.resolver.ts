import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AdminAreaStub, areaRef } from '../entities/admin-area.stub';
import { Building } from '../entities/building.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import type { LandHousingContext } from '../land-housing.context';

@Resolver(() => ResettlementSite)
export class SiteFieldsResolver {
  @FieldResolver(() => AdminAreaStub, { description: 'Community the site lies in · 所在社区' })
  area(@Root() site: ResettlementSite): AdminAreaStub {
    return areaRef(site.areaCode);
  }

  @FieldResolver(() => [Building], { description: 'Buildings, by number · 楼栋' })
  buildings(@Root() site: ResettlementSite, @Ctx() ctx: LandHousingContext): Promise<Building[]> {
    return ctx.loaders.buildingsOfSite.load(site.id);
  }
}
