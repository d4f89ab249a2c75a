import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PageArgs, type Page } from '../../../platform/graphql/pagination';
import { AdminAreaStub } from '../entities/admin-area.stub';
import { SupportProject } from '../entities/support-project.entity';
import { SupportIndicators } from '../services/indicators.service';
import { areaPrefix, checkAreaFilter } from '../../../platform/security/scope';
import { requireYear } from '../services/support.validation';
import type { SupportContext } from '../support.context';
import { SupportProjectConnection } from './project.resolver';

/** Fields this subgraph contributes to the households subgraph's AdminArea. */
@Resolver(() => AdminAreaStub)
export class AreaFieldsResolver {
  @FieldResolver(() => SupportIndicators, { description: 'Verification and payment indicators of this area and everything below it, inside your jurisdiction · 后期扶持指标' })
  supportIndicators(@Root() a: AdminAreaStub, @Ctx() ctx: SupportContext,
    @Arg('year', () => Int, { description: 'Year · 年度' }) year: number): Promise<SupportIndicators> {
    return ctx.loaders.indicators.load(ctx.loaders.indicatorKey(a.code, requireYear(year, 'year')));
  }

  @FieldResolver(() => SupportProjectConnection, { description: 'Support projects in this area and below it · 后期扶持项目' })
  supportProjects(@Root() a: AdminAreaStub, @Ctx() ctx: SupportContext, @Args() page: PageArgs): Promise<Page<SupportProject>> {
    // the area is checked like a filter (no SQL); the pages of every area asked come in one statement
    return ctx.loaders.projectsOfArea(areaPrefix(checkAreaFilter(ctx.scope, a.code, 'code')), page);
  }
}
