import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { GovernanceCase } from '../entities/governance-case.entity';
import { MoveCaseInput, OpenCaseInput } from '../inputs/mutations.input';
import type { PartyBuildingContext } from '../party-building.context';
import { moveCase, openCase } from '../services/case.service';

@Resolver()
export class CaseMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => GovernanceCase, { description: 'Open a case with its first responsible person and deadline · 受理群众诉求' })
  openGovernanceCase(@Arg('input', { description: 'The case · 事项' }) input: OpenCaseInput, @Ctx() ctx: PartyBuildingContext) {
    return openCase(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => GovernanceCase, { description: 'Move a case along its flow (open → assigned → in progress → resolved or escalated), recording who and when · 事项流转' })
  moveGovernanceCase(@Arg('input', { description: 'The move · 流转' }) input: MoveCaseInput, @Ctx() ctx: PartyBuildingContext) {
    return moveCase(ctx, input);
  }
}
