import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { LocalDateResolver } from 'graphql-scalars';
import { reveal, revealBirthDate, seesInFullHere } from '../../../platform/security/sensitive';
import { today } from '../../../platform/graphql/validation';
import { Household } from '../entities/household.entity';
import { Person } from '../entities/person.entity';
import { VulnerabilityFlag } from '../households.enums';
import type { HouseholdsContext } from '../households.context';
import { ageOn } from '../../../platform/domain/age';

@Resolver(() => Person)
export class PersonFieldsResolver {
  @FieldResolver(() => Household, { description: 'Household the person belongs to · 所属移民户' })
  household(@Root() p: Person, @Ctx() ctx: HouseholdsContext) {
    return ctx.loaders.household.load(p.householdId);
  }

  @FieldResolver(() => String, { description: 'Resident ID number; masked to the area code (530622************) unless your role or purpose needs it in full; full reads are audited · 身份证号（按需脱敏，完整读取留痕）' })
  idNumber(@Root() p: Person, @Ctx() ctx: HouseholdsContext): string {
    return reveal(ctx, SensitiveCategory.ID_NUMBER, { type: 'Person', id: p.id, areaCode: p.areaCode }, 'idNumber', p.idNumber)!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Mobile phone; masked (138****5678) unless your role or purpose needs it in full; full reads are audited · 手机号码（按需脱敏，完整读取留痕）' })
  phone(@Root() p: Person, @Ctx() ctx: HouseholdsContext): string | null {
    return reveal(ctx, SensitiveCategory.PHONE, { type: 'Person', id: p.id, areaCode: p.areaCode }, 'phone', p.phone);
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'Birth date (consistent with the ID number); empty unless your role or purpose sees ID numbers in full (it is eight of their digits): use birthYear; full reads are audited · 出生日期（身份证号的一部分，按需提供，读取留痕）' })
  birthDate(@Root() p: Person, @Ctx() ctx: HouseholdsContext): string | null {
    return revealBirthDate(ctx, { type: 'Person', id: p.id, areaCode: p.areaCode }, p.birthDate);
  }

  @FieldResolver(() => Int, { description: 'Year of birth · 出生年份' })
  birthYear(@Root() p: Person): number {
    return Number(p.birthDate.slice(0, 4));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Age in whole years today; empty when the birth date is (with the year, the day it changes would give the birth date away) · 年龄（周岁；出生日期不提供时为空）' })
  age(@Root() p: Person, @Ctx() ctx: HouseholdsContext): number | null {
    return seesInFullHere(ctx, 'BIRTH_DATE', p.areaCode) ? ageOn(p.birthDate, today()) : null;
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
