import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import type { EmploymentContext } from '../employment.context';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { RecordLabourStatusInput } from '../inputs/records.input';
import { recordLabourStatusCheck } from '../services/labour-status.service';

@Resolver()
export class LabourStatusMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => LabourStatusRecord, { description: 'Record a labour-status check of a person · 登记劳动力状态核查' })
  recordLabourStatusCheck(@Arg('input', { description: 'The check · 核查结果' }) input: RecordLabourStatusInput, @Ctx() ctx: EmploymentContext): Promise<LabourStatusRecord> {
    return recordLabourStatusCheck(ctx, input);
  }
}
