import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import type { EmploymentContext } from '../employment.context';
import { EmploymentPlacement } from '../entities/placement.entity';
import { EndPlacementInput, StartPlacementInput } from '../inputs/records.input';
import { endPlacement, startPlacement } from '../services/placement.service';

@Resolver()
export class PlacementMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => EmploymentPlacement, { description: 'Start a placement (no overlapping full-time placements) · 上岗登记' })
  startPlacement(@Arg('input', { description: 'The placement · 就业安置' }) input: StartPlacementInput, @Ctx() ctx: EmploymentContext): Promise<EmploymentPlacement> {
    return startPlacement(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => EmploymentPlacement, { description: 'End a placement · 离岗登记' })
  endPlacement(@Arg('input', { description: 'The end · 离岗信息' }) input: EndPlacementInput, @Ctx() ctx: EmploymentContext): Promise<EmploymentPlacement> {
    return endPlacement(ctx, input);
  }
}
