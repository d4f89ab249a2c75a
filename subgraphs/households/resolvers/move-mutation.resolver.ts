import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { Household } from '../entities/household.entity';
import type { HouseholdsContext } from '../households.context';
import { MoveHouseholdInput } from '../inputs/move.input';
import { moveHousehold } from '../services/move.service';

@Resolver()
export class MoveMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => Household, {
    description: 'Move a household to another resident group; its records in every subgraph follow · 移民户迁移（各业务记录随之归属新现居住地）',
  })
  moveHousehold(@Arg('input', { description: 'The household, its new resident group and why · 移民户、新现居住地及迁移原因' }) input: MoveHouseholdInput, @Ctx() ctx: HouseholdsContext): Promise<Household> {
    return moveHousehold(ctx, input);
  }
}
