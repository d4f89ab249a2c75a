import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { Cadre } from '../entities/cadre.entity';
import { CadreFilter } from '../inputs/filters.input';
import type { PartyBuildingContext } from '../party-building.context';
import { listCadres } from '../services/party-building-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const CadreConnection = ConnectionType(Cadre, 'Cadre', 'A page of cadres · 干部分页列表');

@Resolver(() => Cadre)
export class CadreResolver {
  @Query(() => Cadre, { nullable: true, description: 'One cadre by id, inside your jurisdiction · 按标识查询干部' })
  cadre(@Arg('id', () => ID, { description: 'Identifier · 标识' }) id: string, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.cadre.load(requireId(id, 'id'));
  }

  @Query(() => CadreConnection, { description: 'Cadres inside your jurisdiction, filtered and paginated · 干部列表' })
  cadres(
    @Ctx() ctx: PartyBuildingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => CadreFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: CadreFilter,
  ): Promise<Page<Cadre>> {
    return listCadres(ctx, filter, page);
  }
}
