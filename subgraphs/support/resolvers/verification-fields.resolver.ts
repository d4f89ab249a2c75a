import { FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonStub } from '../entities/person.stub';
import { VerificationEntry } from '../entities/verification.entity';

@Resolver(() => VerificationEntry)
export class VerificationEntryFieldsResolver {
  @FieldResolver(() => PersonStub, { description: 'The person · 人员' })
  person(@Root() e: VerificationEntry): PersonStub {
    return { id: e.personId };
  }
}
