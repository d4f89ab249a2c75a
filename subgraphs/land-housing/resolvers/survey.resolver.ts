import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { requireId } from '../../../platform/graphql/validation';
import { LandParcel } from '../entities/land-parcel.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import { LandParcelFilter, OriginalHouseFilter } from '../inputs/filters.input';
import type { LandHousingContext } from '../land-housing.context';
import { listLandParcels, listOriginalHouses } from '../services/survey-query.service';

export const LandParcelConnection = ConnectionType(LandParcel, 'LandParcel', 'A page of flooded land parcels · 淹没土地分页列表');
export const OriginalHouseConnection = ConnectionType(OriginalHouse, 'OriginalHouse', 'A page of original houses · 原有房屋分页列表');

@Resolver()
export class SurveyResolver {
  @Query(() => LandParcel, { nullable: true, description: 'One flooded land parcel, inside your jurisdiction · 按标识查询淹没土地' })
  landParcel(@Arg('id', () => ID, { description: 'Parcel id · 地块标识' }) id: string, @Ctx() ctx: LandHousingContext): Promise<LandParcel | null> {
    return ctx.loaders.landParcel.load(requireId(id, 'id'));
  }

  @Query(() => LandParcelConnection, { description: 'Flooded land parcels inside your jurisdiction, filtered and paginated · 淹没土地列表' })
  landParcels(
    @Ctx() ctx: LandHousingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => LandParcelFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: LandParcelFilter,
  ): Promise<Page<LandParcel>> {
    return listLandParcels(ctx, filter, page);
  }

  @Query(() => OriginalHouse, { nullable: true, description: 'One original house, inside your jurisdiction · 按标识查询原有房屋' })
  originalHouse(@Arg('id', () => ID, { description: 'House id · 房屋标识' }) id: string, @Ctx() ctx: LandHousingContext): Promise<OriginalHouse | null> {
    return ctx.loaders.originalHouse.load(requireId(id, 'id'));
  }

  @Query(() => OriginalHouseConnection, { description: 'Original houses inside your jurisdiction, filtered and paginated · 原有房屋列表' })
  originalHouses(
    @Ctx() ctx: LandHousingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => OriginalHouseFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: OriginalHouseFilter,
  ): Promise<Page<OriginalHouse>> {
    return listOriginalHouses(ctx, filter, page);
  }
}
