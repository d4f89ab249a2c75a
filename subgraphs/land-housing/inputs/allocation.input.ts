import { Field, Float, ID, InputType } from 'type-graphql';
import { OccupancyStatus } from '../land-housing.enums';

@InputType({ description: 'A flat to allocate to a household · 安置房分配' })
export class AllocateFlatInput {
  @Field(() => ID, { description: 'Flat · 安置房' })
  flatId: string;

  @Field(() => ID, { description: 'Household · 移民户' })
  householdId: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Original floor area swapped for the flat, m²: unified sites only; required for basic housing, refused for guaranteed housing · 置换的原房屋面积（平方米）',
  })
  swappedArea?: number | null;

  @Field({ description: 'Date allocated, YYYY-MM-DD · 分配日期' })
  allocatedOn: string;
}

@InputType({ description: 'Keys handed over to the household · 交房' })
export class HandOverFlatInput {
  @Field(() => ID, { description: 'Allocation · 分配记录' })
  allocationId: string;

  @Field({ description: 'Date handed over, YYYY-MM-DD · 交房日期' })
  handedOverOn: string;

  @Field(() => OccupancyStatus, { defaultValue: OccupancyStatus.VACANT, description: 'How the flat is used from that day · 交房后入住状态' })
  status: OccupancyStatus;
}

@InputType({ description: 'A change in how a handed-over flat is used · 入住状态变更' })
export class ChangeOccupancyInput {
  @Field(() => ID, { description: 'Allocation · 分配记录' })
  allocationId: string;

  @Field(() => OccupancyStatus, { description: 'New status · 新状态' })
  status: OccupancyStatus;

  @Field(() => String, { nullable: true, description: 'Since when, YYYY-MM-DD; today when omitted · 变更日期' })
  since?: string | null;
}
