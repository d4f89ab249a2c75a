import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { Building } from '../entities/building.entity';
import { Flat } from '../entities/flat.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import { CreateBuildingInput, CreateFlatsInput, CreateSiteInput } from '../inputs/site.input';
import type { LandHousingContext } from '../land-housing.context';
import { createBuilding, createFlats, createSite } from '../services/site.service';

@Resolver()
export class SiteMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => ResettlementSite, { description: 'Create a resettlement site in a community · 新建安置点' })
  createSite(@Arg('input', { description: 'The site · 安置点' }) input: CreateSiteInput, @Ctx() ctx: LandHousingContext): Promise<ResettlementSite> {
    return createSite(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => Building, { description: 'Create a building with its units at a site · 新建楼栋及单元' })
  createBuilding(@Arg('input', { description: 'The building and its units · 楼栋及单元' }) input: CreateBuildingInput, @Ctx() ctx: LandHousingContext): Promise<Building> {
    return createBuilding(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => [Flat], { description: 'Create flats in a unit, all or none · 批量新建安置房' })
  createFlats(@Arg('input', { description: 'The flats of a unit · 单元内的房屋' }) input: CreateFlatsInput, @Ctx() ctx: LandHousingContext): Promise<Flat[]> {
    return createFlats(ctx, input);
  }
}
