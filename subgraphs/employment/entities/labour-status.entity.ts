import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LabourStatus } from '../employment.enums';

/**
 * A person's current labour status, as last checked. The person's household, area and birth
 * date are copied from the registry when the person is first checked: the area scopes every
 * read, the birth date decides who is of working age in a given year (never exposed here).
 */
@ObjectType({ description: 'Labour status of a person, as last checked · 劳动力状态核查记录' })
@Directive('@key(fields: "id")')
@Entity({ name: 'labour_status' })
export class LabourStatusRecord {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'person_id', type: 'uuid', unique: true })
  personId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Field({ description: 'Resident group of the person · 现居住地（居民小组）区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County responsible for the person · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Field(() => LabourStatus, { description: 'Labour status · 劳动力状态' })
  @Column({ type: 'varchar', length: 24 })
  status: LabourStatus;

  @Field(() => LocalDateResolver, { description: 'Date the status was last verified · 最近核查日期' })
  @Column({ name: 'verified_on', type: 'date' })
  verifiedOn: string;

  @Field(() => String, { nullable: true, description: 'Note from the check · 核查备注' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
