import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { today } from '../../../platform/graphql/validation';
import type { EmploymentContext } from '../employment.context';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { EmploymentPlacement } from '../entities/placement.entity';
import { PersonStub } from '../entities/person.stub';
import { JobTrainingEnrolment } from '../entities/training.entity';

/** Fields this subgraph contributes to the households subgraph's Person. */
@Resolver(() => PersonStub)
export class PersonFieldsResolver {
  @FieldResolver(() => LabourStatusRecord, { nullable: true, description: 'Labour status, as last checked · 劳动力状态' })
  labourStatus(@Root() p: PersonStub, @Ctx() ctx: EmploymentContext): Promise<LabourStatusRecord | null> {
    return ctx.loaders.labourStatusOfPerson.load(p.id);
  }

  @FieldResolver(() => [EmploymentPlacement], { description: 'Placements, latest first; `current` keeps those lasting today (true) or ended (false) · 就业经历' })
  async placements(
    @Root() p: PersonStub,
    @Ctx() ctx: EmploymentContext,
    @Arg('current', () => Boolean, { nullable: true, description: 'Only current (true) or past (false) placements · 仅在岗或仅已离岗' }) current?: boolean | null,
  ): Promise<EmploymentPlacement[]> {
    const all = await ctx.loaders.placementsOfPerson.load(p.id);
    if (current === undefined || current === null) return all;
    const now = today();
    return all.filter((x) => (x.startDate <= now && (!x.endDate || x.endDate >= now)) === current);
  }

  @FieldResolver(() => EmploymentPlacement, { nullable: true, description: 'The current full-time placement, if any · 当前全职就业' })
  async currentPlacement(@Root() p: PersonStub, @Ctx() ctx: EmploymentContext): Promise<EmploymentPlacement | null> {
    const now = today();
    const all = await ctx.loaders.placementsOfPerson.load(p.id);
    return all.find((x) => x.fullTime && x.startDate <= now && (!x.endDate || x.endDate >= now)) ?? null;
  }

  @FieldResolver(() => [JobTrainingEnrolment], { description: 'Training enrolments, latest first · 参加培训记录' })
  trainings(@Root() p: PersonStub, @Ctx() ctx: EmploymentContext): Promise<JobTrainingEnrolment[]> {
    return ctx.loaders.enrolmentsOfPerson.load(p.id);
  }
}
