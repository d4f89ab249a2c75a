import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import type { EmploymentContext } from '../employment.context';
import { Employer } from '../entities/employer.entity';
import { CreateEmployerInput } from '../inputs/records.input';
import { createEmployer } from '../services/employer.service';

@Resolver()
export class EmployerMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => Employer, { description: 'Register an employer · 新增用工主体' })
  createEmployer(@Arg('input', { description: 'The employer · 用工主体' }) input: CreateEmployerInput, @Ctx() ctx: EmploymentContext): Promise<Employer> {
    return createEmployer(ctx, input);
  }
}
