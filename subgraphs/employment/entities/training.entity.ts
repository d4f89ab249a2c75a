import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EnrolmentStatus, TrainingCourseKind } from '../employment.enums';

@ObjectType({ description: 'Training course: practical technology, vocational skill or vocational education · 培训课程' })
@Directive('@key(fields: "id")')
@Entity({ name: 'training_course' })
export class JobTrainingCourse {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Name · 课程名称' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => TrainingCourseKind, { description: 'Kind of training · 培训类别' })
  @Column({ type: 'varchar', length: 24 })
  kind: TrainingCourseKind;

  @Field({ description: 'Training provider · 培训机构' })
  @Column({ type: 'varchar', length: 64 })
  provider: string;

  @Field(() => Int, { description: 'Class hours · 课时' })
  @Column({ type: 'integer' })
  hours: number;

  @Field({ description: 'Area organising the course (county, township or community code) · 组织区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County organising the course · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}

@ObjectType({ description: 'One session (class) of a training course · 培训班次' })
@Directive('@key(fields: "id")')
@Entity({ name: 'training_session' })
export class JobTrainingSession {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** Assigned by the database (a sequence) when the session is created. */
  @Field({ description: 'Session code, unique in the prefecture; the training sheet names the session by it · 班次编号' })
  @Column({ type: 'varchar', length: 16, collation: 'C', insert: false, update: false })
  code: string;

  @Field({ description: 'Area the session is held for · 举办区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County of the session · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => LocalDateResolver, { description: 'First day · 开班日期' })
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Field(() => LocalDateResolver, { description: 'Last day · 结业日期' })
  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Field({ description: 'Venue · 培训地点' })
  @Column({ type: 'varchar', length: 64 })
  venue: string;

  @Field(() => Int, { description: 'Places · 计划人数' })
  @Column({ type: 'integer' })
  capacity: number;
}

@ObjectType({ description: 'A person’s enrolment in a training session, with completion and certificate · 培训学员记录' })
@Directive('@key(fields: "id")')
@Entity({ name: 'training_enrolment' })
export class JobTrainingEnrolment {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field(() => TrainingCourseKind, { description: 'Kind of training (the course’s) · 培训类别' })
  @Column({ name: 'course_kind', type: 'varchar', length: 24 })
  courseKind: TrainingCourseKind;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group of the trainee · 学员现居住地区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County responsible for the trainee · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => EnrolmentStatus, { description: 'Enrolled, completed or dropped out · 学员状态' })
  @Column({ type: 'varchar', length: 16 })
  status: EnrolmentStatus;

  @Field(() => LocalDateResolver, { description: 'Date enrolled · 报名日期' })
  @Column({ name: 'enrolled_on', type: 'date' })
  enrolledOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date completed · 结业日期' })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Certificate number, if one was issued · 证书编号' })
  @Column({ name: 'certificate_no', type: 'varchar', length: 32, nullable: true })
  certificateNo: string | null;
}
