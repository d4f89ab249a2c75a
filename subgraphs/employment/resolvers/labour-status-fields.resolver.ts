import { FieldResolver, Resolver, Root } from 'type-graphql';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { Household, Person } from '../entities/registry.stubs';

@Resolver(() => LabourStatusRecord)
export class LabourStatusFieldsResolver {
  @FieldResolver(() => Person, { description: 'Person checked · 人员' })
  person(@Root() r: LabourStatusRecord): Person {
    return { id: r.personId };
  }

  @FieldResolver(() => Household, { description: 'Household of the person · 所属移民户' })
  household(@Root() r: LabourStatusRecord): Household {
    return { id: r.householdId };
  }
}
