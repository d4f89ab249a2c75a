import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PersonStatus, ProductionMode, Relation, RemovalReason, Sex } from '../households.enums';

/** `idNumber`, `birthDate` and `phone` are sensitive: they are exposed through field resolvers that mask them (`reveal`). */
@ObjectType({ description: 'Resettled person, a member of a household · 移民人口' })
@Directive('@key(fields: "id")')
@Entity({ name: 'person' })
export class Person {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Code of the resident group the person lives in (the household’s) · 现居住地区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'Code of the county responsible for the person · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field({ description: 'Name · 姓名' })
  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ name: 'id_number', type: 'varchar', length: 18, collation: 'C' })
  idNumber: string;

  @Field(() => Sex, { description: 'Sex (consistent with the ID number) · 性别' })
  @Column({ type: 'varchar', length: 8 })
  sex: Sex;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Field({ description: 'Ethnic group · 民族' })
  @Column({ type: 'varchar', length: 16 })
  ethnicity: string;

  @Field(() => Relation, { description: 'Relation to the head of household · 与户主关系' })
  @Column({ type: 'varchar', length: 16 })
  relation: Relation;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Field(() => ProductionMode, { description: 'Production resettlement mode · 生产安置方式' })
  @Column({ name: 'production_mode', type: 'varchar', length: 24 })
  productionMode: ProductionMode;

  @Field({ description: 'Left-behind elderly · 留守老人' })
  @Column({ name: 'left_behind_elderly', type: 'boolean', default: false })
  leftBehindElderly: boolean;

  @Field({ description: 'Left-behind child · 留守儿童' })
  @Column({ name: 'left_behind_child', type: 'boolean', default: false })
  leftBehindChild: boolean;

  @Field({ description: 'Disabled · 残疾人' })
  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Field({ description: 'Receives the minimum living allowance · 低保对象' })
  @Column({ name: 'minimum_living_allowance', type: 'boolean', default: false })
  minimumLivingAllowance: boolean;

  @Field(() => PersonStatus, { description: 'Active member, or removed from the household · 人员状态' })
  @Column({ type: 'varchar', length: 16, default: PersonStatus.ACTIVE })
  status: PersonStatus;

  @Field(() => RemovalReason, { nullable: true, description: 'Why the member was removed · 减员原因' })
  @Column({ name: 'removal_reason', type: 'varchar', length: 16, nullable: true })
  removalReason: RemovalReason | null;

  @Field(() => String, { nullable: true, description: 'Note on the removal · 减员说明' })
  @Column({ name: 'removal_note', type: 'varchar', length: 200, nullable: true })
  removalNote: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the member was removed · 减员日期' })
  @Column({ name: 'removed_on', type: 'date', nullable: true })
  removedOn: string | null;
}
