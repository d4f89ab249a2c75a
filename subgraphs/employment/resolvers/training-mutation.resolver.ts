import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITER_ROLES } from '../../../platform/security/identity';
import type { EmploymentContext } from '../employment.context';
import { JobTrainingCourse, JobTrainingEnrolment } from '../entities/training.entity';
import { CreateTrainingCourseInput, EnrolTraineeInput, RecordTrainingCompletionInput } from '../inputs/records.input';
import { createTrainingCourse, enrolTrainee, recordTrainingCompletion } from '../services/training.service';

@Resolver()
export class TrainingMutationResolver {
  @Authorized(...WRITER_ROLES)
  @Mutation(() => JobTrainingCourse, { description: 'Create a training course with its sessions · 新建培训课程' })
  createTrainingCourse(@Arg('input', { description: 'The course · 课程' }) input: CreateTrainingCourseInput, @Ctx() ctx: EmploymentContext): Promise<JobTrainingCourse> {
    return createTrainingCourse(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => JobTrainingEnrolment, { description: 'Enrol a person in a training session · 学员报名' })
  enrolTrainee(@Arg('input', { description: 'The enrolment · 报名信息' }) input: EnrolTraineeInput, @Ctx() ctx: EmploymentContext): Promise<JobTrainingEnrolment> {
    return enrolTrainee(ctx, input);
  }

  @Authorized(...WRITER_ROLES)
  @Mutation(() => JobTrainingEnrolment, { description: 'Record completion (and certificate) or dropping out · 登记结业或退出' })
  recordTrainingCompletion(@Arg('input', { description: 'The completion · 结业信息' }) input: RecordTrainingCompletionInput, @Ctx() ctx: EmploymentContext): Promise<JobTrainingEnrolment> {
    return recordTrainingCompletion(ctx, input);
  }
}
