import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import { PartyOrganisationFilter } from '../inputs/filters.input';
import type { PartyBuildingContext } from '../party-building.context';
import { listOrganisations } from '../services/party-building-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const PartyOrganisationConnection = ConnectionType(PartyOrganisation, 'PartyOrganisation', 'A page of party organisations · 党组织分页列表');

@Resolver(() => PartyOrganisation)
export class PartyOrganisationResolver {
  @Query(() => PartyOrganisation, { nullable: true, description: 'One party organisation by id, inside your jurisdiction · 按标识查询党组织' })
  partyOrganisation(@Arg('id', () => ID, { description: 'Identifier · 标识' }) id: string, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.organisation.load(requireId(id, 'id'));
  }

  @Query(() => PartyOrganisationConnection, { description: 'Party organisations inside your jurisdiction, filtered and paginated · 党组织列表' })
  partyOrganisations(
    @Ctx() ctx: PartyBuildingContext,
    @Args() page: PageArgs,
    @Arg('filter', () => PartyOrganisationFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: PartyOrganisationFilter,
  ): Promise<Page<PartyOrganisation>> {
    return listOrganisations(ctx, filter, page);
  }
}
