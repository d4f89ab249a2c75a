import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Grid } from '../entities/grid.entity';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import { AdminAreaStub, areaRef } from '../entities/admin-area.stub';
import type { PartyBuildingContext } from '../party-building.context';

@Resolver(() => PartyOrganisation)
export class PartyOrganisationFieldsResolver {
  @FieldResolver(() => PartyOrganisation, { nullable: true, description: 'Organisation one level up · 上级党组织' })
  parent(@Root() o: PartyOrganisation, @Ctx() ctx: PartyBuildingContext) {
    return o.parentId ? ctx.loaders.organisation.load(o.parentId) : null;
  }

  @FieldResolver(() => [PartyOrganisation], { description: 'Organisations one level down, inside your jurisdiction · 下级党组织' })
  children(@Root() o: PartyOrganisation, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.organisationChildren.load(o.id);
  }

  @FieldResolver(() => AdminAreaStub, { description: 'Area it works in · 所在区划' })
  area(@Root() o: PartyOrganisation) {
    return areaRef(o.areaCode);
  }

  @FieldResolver(() => Grid, { nullable: true, description: 'The grid a red grid leads · 红网格对应的网格' })
  async grid(@Root() o: PartyOrganisation, @Ctx() ctx: PartyBuildingContext) {
    return (await ctx.loaders.organisationGrid.load(o.id))[0] ?? null;
  }
}
