import { SafeInt } from '../entities/money';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SupportScheme, VerificationResult } from '../support.enums';

@InputType({ description: 'Which county’s verification to open, for which year · 发起年度人口核定' })
export class OpenVerificationInput {
  @Field({ description: 'County code, 6 digits · 县（区、市）代码' })
  countyCode: string;

  @Field(() => Int, { description: 'Year · 年度' })
  year: number;
}

@InputType({ description: 'A person’s verification result · 人口核定结果' })
export class RecordVerificationInput {
  @Field(() => ID, { description: 'Person · 人员' })
  personId: string;

  @Field(() => Int, { description: 'Year verified · 核定年度' })
  year: number;

  @Field(() => VerificationResult, { description: 'Result · 核定结果' })
  result: VerificationResult;

  @Field({ description: 'Date verified, YYYY-MM-DD, in the year · 核定日期' })
  verifiedOn: string;

  @Field(() => String, { nullable: true, description: 'Note, at most 200 characters · 备注' })
  note?: string | null;
}

@InputType({ description: 'Which payment cycle to generate · 生成发放批次' })
export class GenerateCycleInput {
  @Field(() => SupportScheme, { description: 'Scheme · 项目' })
  scheme: SupportScheme;

  @Field({ description: 'County code · 县（区、市）代码' })
  countyCode: string;

  @Field(() => Int, { description: 'Year paid for · 年度' })
  year: number;

  @Field(() => Int, { nullable: true, description: 'Instalment, from 1 (default 1) · 期次' })
  period?: number | null;
}

@InputType({ description: 'A payment standard · 发放标准' })
export class PaymentStandardInput {
  @Field(() => SupportScheme, { description: 'Scheme · 项目' })
  scheme: SupportScheme;

  @Field({ description: 'County code · 县（区、市）代码' })
  countyCode: string;

  @Field(() => String, { nullable: true, description: 'Power station, when the standard differs by station · 电站' })
  stationId?: string | null;

  @Field(() => Int, { description: 'Year · 年度' })
  year: number;

  @Field(() => SafeInt, { description: 'Amount a person a year, in fen · 每人每年金额（分）' })
  amountFen: number;
}

@InputType({ description: 'A person’s subsidy card as the county office records it · 登记惠民惠农一卡通' })
export class RecordSubsidyCardInput {
  @Field(() => ID, { description: 'Person · 人员' })
  personId: string;

  @Field({ description: 'The holder’s 18-character resident ID number: must agree with what support holds of the person · 持卡人身份证号（18 位）' })
  idNumber: string;

  @Field({ description: 'Card number, 16–19 digits · 卡号（16 至 19 位数字）' })
  cardNo: string;

  @Field(() => String, { nullable: true, description: 'Bank, at most 32 characters; required for a first card, kept when omitted · 开户银行' })
  bank?: string | null;

  @Field(() => String, { nullable: true, description: 'Date opened, YYYY-MM-DD, not in the future (default today) · 开卡日期' })
  openedOn?: string | null;
}
