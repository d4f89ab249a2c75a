import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { Grid } from '../entities/grid.entity';
import { GridUnit } from '../entities/grid-unit.entity';
import { GridFilter } from '../inputs/filters.input';
import type { PartyBuildingContext } from '../party-building.context';
import { listGrids } from '../services/party-building-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const GridConnection = ConnectionType(Grid, 'Grid', 'A page of grids · 网格分页列表');

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => Grid, { nullable: true, description: 'One grid by id, inside your jurisdiction · 按标识查询网格' })
  grid(@Arg('id', () => ID, { description: 'Identifier · 标识' }) id: string, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.grid.load(requireId(id, 'id'));
  }

  @Query(() => GridUnit, { nullable: true, description: 'One grid unit by id, inside your jurisdiction · 按标识查询网格单元' })
  gridUnit(@Arg('id', () => ID, { description: 'Identifier · 标识' }) id: string, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.unit.load(requireId(id, 'id'));
  }

  @Query(() => GridConnection, { description: 'Grids inside your jurisdiction, filtered and paginated · 网格列表' })
  grids(
    @Ctx() ctx: PartyBuildingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => GridFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: GridFilter,
  ): Promise<Page<Grid>> {
    return listGrids(ctx, filter, page);
  }
}
