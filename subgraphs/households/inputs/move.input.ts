import { Field, ID, InputType } from 'type-graphql';
import { MoveReason } from '../households.enums';

@InputType({ description: 'A household moving to another resident group · 移民户迁移（现居住地变更）' })
export class MoveHouseholdInput {
  @Field(() => ID, { description: 'Household · 移民户标识' })
  householdId: string;

  @Field({ description: 'Resident group it lives in from now on (15 digits) · 新现居住地居民小组代码' })
  areaCode: string;

  @Field(() => MoveReason, { description: 'Why it moves · 迁移原因' })
  reason: MoveReason;

  @Field({ description: 'Date of the move, YYYY-MM-DD, not in the future · 迁移日期' })
  movedOn: string;

  @Field(() => String, { nullable: true, description: 'Note, up to 200 characters · 说明' })
  note?: string | null;
}
