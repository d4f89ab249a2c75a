import { FieldResolver, Resolver, Root } from 'type-graphql';
import { householdRef, HouseholdStub } from '../entities/household.stub';
import { OriginalHouse } from '../entities/original-house.entity';

@Resolver(() => OriginalHouse)
export class OriginalHouseFieldsResolver {
  @FieldResolver(() => HouseholdStub, { description: 'Owning household · 所属移民户' })
  household(@Root() house: OriginalHouse): HouseholdStub {
    return householdRef(house.householdId);
  }
}
