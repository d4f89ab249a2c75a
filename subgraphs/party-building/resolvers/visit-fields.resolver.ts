import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Cadre } from '../entities/cadre.entity';
import { CadreVisit } from '../entities/cadre-visit.entity';
import { HouseholdStub, householdRef } from '../entities/household.stub';
import type { PartyBuildingContext } from '../party-building.context';

@Resolver(() => CadreVisit)
export class CadreVisitFieldsResolver {
  @FieldResolver(() => Cadre, { nullable: true, description: 'Cadre who visited · 走访干部' })
  cadre(@Root() v: CadreVisit, @Ctx() ctx: PartyBuildingContext) {
    return ctx.loaders.cadre.load(v.cadreId).catch(() => null);
  }

  @FieldResolver(() => HouseholdStub, { description: 'Household visited · 走访的移民户' })
  household(@Root() v: CadreVisit) {
    return householdRef(v.householdId);
  }
}
