import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PartyActivity } from '../entities/party-activity.entity';
import { PartyOrganisation } from '../entities/party-organisation.entity';
import type { PartyBuildingContext } from '../party-building.context';

@Resolver(() => PartyActivity)
export class PartyActivityFieldsResolver {
  @FieldResolver(() => PartyOrganisation, { nullable: true, description: 'Organisation that held it · 组织单位' })
  organisation(@Root() a: PartyActivity, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.organisation.load(a.organisationId);
  }
}
