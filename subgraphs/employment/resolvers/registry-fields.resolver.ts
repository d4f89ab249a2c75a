import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { today } from '../../../platform/graphql/validation';
import type { EmploymentContext } from '../employment.context';
import { HouseholdIncomeSurvey } from '../entities/income-survey.entity';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { EmploymentPlacement } from '../entities/placement.entity';
import { AdminArea, Household, Person } from '../entities/registry.stubs';
import { JobTrainingEnrolment } from '../entities/training.entity';
import { requireYear } from '../services/list.service';
import { EmploymentIndicators } from '../services/indicators.service';

/** Fields this subgraph contributes to the households subgraph's Person. */
@Resolver(() => Person)
export class PersonEmploymentResolver {
  @FieldResolver(() => LabourStatusRecord, { nullable: true, description: 'Labour status, as last checked · 劳动力状态' })
  labourStatus(@Root() p: Person, @Ctx() ctx: EmploymentContext): Promise<LabourStatusRecord | null> {
    return ctx.loaders.labourStatusOfPerson.load(p.id);
  }

  @FieldResolver(() => [EmploymentPlacement], { description: 'Placements, latest first; `current` keeps those lasting today (true) or ended (false) · 就业经历' })
  async placements(
    @Root() p: Person,
    @Ctx() ctx: EmploymentContext,
    @Arg('current', () => Boolean, { nullable: true, description: 'Only current (true) or past (false) placements · 仅在岗或仅已离岗' }) current?: boolean | null,
  ): Promise<EmploymentPlacement[]> {
    const all = await ctx.loaders.placementsOfPerson.load(p.id);
    if (current === undefined || current === null) return all;
    const now = today();
    return all.filter((x) => (x.startDate <= now && (!x.endDate || x.endDate >= now)) === current);
  }

  @FieldResolver(() => EmploymentPlacement, { nullable: true, description: 'The current full-time placement, if any · 当前全职就业' })
  async currentPlacement(@Root() p: Person, @Ctx() ctx: EmploymentContext): Promise<EmploymentPlacement | null> {
    const now = today();
    const all = await ctx.loaders.placementsOfPerson.load(p.id);
    return all.find((x) => x.fullTime && x.startDate <= now && (!x.endDate || x.endDate >= now)) ?? null;
  }

  @FieldResolver(() => [JobTrainingEnrolment], { description: 'Training enrolments, latest first · 参加培训记录' })
  trainings(@Root() p: Person, @Ctx() ctx: EmploymentContext): Promise<JobTrainingEnrolment[]> {
    return ctx.loaders.enrolmentsOfPerson.load(p.id);
  }
}

/** Fields this subgraph contributes to the households subgraph's Household. */
@Resolver(() => Household)
export class HouseholdEmploymentResolver {
  @FieldResolver(() => [HouseholdIncomeSurvey], { description: 'Income surveys by year, latest first · 历年收入调查' })
  async incomes(
    @Root() h: Household,
    @Ctx() ctx: EmploymentContext,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year · 仅此年度' }) year?: number | null,
  ): Promise<HouseholdIncomeSurvey[]> {
    const all = await ctx.loaders.incomesOfHousehold.load(h.id);
    return year === undefined || year === null ? all : all.filter((s) => s.year === requireYear(year, 'year'));
  }
}

/** Fields this subgraph contributes to the households subgraph's AdminArea. */
@Resolver(() => AdminArea)
export class AreaEmploymentResolver {
  @FieldResolver(() => EmploymentIndicators, { nullable: true, description: 'Employment and income indicators of this area and everything below it, inside your jurisdiction · 就业与收入指标' })
  employmentIndicators(
    @Root() a: AdminArea,
    @Ctx() ctx: EmploymentContext,
    @Arg('year', () => Int, { description: 'Year, e.g. 2023 · 年度' }) year: number,
  ): Promise<EmploymentIndicators> {
    return ctx.loaders.indicators.load(ctx.loaders.indicatorKey(a.code, requireYear(year, 'year')));
  }
}
