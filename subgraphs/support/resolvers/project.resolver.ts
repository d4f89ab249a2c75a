import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { AdminAreaStub } from '../entities/admin-area.stub';
import { ProjectFund, SupportProject } from '../entities/support-project.entity';
import { SupportProjectFilter } from '../inputs/filters.input';
import { listProjects } from '../services/support-query.service';
import type { SupportContext } from '../support.context';

export const SupportProjectConnection = ConnectionType(SupportProject, 'SupportProject', 'A page of support projects · 后期扶持项目分页列表');

@Resolver(() => SupportProject)
export class ProjectResolver {
  @Query(() => SupportProjectConnection, { description: 'Post-relocation support projects of your areas (and those above), filtered and paginated · 后期扶持项目列表' })
  supportProjects(@Ctx() ctx: SupportContext, @Args() page: PageArgs,
    @Arg('filter', () => SupportProjectFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: SupportProjectFilter): Promise<Page<SupportProject>> {
    return listProjects(ctx, filter, page);
  }

  @FieldResolver(() => [ProjectFund], { description: 'Funds allocated, by year · 历年资金' })
  funds(@Root() p: SupportProject, @Ctx() ctx: SupportContext): Promise<ProjectFund[]> {
    return ctx.loaders.fundsOfProject.load(p.id);
  }

  @FieldResolver(() => AdminAreaStub, { description: 'Area the project sits in · 所在地' })
  area(@Root() p: SupportProject): AdminAreaStub {
    return Object.assign(new AdminAreaStub(), { code: p.areaCode });
  }
}
