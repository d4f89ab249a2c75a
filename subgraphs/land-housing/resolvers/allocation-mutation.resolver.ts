import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { Allocation } from '../entities/allocation.entity';
import { AllocateFlatInput, ChangeOccupancyInput, HandOverFlatInput } from '../inputs/allocation.input';
import type { LandHousingContext } from '../land-housing.context';
import { allocateFlat, changeOccupancy, handOverFlat } from '../services/allocation.service';

@Resolver()
export class AllocationMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => Allocation, {
    description: 'Allocate a free flat to a household, under the site’s swap rules · 分配安置房（按安置点面积置换规则）',
  })
  allocateFlat(@Arg('input', { description: 'The household, the flat and the date · 移民户、房屋及日期' }) input: AllocateFlatInput, @Ctx() ctx: LandHousingContext): Promise<Allocation> {
    return allocateFlat(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => Allocation, { description: 'Record that the keys were handed over · 交房' })
  handOverFlat(@Arg('input', { description: 'The allocation and the hand-over date · 分配记录及交房日期' }) input: HandOverFlatInput, @Ctx() ctx: LandHousingContext): Promise<Allocation> {
    return handOverFlat(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => Allocation, { description: 'Change how a handed-over flat is used (occupied, vacant, rented out) · 变更入住状态' })
  changeOccupancy(@Arg('input', { description: 'The allocation and its new occupancy · 分配记录及入住状态' }) input: ChangeOccupancyInput, @Ctx() ctx: LandHousingContext): Promise<Allocation> {
    return changeOccupancy(ctx, input);
  }
}
