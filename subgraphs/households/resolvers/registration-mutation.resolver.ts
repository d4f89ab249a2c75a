import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import { Household } from '../entities/household.entity';
import { Person } from '../entities/person.entity';
import type { HouseholdsContext } from '../households.context';
import { AddMemberInput, RegisterHouseholdInput, RemoveMemberInput, UpdatePersonInput } from '../inputs/registration.input';
import { addMember, registerHousehold, removeMember, updatePerson } from '../services/registration.service';

@Resolver()
export class RegistrationMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => Household, { description: 'Register a household with all its members, in one transaction · 登记移民户及其成员' })
  registerHousehold(@Arg('input', { description: 'The household and all its members · 移民户及全部成员' }) input: RegisterHouseholdInput, @Ctx() ctx: HouseholdsContext): Promise<Household> {
    return registerHousehold(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => Person, { description: 'Change a person’s details · 修改人员信息' })
  updatePerson(@Arg('input', { description: 'The person and the fields to change · 人员及要修改的信息' }) input: UpdatePersonInput, @Ctx() ctx: HouseholdsContext): Promise<Person> {
    return updatePerson(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => Person, { description: 'Add a member to a household · 增员' })
  addMember(@Arg('input', { description: 'The household and the new member · 移民户及新成员' }) input: AddMemberInput, @Ctx() ctx: HouseholdsContext): Promise<Person> {
    return addMember(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => Person, { description: 'Remove a member from a household, with a reason · 减员' })
  removeMember(@Arg('input', { description: 'The member, the reason and the date · 成员、原因及日期' }) input: RemoveMemberInput, @Ctx() ctx: HouseholdsContext): Promise<Person> {
    return removeMember(ctx, input);
  }
}
