import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { CadrePairing } from '../entities/cadre-pairing.entity';
import { CadreVisit } from '../entities/cadre-visit.entity';
import { PartyActivity } from '../entities/party-activity.entity';
import { PairCadreInput, RecordActivityInput, RecordVisitInput } from '../inputs/mutations.input';
import type { PartyBuildingContext } from '../party-building.context';
import { pairCadre, recordActivity, recordVisit } from '../services/engagement.service';

@Resolver()
export class EngagementMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => CadrePairing, { description: 'Pair a cadre with a household (干部包户) · 干部结对包户' })
  pairCadre(@Arg('input', { description: 'Cadre and household · 干部与移民户' }) input: PairCadreInput, @Ctx() ctx: PartyBuildingContext) {
    return pairCadre(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => CadreVisit, { description: 'Record a paired cadre’s visit · 登记入户走访' })
  recordVisit(@Arg('input', { description: 'The visit · 走访' }) input: RecordVisitInput, @Ctx() ctx: PartyBuildingContext) {
    return recordVisit(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => PartyActivity, { description: 'Record an activity a party organisation held · 登记党组织活动' })
  recordPartyActivity(@Arg('input', { description: 'The activity · 活动' }) input: RecordActivityInput, @Ctx() ctx: PartyBuildingContext) {
    return recordActivity(ctx, input);
  }
}
