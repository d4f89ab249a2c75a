import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Cadre } from '../entities/cadre.entity';
import { CadrePairing } from '../entities/cadre-pairing.entity';
import { HouseholdStub, householdRef } from '../entities/household.stub';
import type { PartyBuildingContext } from '../party-building.context';

@Resolver(() => CadrePairing)
export class CadrePairingFieldsResolver {
  @FieldResolver(() => Cadre, { nullable: true, description: 'Cadre · 干部' })
  cadre(@Root() p: CadrePairing, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.cadre.load(p.cadreId).catch(() => null);
  }

  @FieldResolver(() => HouseholdStub, { description: 'Household · 移民户' })
  household(@Root() p: CadrePairing) {
    return householdRef(p.householdId);
  }
}
