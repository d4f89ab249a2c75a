import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { reveal } from '../../../platform/security/sensitive';
import { Allocation } from '../entities/allocation.entity';
import { Building } from '../entities/building.entity';
import { BuildingUnit } from '../entities/building-unit.entity';
import { Flat } from '../entities/flat.entity';
import { ResettlementSite } from '../entities/resettlement-site.entity';
import { FlatStatus } from '../land-housing.enums';
import type { LandHousingContext } from '../land-housing.context';

/** A flat's status from its allocation (the same rule as the inventory's SQL). */
export function flatStatus(allocation: Allocation | null): FlatStatus {
  if (!allocation) return FlatStatus.UNALLOCATED;
  if (!allocation.handedOverOn || !allocation.occupancyStatus) return FlatStatus.AWAITING_HANDOVER;
  return allocation.occupancyStatus as unknown as FlatStatus;
}

@Resolver(() => Flat)
export class FlatFieldsResolver {
  @FieldResolver(() => String, { description: 'Flat number inside the unit (e.g. 0302); part of an exact address: **** unless your role or purpose needs it in full; full reads are audited · 房号（详细地址，按需脱敏）' })
  number(@Root() flat: Flat, @Ctx() ctx: LandHousingContext): string {
    return reveal(ctx, SensitiveCategory.EXACT_ADDRESS, { type: 'Flat', id: flat.id, areaCode: flat.areaCode }, 'number', flat.number)!;
  }

  @FieldResolver(() => BuildingUnit, { description: 'Unit · 所属单元' })
  unit(@Root() flat: Flat, @Ctx() ctx: LandHousingContext) {
    return ctx.loaders.unit.load(flat.unitId);
  }

  @FieldResolver(() => Building, { description: 'Building · 所属楼栋' })
  building(@Root() flat: Flat, @Ctx() ctx: LandHousingContext) {
    return ctx.loaders.building.load(flat.buildingId);
  }

  @FieldResolver(() => ResettlementSite, { description: 'Resettlement site · 所属安置点' })
  site(@Root() flat: Flat, @Ctx() ctx: LandHousingContext) {
    return ctx.loaders.site.load(flat.siteId);
  }

  @FieldResolver(() => Allocation, { nullable: true, description: 'Its allocation; empty while unallocated · 分配情况' })
  allocation(@Root() flat: Flat, @Ctx() ctx: LandHousingContext): Promise<Allocation | null> {
    return ctx.loaders.allocationOfFlat.load(flat.id);
  }

  @FieldResolver(() => FlatStatus, { description: 'Status · 房源状态' })
  async status(@Root() flat: Flat, @Ctx() ctx: LandHousingContext): Promise<FlatStatus> {
    return flatStatus(await ctx.loaders.allocationOfFlat.load(flat.id));
  }
}
