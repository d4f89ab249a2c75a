import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { SubsidyCard } from '../entities/subsidy-card.entity';
import { RecordSubsidyCardInput } from '../inputs/records.input';
import { recordSubsidyCard } from '../services/subsidy-card.service';
import type { SupportContext } from '../support.context';
import { OFFICERS } from './roles';

@Resolver()
export class SubsidyCardMutationResolver {
  @Authorized(...OFFICERS)
  @Mutation(() => SubsidyCard, { description: 'Record a person’s subsidy card and the holder’s ID number (the county office of the person’s county) · 登记惠民惠农一卡通' })
  recordSubsidyCard(@Arg('input', { description: 'The person, the holder’s ID number, the card and its bank · 人员、持卡人身份证号、卡号及开户银行' }) input: RecordSubsidyCardInput, @Ctx() ctx: SupportContext): Promise<SubsidyCard> {
    return recordSubsidyCard(ctx, input);
  }
}
