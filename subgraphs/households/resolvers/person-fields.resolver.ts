import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { reveal } from '../../../platform/security/sensitive';
import { today } from '../../../platform/graphql/validation';
import { Household } from '../entities/household.entity';
import { Person } from '../entities/person.entity';
import { VulnerabilityFlag } from '../households.enums';
import type { HouseholdsContext } from '../households.context';
import { ageOn } from '../services/member.validation';

@Resolver(() => Person)
export class PersonFieldsResolver {
  @FieldResolver(() => Household, { description: 'Household the person belongs to · 所属移民户' })
  household(@Root() p: Person, @Ctx() ctx: HouseholdsContext) {
    return ctx.loaders.household.load(p.householdId);
  }

  @FieldResolver(() => String, { description: 'Resident ID number; masked (530622********1234) unless your role or purpose needs it in full; full reads are audited · 身份证号（按需脱敏，完整读取留痕）' })
  idNumber(@Root() p: Person, @Ctx() ctx: HouseholdsContext): string {
    return reveal(ctx, SensitiveCategory.ID_NUMBER, { type: 'Person', id: p.id, areaCode: p.areaCode }, 'idNumber', p.idNumber)!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Mobile phone; masked (138****5678) unless your role or purpose needs it in full; full reads are audited · 手机号码（按需脱敏，完整读取留痕）' })
  phone(@Root() p: Person, @Ctx() ctx: HouseholdsContext): string | null {
    return reveal(ctx, SensitiveCategory.PHONE, { type: 'Person', id: p.id, areaCode: p.areaCode }, 'phone', p.phone);
  }

  @FieldResolver(() => Int, { description: 'Age in whole years today · 年龄（周岁）' })
  age(@Root() p: Person): number {
    return ageOn(p.birthDate, today());
  }

  @FieldResolver(() => [VulnerabilityFlag], { description: 'All vulnerability flags set for the person · 重点关爱标识' })
  vulnerabilities(@Root() p: Person): VulnerabilityFlag[] {
    const flags: [boolean, VulnerabilityFlag][] = [
      [p.leftBehindElderly, VulnerabilityFlag.LEFT_BEHIND_ELDERLY],
      [p.leftBehindChild, VulnerabilityFlag.LEFT_BEHIND_CHILD],
      [p.disabled, VulnerabilityFlag.DISABLED],
      [p.minimumLivingAllowance, VulnerabilityFlag.MINIMUM_LIVING_ALLOWANCE],
    ];
    return flags.filter(([set]) => set).map(([, flag]) => flag);
  }
}
