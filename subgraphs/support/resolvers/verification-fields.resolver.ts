import { FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonStub } from '../entities/person.stub';
import { Verification, VerificationEntry } from '../entities/verification.entity';

@Resolver(() => Verification)
export class VerificationFieldsResolver {
  @FieldResolver(() => String, { description: 'Where the gateway serves the list as a sheet (to return with the results) · 核定名单下载地址' })
  listPath(@Root() v: Verification): string {
    return `/exports/verification.xlsx?area=${v.countyCode}&year=${v.year}`;
  }
}

@Resolver(() => VerificationEntry)
export class VerificationEntryFieldsResolver {
  @FieldResolver(() => PersonStub, { description: 'The person · 人员' })
  person(@Root() e: VerificationEntry): PersonStub {
    return { id: e.personId };
  }
}
