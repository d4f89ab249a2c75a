import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EmploymentContext } from '../employment.context';
import { JobTrainingCourse, JobTrainingEnrolment, JobTrainingSession } from '../entities/training.entity';
import { HouseholdStub } from '../entities/household.stub';
import { PersonStub } from '../entities/person.stub';

@Resolver(() => JobTrainingCourse)
export class CourseFieldsResolver {
  @FieldResolver(() => [JobTrainingSession], { description: 'Sessions you may see, earliest first · 培训班次' })
  sessions(@Root() c: JobTrainingCourse, @Ctx() ctx: EmploymentContext): Promise<JobTrainingSession[]> {
    return ctx.loaders.sessionsOfCourse.load(c.id);
  }
}

@Resolver(() => JobTrainingSession)
export class SessionFieldsResolver {
  @FieldResolver(() => JobTrainingCourse, { nullable: true, description: 'Course · 所属课程' })
  course(@Root() s: JobTrainingSession, @Ctx() ctx: EmploymentContext): Promise<JobTrainingCourse | null> {
    return ctx.loaders.course.load(s.courseId);
  }

  @FieldResolver(() => [JobTrainingEnrolment], { description: 'Enrolments of persons inside your jurisdiction · 班次学员' })
  enrolments(@Root() s: JobTrainingSession, @Ctx() ctx: EmploymentContext): Promise<JobTrainingEnrolment[]> {
    return ctx.loaders.enrolmentsOfSession.load(s.id);
  }
}

@Resolver(() => JobTrainingEnrolment)
export class EnrolmentFieldsResolver {
  @FieldResolver(() => JobTrainingSession, { nullable: true, description: 'Session · 培训班次' })
  session(@Root() e: JobTrainingEnrolment, @Ctx() ctx: EmploymentContext): Promise<JobTrainingSession | null> {
    return ctx.loaders.session.load(e.sessionId);
  }

  @FieldResolver(() => JobTrainingCourse, { nullable: true, description: 'Course · 培训课程' })
  course(@Root() e: JobTrainingEnrolment, @Ctx() ctx: EmploymentContext): Promise<JobTrainingCourse | null> {
    return ctx.loaders.course.load(e.courseId);
  }

  @FieldResolver(() => PersonStub, { description: 'Trainee · 学员' })
  person(@Root() e: JobTrainingEnrolment): PersonStub {
    return { id: e.personId };
  }

  @FieldResolver(() => HouseholdStub, { description: 'Household of the trainee · 所属移民户' })
  household(@Root() e: JobTrainingEnrolment): HouseholdStub {
    return { id: e.householdId };
  }
}
