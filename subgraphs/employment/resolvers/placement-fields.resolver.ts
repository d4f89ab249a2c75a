import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { revealIncome } from '../../../platform/security/sensitive';
import { today } from '../../../platform/graphql/validation';
import type { EmploymentContext } from '../employment.context';
import { Employer } from '../entities/employer.entity';
import { EmploymentPlacement } from '../entities/placement.entity';
import { HouseholdStub } from '../entities/household.stub';
import { PersonStub } from '../entities/person.stub';

@Resolver(() => EmploymentPlacement)
export class PlacementFieldsResolver {
  @FieldResolver(() => PersonStub, { description: 'Person placed · 人员' })
  person(@Root() p: EmploymentPlacement): PersonStub {
    return { id: p.personId };
  }

  @FieldResolver(() => HouseholdStub, { description: 'Household of the person · 所属移民户' })
  household(@Root() p: EmploymentPlacement): HouseholdStub {
    return { id: p.householdId };
  }

  @FieldResolver(() => Employer, { nullable: true, description: 'Employer, if any · 用工主体' })
  employer(@Root() p: EmploymentPlacement, @Ctx() ctx: EmploymentContext): Promise<Employer | null> | null {
    return p.employerId ? ctx.loaders.employer.load(p.employerId) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Monthly wage or income, yuan; null unless your role or purpose needs incomes (full reads are audited) · 月工资（收入），元（按需提供，读取留痕）' })
  monthlyWage(@Root() p: EmploymentPlacement, @Ctx() ctx: EmploymentContext): number | null {
    return revealIncome(ctx, { type: 'EmploymentPlacement', id: p.id, areaCode: p.areaCode }, 'monthlyWage', p.monthlyWage);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the placement lasts today · 是否在岗' })
  current(@Root() p: EmploymentPlacement): boolean {
    const now = today();
    return p.startDate <= now && (!p.endDate || p.endDate >= now);
  }
}
