import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { cents } from '../../../platform/db/decimal';
import { Allocation } from '../entities/allocation.entity';
import { Flat } from '../entities/flat.entity';
import { householdRef, HouseholdStub } from '../entities/household.stub';
import type { LandHousingContext } from '../land-housing.context';

@Resolver(() => Allocation)
export class AllocationFieldsResolver {
  @FieldResolver(() => HouseholdStub, { description: 'Household the flat is allocated to · 分配对象（移民户）' })
  household(@Root() allocation: Allocation): HouseholdStub {
    return householdRef(allocation.householdId);
  }

  @FieldResolver(() => Flat, { nullable: true, description: 'The flat; empty when its site lies outside your jurisdiction · 所分配的安置房' })
  flat(@Root() allocation: Allocation, @Ctx() ctx: LandHousingContext): Promise<Flat | null> {
    return ctx.loaders.flat.load(allocation.flatId).catch(() => null);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Allocated minus swapped floor area, m² (positive: paid for by the household; negative: compensated); empty without a swap · 面积差（平方米）',
  })
  areaDifference(@Root() allocation: Allocation): number | null {
    if (allocation.swappedArea === null) return null;
    return (cents(allocation.allocatedArea) - cents(allocation.swappedArea)) / 100;
  }
}
