import { Field, ID, InputType } from 'type-graphql';
import { HousingMode, ProductionMode, Relation, RelocationMode, RemovalReason, Sex } from '../households.enums';

@InputType({ description: 'A member of a household being registered or added · 家庭成员' })
export class MemberInput {
  @Field({ description: 'Name · 姓名' })
  name: string;

  @Field({ description: 'Resident ID number, 18 characters (15 for old numbers) · 身份证号' })
  idNumber: string;

  @Field(() => Sex, { nullable: true, description: 'Sex; derived from the ID number when omitted, must agree with it when given · 性别' })
  sex?: Sex | null;

  @Field(() => String, { nullable: true, description: 'Birth date YYYY-MM-DD; derived from the ID number when omitted · 出生日期' })
  birthDate?: string | null;

  @Field({ description: 'Ethnic group, e.g. 汉族, 彝族 · 民族' })
  ethnicity: string;

  @Field(() => Relation, { description: 'Relation to the head of household · 与户主关系' })
  relation: Relation;

  @Field(() => String, { nullable: true, description: 'Mobile phone, 11 digits · 手机号码' })
  phone?: string | null;

  @Field(() => ProductionMode, { description: 'Production resettlement mode · 生产安置方式' })
  productionMode: ProductionMode;

  @Field({ defaultValue: false, description: 'Left-behind elderly · 留守老人' })
  leftBehindElderly: boolean;

  @Field({ defaultValue: false, description: 'Left-behind child · 留守儿童' })
  leftBehindChild: boolean;

  @Field({ defaultValue: false, description: 'Disabled · 残疾人' })
  disabled: boolean;

  @Field({ defaultValue: false, description: 'Minimum living allowance · 低保对象' })
  minimumLivingAllowance: boolean;
}

@InputType({ description: 'A household to register, with all its members · 移民户登记' })
export class RegisterHouseholdInput {
  @Field({ description: 'Registry number, unique in the prefecture · 登记编号' })
  registryNo: string;

  @Field(() => ID, { description: 'Power station · 电站' })
  stationId: string;

  @Field({ description: 'Village/community lived in before relocation · 原居住地区划代码' })
  originalAreaCode: string;

  @Field({ description: 'Resident group lived in now (15 digits) · 现居住地居民小组代码' })
  areaCode: string;

  @Field(() => RelocationMode, { description: 'Relocation resettlement mode · 搬迁安置方式' })
  relocationMode: RelocationMode;

  @Field(() => HousingMode, { description: 'Housing construction mode · 住房建设方式' })
  housingMode: HousingMode;

  @Field({ description: 'Date registered, YYYY-MM-DD · 登记日期' })
  registeredOn: string;

  @Field(() => String, { nullable: true, description: 'Date the move was completed, YYYY-MM-DD · 搬迁完成日期' })
  relocatedOn?: string | null;

  @Field(() => [MemberInput], { description: 'Members; exactly one is the head · 家庭成员（须有且仅有一名户主）' })
  members: MemberInput[];
}

@InputType({ description: 'Changes to a person; omitted fields stay as they are · 人员信息修改' })
export class UpdatePersonInput {
  @Field(() => ID, { description: 'Person to change · 人员标识' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Name · 姓名' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Resident ID number · 身份证号' })
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Ethnic group · 民族' })
  ethnicity?: string | null;

  @Field(() => Relation, { nullable: true, description: 'Relation to the head (not HEAD) · 与户主关系' })
  relation?: Relation | null;

  @Field(() => String, { nullable: true, description: 'Mobile phone, 11 digits; empty string clears it · 手机号码' })
  phone?: string | null;

  @Field(() => ProductionMode, { nullable: true, description: 'Production resettlement mode · 生产安置方式' })
  productionMode?: ProductionMode | null;

  @Field(() => Boolean, { nullable: true, description: 'Left-behind elderly · 留守老人' })
  leftBehindElderly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Left-behind child · 留守儿童' })
  leftBehindChild?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Disabled · 残疾人' })
  disabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Minimum living allowance · 低保对象' })
  minimumLivingAllowance?: boolean | null;
}

@InputType({ description: 'A member to add to an existing household · 增员' })
export class AddMemberInput {
  @Field(() => ID, { description: 'Household · 移民户标识' })
  householdId: string;

  @Field(() => MemberInput, { description: 'The new member (not the head) · 新成员' })
  member: MemberInput;
}

@InputType({ description: 'A member leaving a household · 减员' })
export class RemoveMemberInput {
  @Field(() => ID, { description: 'Person to remove · 人员标识' })
  personId: string;

  @Field(() => RemovalReason, { description: 'Reason · 减员原因' })
  reason: RemovalReason;

  @Field(() => String, { nullable: true, description: 'Note, up to 200 characters · 说明' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Date of removal, YYYY-MM-DD; today when omitted · 减员日期' })
  removedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'New head, required when the head is removed · 新户主（移除户主时必填）' })
  newHeadId?: string | null;
}
