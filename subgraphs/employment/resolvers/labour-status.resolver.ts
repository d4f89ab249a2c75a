import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import type { EmploymentContext } from '../employment.context';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { LabourStatusFilter } from '../inputs/filters.input';
import { listLabourStatuses } from '../services/employment-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const LabourStatusConnection = ConnectionType(LabourStatusRecord, 'LabourStatusRecord', 'A page of labour-status records · 劳动力状态分页列表');

@Resolver(() => LabourStatusRecord)
export class LabourStatusResolver {
  @Query(() => LabourStatusRecord, { nullable: true, description: 'One labour-status record by id, inside your jurisdiction · 按标识查询劳动力状态' })
  labourStatus(@Arg('id', () => ID, { description: 'Record id · 记录标识' }) id: string, @Ctx() ctx: EmploymentContext): Promise<LabourStatusRecord | null> {
    return ctx.loaders.labourStatus.load(requireId(id, 'id'));
  }

  @Query(() => LabourStatusConnection, { description: 'Labour-status records inside your jurisdiction, filtered and paginated · 劳动力状态列表' })
  labourStatuses(
    @Ctx() ctx: EmploymentContext,
    @Args() page: PageArgs,
    @Arg('filter', () => LabourStatusFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: LabourStatusFilter,
  ): Promise<Page<LabourStatusRecord>> {
    return listLabourStatuses(ctx, filter, page);
  }
}
