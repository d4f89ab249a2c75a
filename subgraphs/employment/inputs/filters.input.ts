import { Field, ID, InputType, Int } from 'type-graphql';
import { EmployerKind, EnrolmentStatus, LabourStatus, PlacementType, TrainingCourseKind } from '../employment.enums';

const AREA = 'Any area code: that area and everything below it · 区划代码（含下级）';

@InputType({ description: 'Which labour-status records to list · 劳动力状态筛选条件' })
export class LabourStatusFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => LabourStatus, { nullable: true, description: 'Labour status · 劳动力状态' })
  status?: LabourStatus | null;
}

@InputType({ description: 'Which employers to list · 用工主体筛选条件' })
export class EmployerFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => EmployerKind, { nullable: true, description: 'Kind of employer · 用工主体类型' })
  kind?: EmployerKind | null;

  @Field(() => String, { nullable: true, description: 'Beginning of the name · 名称（前缀匹配）' })
  search?: string | null;
}

@InputType({ description: 'Which placements to list · 就业安置筛选条件' })
export class PlacementFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => PlacementType, { nullable: true, description: 'How the person is employed · 就业方式' })
  type?: PlacementType | null;

  @Field(() => ID, { nullable: true, description: 'Employer · 用工主体' })
  employerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Person · 人员' })
  personId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only placements that last today (true) or that have ended (false) · 仅在岗（true）或已离岗（false）' })
  current?: boolean | null;
}

@InputType({ description: 'Which training courses to list · 培训课程筛选条件' })
export class TrainingCourseFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => TrainingCourseKind, { nullable: true, description: 'Kind of training · 培训类别' })
  kind?: TrainingCourseKind | null;
}

@InputType({ description: 'Which training enrolments to list · 培训学员筛选条件' })
export class TrainingEnrolmentFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => TrainingCourseKind, { nullable: true, description: 'Kind of training · 培训类别' })
  courseKind?: TrainingCourseKind | null;

  @Field(() => EnrolmentStatus, { nullable: true, description: 'Enrolment status · 学员状态' })
  status?: EnrolmentStatus | null;

  @Field(() => Int, { nullable: true, description: 'Year enrolled · 报名年度' })
  year?: number | null;
}

@InputType({ description: 'Which income surveys to list · 收入调查筛选条件' })
export class IncomeSurveyFilter {
  @Field(() => String, { nullable: true, description: AREA })
  areaCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year surveyed · 调查年度' })
  year?: number | null;

  @Field(() => ID, { nullable: true, description: 'Household · 移民户' })
  householdId?: string | null;
}
