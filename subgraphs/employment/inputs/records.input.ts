import { Field, ID, InputType, Int } from 'type-graphql';
import { EmployerKind, LabourStatus, PlacementType, SelfEmploymentKind, TrainingCourseKind } from '../employment.enums';

@InputType({ description: 'The result of a labour-status check of one person · 劳动力状态核查' })
export class RecordLabourStatusInput {
  @Field(() => ID, { description: 'Person checked (registry id); household, area and birth date come from the registry · 人员标识（所属户、居住地、出生日期以移民登记为准）' })
  personId: string;

  @Field(() => LabourStatus, { description: 'Labour status found · 劳动力状态' })
  status: LabourStatus;

  @Field({ description: 'Date of the check, YYYY-MM-DD · 核查日期' })
  verifiedOn: string;

  @Field(() => String, { nullable: true, description: 'Note, at most 200 characters · 备注' })
  note?: string | null;
}

@InputType({ description: 'A new employer · 新增用工主体' })
export class CreateEmployerInput {
  @Field({ description: 'Name · 名称' })
  name: string;

  @Field(() => EmployerKind, { description: 'Kind of employer · 用工主体类型' })
  kind: EmployerKind;

  @Field({ description: 'Sector · 行业' })
  sector: string;

  @Field({ description: 'Area code (county, township or community) · 所在区划代码' })
  areaCode: string;

  @Field(() => String, { nullable: true, description: 'Contact person · 联系人' })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact telephone (7–12 digits, may start with an area code and hyphen) · 联系电话' })
  contactPhone?: string | null;
}

@InputType({ description: 'A placement starting · 上岗登记' })
export class StartPlacementInput {
  @Field(() => ID, { description: 'Person placed (must have a labour-status record) · 人员标识' })
  personId: string;

  @Field(() => PlacementType, { description: 'How the person is employed · 就业方式' })
  type: PlacementType;

  @Field(() => ID, { nullable: true, description: 'Employer; required for workshops, local enterprises and public-welfare posts · 用工主体' })
  employerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Destination province of labour export, e.g. 浙江 · 劳务输出目的地（省）' })
  destinationProvince?: string | null;

  @Field(() => SelfEmploymentKind, { nullable: true, description: 'Kind of self-employment; required for SELF_EMPLOYED · 自主创业类型' })
  selfEmploymentKind?: SelfEmploymentKind | null;

  @Field({ defaultValue: true, description: 'Full-time · 是否全职' })
  fullTime: boolean;

  @Field({ description: 'First day, YYYY-MM-DD · 开始日期' })
  startDate: string;

  @Field(() => Int, { nullable: true, description: 'Monthly wage or income, yuan (0–100,000) · 月工资（元）' })
  monthlyWage?: number | null;
}

@InputType({ description: 'A placement ending · 离岗登记' })
export class EndPlacementInput {
  @Field(() => ID, { description: 'Placement · 就业安置记录标识' })
  placementId: string;

  @Field({ description: 'Last day, YYYY-MM-DD, not before the first · 结束日期' })
  endDate: string;

  @Field(() => String, { nullable: true, description: 'Why it ended, at most 200 characters · 离岗原因' })
  reason?: string | null;
}

@InputType({ description: 'A session of a new course · 培训班次' })
export class TrainingSessionInput {
  @Field({ description: 'First day, YYYY-MM-DD · 开班日期' })
  startsOn: string;

  @Field({ description: 'Last day, YYYY-MM-DD · 结业日期' })
  endsOn: string;

  @Field({ description: 'Venue · 培训地点' })
  venue: string;

  @Field(() => Int, { description: 'Places, 1–500 · 计划人数' })
  capacity: number;

  @Field(() => String, { nullable: true, description: 'Area the session is held for; the course’s by default · 举办区划代码（默认同课程）' })
  areaCode?: string | null;
}

@InputType({ description: 'A new training course with its sessions · 新建培训课程' })
export class CreateTrainingCourseInput {
  @Field({ description: 'Name · 课程名称' })
  name: string;

  @Field(() => TrainingCourseKind, { description: 'Kind of training · 培训类别' })
  kind: TrainingCourseKind;

  @Field({ description: 'Training provider · 培训机构' })
  provider: string;

  @Field(() => Int, { description: 'Class hours, 1–5,000 · 课时' })
  hours: number;

  @Field({ description: 'Area organising the course (county, township or community code) · 组织区划代码' })
  areaCode: string;

  @Field(() => [TrainingSessionInput], { defaultValue: [], description: 'Sessions · 培训班次' })
  sessions: TrainingSessionInput[];
}

@InputType({ description: 'A person enrolling in a session · 学员报名' })
export class EnrolTraineeInput {
  @Field(() => ID, { description: 'Session · 培训班次标识' })
  sessionId: string;

  @Field(() => ID, { description: 'Person (must have a labour-status record) · 人员标识' })
  personId: string;

  @Field({ description: 'Date enrolled, YYYY-MM-DD · 报名日期' })
  enrolledOn: string;
}

@InputType({ description: 'Completion (or dropping out) of an enrolment · 结业登记' })
export class RecordTrainingCompletionInput {
  @Field(() => ID, { description: 'Enrolment · 学员记录标识' })
  enrolmentId: string;

  @Field({ defaultValue: true, description: 'Completed (true) or dropped out (false) · 是否结业' })
  completed: boolean;

  @Field({ description: 'Date, YYYY-MM-DD, not before the session starts · 日期' })
  on: string;

  @Field(() => String, { nullable: true, description: 'Certificate number, if one was issued · 证书编号' })
  certificateNo?: string | null;
}

@InputType({ description: 'A household’s income survey for one year · 移民户年度收入调查' })
export class RecordIncomeSurveyInput {
  @Field(() => ID, { description: 'Household (registry id); its area comes from the registry · 移民户标识（居住地以移民登记为准）' })
  householdId: string;

  @Field(() => Int, { description: 'Year surveyed · 调查年度' })
  year: number;

  @Field(() => Int, { description: 'Household members counted, 1–30 · 家庭常住人口' })
  householdSize: number;

  @Field(() => Int, { description: 'Household net income for the year, yuan · 家庭全年纯收入（元）' })
  netIncome: number;

  @Field({ description: 'Date surveyed, YYYY-MM-DD, after the year began · 调查日期' })
  surveyedOn: string;
}
