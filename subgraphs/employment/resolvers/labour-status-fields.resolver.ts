import { FieldResolver, Resolver, Root } from 'type-graphql';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { HouseholdStub } from '../entities/household.stub';
import { PersonStub } from '../entities/person.stub';

@Resolver(() => LabourStatusRecord)
export class LabourStatusFieldsResolver {
  @FieldResolver(() => PersonStub, { description: 'Person checked · 人员' })
  person(@Root() r: LabourStatusRecord): PersonStub {
    return { id: r.personId };
  }

  @FieldResolver(() => HouseholdStub, { description: 'Household of the person · 所属移民户' })
  household(@Root() r: LabourStatusRecord): HouseholdStub {
    return { id: r.householdId };
  }
}
