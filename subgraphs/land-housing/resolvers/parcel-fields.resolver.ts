import { FieldResolver, Resolver, Root } from 'type-graphql';
import { householdRef, HouseholdStub } from '../entities/household.stub';
import { LandParcel } from '../entities/land-parcel.entity';

@Resolver(() => LandParcel)
export class LandParcelFieldsResolver {
  @FieldResolver(() => HouseholdStub, { nullable: true, description: 'Owning household; empty for collective land · 所属移民户（集体土地为空）' })
  household(@Root() parcel: LandParcel): HouseholdStub | null {
    return parcel.householdId ? householdRef(parcel.householdId) : null;
  }
}
