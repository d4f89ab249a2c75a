import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EmploymentContext } from '../employment.context';
import { AdminAreaStub } from '../entities/admin-area.stub';
import { requireYear } from '../services/employment-query.service';
import { EmploymentIndicators } from '../services/indicators.service';

/** Fields this subgraph contributes to the households subgraph's AdminArea. */
@Resolver(() => AdminAreaStub)
export class AreaFieldsResolver {
  @FieldResolver(() => EmploymentIndicators, { nullable: true, description: 'Employment and income indicators of this area and everything below it, inside your jurisdiction · 就业与收入指标' })
  employmentIndicators(
    @Root() a: AdminAreaStub,
    @Ctx() ctx: EmploymentContext,
    @Arg('year', () => Int, { description: 'Year, e.g. 2023 · 年度' }) year: number,
  ): Promise<EmploymentIndicators> {
    return ctx.loaders.indicators.load(ctx.loaders.indicatorKey(a.code, requireYear(year, 'year')));
  }
}
