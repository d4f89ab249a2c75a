import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import type { EmploymentContext } from '../employment.context';
import { Employer } from '../entities/employer.entity';
import { EmployerFilter } from '../inputs/filters.input';
import { listEmployers } from '../services/employment-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const EmployerConnection = ConnectionType(Employer, 'Employer', 'A page of employers · 用工主体分页列表');

@Resolver(() => Employer)
export class EmployerResolver {
  @Query(() => Employer, { nullable: true, description: 'One employer by id (in your jurisdiction or serving it) · 按标识查询用工主体' })
  employer(@Arg('id', () => ID, { description: 'Employer id · 用工主体标识' }) id: string, @Ctx() ctx: EmploymentContext): Promise<Employer | null> {
    return ctx.loaders.employer.load(requireId(id, 'id'));
  }

  @Query(() => EmployerConnection, { description: 'Employers in your jurisdiction and the areas above it, filtered and paginated · 用工主体列表' })
  employers(
    @Ctx() ctx: EmploymentContext,
    @Args() page: PageArgs,
    @Arg('filter', () => EmployerFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: EmployerFilter,
  ): Promise<Page<Employer>> {
    return listEmployers(ctx, filter, page);
  }
}
