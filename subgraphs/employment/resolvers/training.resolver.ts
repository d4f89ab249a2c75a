import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import type { EmploymentContext } from '../employment.context';
import { JobTrainingCourse, JobTrainingEnrolment, JobTrainingSession } from '../entities/training.entity';
import { TrainingCourseFilter, TrainingEnrolmentFilter } from '../inputs/filters.input';
import { listCourses, listEnrolments } from '../services/employment-query.service';
import { trainingStatistics, TrainingTotals } from '../services/training.service';
import { requireId } from '../../../platform/graphql/validation';

export const CourseConnection = ConnectionType(JobTrainingCourse, 'JobTrainingCourse', 'A page of training courses · 培训课程分页列表');
export const EnrolmentConnection = ConnectionType(JobTrainingEnrolment, 'JobTrainingEnrolment', 'A page of training enrolments · 培训学员分页列表');

@Resolver()
export class TrainingResolver {
  @Query(() => JobTrainingCourse, { nullable: true, description: 'One training course by id · 按标识查询培训课程' })
  trainingCourse(@Arg('id', () => ID, { description: 'Course id · 课程标识' }) id: string, @Ctx() ctx: EmploymentContext): Promise<JobTrainingCourse | null> {
    return ctx.loaders.course.load(requireId(id, 'id'));
  }

  @Query(() => JobTrainingSession, { nullable: true, description: 'One training session by id · 按标识查询培训班次' })
  trainingSession(@Arg('id', () => ID, { description: 'Session id · 班次标识' }) id: string, @Ctx() ctx: EmploymentContext): Promise<JobTrainingSession | null> {
    return ctx.loaders.session.load(requireId(id, 'id'));
  }

  @Query(() => CourseConnection, { description: 'Training courses in your jurisdiction and the areas above it · 培训课程列表' })
  trainingCourses(
    @Ctx() ctx: EmploymentContext,
    @Args() page: PageArgs,
    @Arg('filter', () => TrainingCourseFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: TrainingCourseFilter,
  ): Promise<Page<JobTrainingCourse>> {
    return listCourses(ctx, filter, page);
  }

  @Query(() => EnrolmentConnection, { description: 'Training enrolments of persons inside your jurisdiction · 培训学员列表' })
  trainingEnrolments(
    @Ctx() ctx: EmploymentContext,
    @Args() page: PageArgs,
    @Arg('filter', () => TrainingEnrolmentFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: TrainingEnrolmentFilter,
  ): Promise<Page<JobTrainingEnrolment>> {
    return listEnrolments(ctx, filter, page);
  }

  @Query(() => [TrainingTotals], { description: 'Training totals by kind of course, inside your jurisdiction · 分类培训统计' })
  trainingStatistics(
    @Ctx() ctx: EmploymentContext,
    @Arg('areaCode', () => String, { nullable: true, description: 'Any area code: that area and everything below it · 区划代码（含下级）' }) areaCode?: string,
    @Arg('fromYear', () => Int, { nullable: true, description: 'First year counted (enrolment date) · 起始年度' }) fromYear?: number,
    @Arg('toYear', () => Int, { nullable: true, description: 'Last year counted · 截止年度' }) toYear?: number,
  ): Promise<TrainingTotals[]> {
    return trainingStatistics(ctx, areaCode ?? undefined, fromYear ?? undefined, toYear ?? undefined);
  }
}
