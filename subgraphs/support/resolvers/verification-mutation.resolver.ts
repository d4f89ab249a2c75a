import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireId } from '../../../platform/graphql/validation';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { Verification, VerificationEntry } from '../entities/verification.entity';
import { OpenVerificationInput, RecordVerificationInput } from '../inputs/records.input';
import { closeVerification, openVerification, recordVerificationResult } from '../services/verification.service';
import type { SupportContext } from '../support.context';
import { OFFICERS } from './roles';

@Resolver()
export class VerificationMutationResolver {
  @Authorized(...OFFICERS)
  @Mutation(() => Verification, { description: 'Open a county’s verification for a year: every entitled person on the list · 发起年度人口核定' })
  openVerification(@Arg('input', { description: 'The county and year · 核定的县及年度' }) input: OpenVerificationInput, @Ctx() ctx: SupportContext): Promise<Verification> {
    return openVerification(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => VerificationEntry, { description: 'Record a person’s verification result (inside your area) · 登记人口核定结果' })
  recordVerificationResult(@Arg('input', { description: 'The person, the result, the date and the verifier · 人员、核定结果、日期及核定人' }) input: RecordVerificationInput, @Ctx() ctx: SupportContext): Promise<VerificationEntry> {
    return recordVerificationResult(ctx, input);
  }

  @Authorized(...OFFICERS)
  @Mutation(() => Verification, { description: 'Close the year (every person verified): removals and suspensions become entitlement changes · 完成年度人口核定' })
  closeVerification(@Arg('id', () => ID, { description: 'Verification id · 核定标识' }) id: string, @Ctx() ctx: SupportContext): Promise<Verification> {
    return closeVerification(ctx, requireId(id, 'id'));
  }
}
