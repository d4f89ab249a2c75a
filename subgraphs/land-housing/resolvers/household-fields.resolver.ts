import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Allocation } from '../entities/allocation.entity';
import { HouseholdStub } from '../entities/household.stub';
import { LandParcel } from '../entities/land-parcel.entity';
import { OriginalHouse } from '../entities/original-house.entity';
import type { LandHousingContext } from '../land-housing.context';

/** Land and housing fields this subgraph adds to the households subgraph's `Household`. */
@Resolver(() => HouseholdStub)
export class HouseholdFieldsResolver {
  @FieldResolver(() => [LandParcel], { description: 'Flooded land parcels the household owned · 淹没土地' })
  landParcels(@Root() h: HouseholdStub, @Ctx() ctx: LandHousingContext): Promise<LandParcel[]> {
    return ctx.loaders.parcelsOfHousehold.load(h.id);
  }

  @FieldResolver(() => [OriginalHouse], { description: 'Original (flooded) houses, as surveyed · 原有房屋' })
  originalHouses(@Root() h: HouseholdStub, @Ctx() ctx: LandHousingContext): Promise<OriginalHouse[]> {
    return ctx.loaders.housesOfHousehold.load(h.id);
  }

  @FieldResolver(() => [Allocation], { description: 'Flats allocated to the household, earliest first · 安置房分配' })
  allocations(@Root() h: HouseholdStub, @Ctx() ctx: LandHousingContext): Promise<Allocation[]> {
    return ctx.loaders.allocationsOfHousehold.load(h.id);
  }

  @FieldResolver(() => Float, { description: 'Flooded land owned, in mu · 淹没土地合计（亩）' })
  async floodedLandMu(@Root() h: HouseholdStub, @Ctx() ctx: LandHousingContext): Promise<number> {
    return (await ctx.loaders.householdTotals.load(h.id))?.floodedLandMu ?? 0;
  }

  @FieldResolver(() => Float, { description: 'Surveyed floor area of the original houses, m² · 原有房屋实调面积合计（平方米）' })
  async originalFloorArea(@Root() h: HouseholdStub, @Ctx() ctx: LandHousingContext): Promise<number> {
    return (await ctx.loaders.householdTotals.load(h.id))?.originalFloorArea ?? 0;
  }
}
