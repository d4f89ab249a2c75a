import { registerEnum } from '../../platform/graphql/enums';

/** The two schemes that pay resettlers every year. */
export enum SupportScheme {
  POST_RELOCATION_SUPPORT = 'POST_RELOCATION_SUPPORT',
  ANNUAL_COMPENSATION = 'ANNUAL_COMPENSATION',
}

/** 现状人口 (moved by 30 June 2006) or 原迁人口 (moved later). */
export enum SupportCategory {
  EXISTING = 'EXISTING',
  ORIGINAL = 'ORIGINAL',
}

export enum EntitlementStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  ENDED = 'ENDED',
}

/** Why an entitlement is suspended or ended (or active again). */
export enum EntitlementReason {
  DECEASED = 'DECEASED',
  STATE_EMPLOYED = 'STATE_EMPLOYED',
  IMPRISONED = 'IMPRISONED',
  MOVED_OUT = 'MOVED_OUT',
  NOT_FOUND = 'NOT_FOUND',
  REMOVED_FROM_REGISTRY = 'REMOVED_FROM_REGISTRY',
  PERIOD_ELAPSED = 'PERIOD_ELAPSED',
  VERIFIED_PRESENT = 'VERIFIED_PRESENT',
}

/** A person's result in the yearly verification (人口核定). */
export enum VerificationResult {
  PRESENT = 'PRESENT',
  DECEASED = 'DECEASED',
  STATE_EMPLOYED = 'STATE_EMPLOYED',
  IMPRISONED = 'IMPRISONED',
  MOVED_OUT = 'MOVED_OUT',
  NOT_FOUND = 'NOT_FOUND',
}

/** Results that remove the person (payment stops from the next cycle, reported quarterly). */
export const REMOVALS: readonly VerificationResult[] = [VerificationResult.DECEASED, VerificationResult.STATE_EMPLOYED, VerificationResult.IMPRISONED];
/** Results that suspend the person until a later verification finds them. */
export const SUSPENSIONS: readonly VerificationResult[] = [VerificationResult.MOVED_OUT, VerificationResult.NOT_FOUND];

export enum VerificationStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum CycleState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  EXPORTED = 'EXPORTED',
  RECONCILED = 'RECONCILED',
}

export enum CycleKind {
  REGULAR = 'REGULAR',
  REPAYMENT = 'REPAYMENT',
}

export enum LedgerKind {
  PAYMENT = 'PAYMENT',
  FAILURE = 'FAILURE',
  REVERSAL = 'REVERSAL',
}

/** Where a line stands with the bank. */
export enum LineStatus {
  PENDING = 'PENDING',
  PAID = 'PAID',
  FAILED = 'FAILED',
  REVERSED = 'REVERSED',
}

export enum ProjectKind {
  COLLECTIVE_ASSET = 'COLLECTIVE_ASSET',
  BEAUTIFUL_HOME = 'BEAUTIFUL_HOME',
  HAZARD_RELIEF = 'HAZARD_RELIEF',
}

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  COMPLETED = 'COMPLETED',
  OPERATING = 'OPERATING',
}

registerEnum(SupportScheme, 'SupportScheme', 'Scheme that pays resettlers every year · 扶持补偿项目', {
  POST_RELOCATION_SUPPORT: 'Post-relocation support, 600 yuan a person a year for 20 years (国发〔2006〕17号) · 后期扶持直补',
  ANNUAL_COMPENSATION: 'Annual compensation instead of new land, by the county’s standard · 逐年补偿',
});
registerEnum(SupportCategory, 'SupportCategory', 'Post-relocation support category · 后期扶持人口类别', {
  EXISTING: 'Moved by 30 June 2006, supported from 1 July 2006 · 现状人口',
  ORIGINAL: 'Moved later, supported for 20 years from the move · 原迁人口',
});
registerEnum(EntitlementStatus, 'EntitlementStatus', 'Where an entitlement stands · 扶持资格状态', {
  ACTIVE: 'Active: paid in the next cycle · 正常',
  SUSPENDED: 'Suspended until a verification finds the person · 暂停',
  ENDED: 'Ended: paid no more, nothing back-paid · 终止',
});
registerEnum(EntitlementReason, 'EntitlementReason', 'Why an entitlement changed · 资格变动原因', {
  DECEASED: 'Deceased · 死亡',
  STATE_EMPLOYED: 'Entered state-funded employment · 财政供养',
  IMPRISONED: 'Imprisoned · 服刑',
  MOVED_OUT: 'Moved out · 迁出',
  NOT_FOUND: 'Not found at the verification · 核查未见',
  REMOVED_FROM_REGISTRY: 'Removed from the household registry · 户籍减员',
  PERIOD_ELAPSED: 'The 20-year support period has elapsed · 扶持期满',
  VERIFIED_PRESENT: 'Found present again at a verification · 核定在册',
});
registerEnum(VerificationResult, 'VerificationResult', 'A person’s result in the yearly verification · 人口核定结果', {
  PRESENT: 'Present · 在册',
  DECEASED: 'Deceased · 死亡',
  STATE_EMPLOYED: 'Entered state-funded employment · 财政供养',
  IMPRISONED: 'Imprisoned · 服刑',
  MOVED_OUT: 'Moved out · 迁出',
  NOT_FOUND: 'Not found · 查无此人',
});
registerEnum(VerificationStatus, 'VerificationStatus', 'Where a county’s yearly verification is · 核定状态', {
  OPEN: 'Open: results being recorded · 核定中',
  CLOSED: 'Closed by the county office · 已完成',
});
registerEnum(CycleState, 'PaymentCycleState', 'Where a payment cycle is · 发放批次状态', {
  DRAFT: 'Generated, being prepared · 编制中',
  SUBMITTED: 'Submitted for approval · 已提交审批',
  APPROVED: 'Approved by another officer; nothing in it changes any more · 已审批',
  EXPORTED: 'Bank payment file issued · 已生成银行代发文件',
  RECONCILED: 'Reconciled against the bank’s return file · 已对账',
});
registerEnum(CycleKind, 'PaymentCycleKind', 'Regular cycle or re-payment of failed lines · 批次类型', {
  REGULAR: 'Regular cycle · 正常发放',
  REPAYMENT: 'Re-payment of a cycle’s failed lines · 补发',
});
registerEnum(LedgerKind, 'LedgerEntryKind', 'Kind of ledger entry · 台账记录类型', {
  PAYMENT: 'Payment ordered (positive) · 发放',
  FAILURE: 'Failed at the bank (negative) · 发放失败',
  REVERSAL: 'Correction of a payment (negative) · 冲正',
});
registerEnum(LineStatus, 'PaymentLineStatus', 'Where a payment line stands with the bank · 发放明细状态', {
  PENDING: 'Not yet returned by the bank · 待银行回盘',
  PAID: 'Paid · 已到账',
  FAILED: 'Failed at the bank · 发放失败',
  REVERSED: 'Reversed by a correction · 已冲正',
});
registerEnum(ProjectKind, 'SupportProjectKind', 'Kind of post-relocation support project · 后期扶持项目类型', {
  COLLECTIVE_ASSET: 'Collective operating asset paying dividends · 集体经营性资产项目',
  BEAUTIFUL_HOME: 'Beautiful home · new resettlement village · 美丽家园建设项目',
  HAZARD_RELIEF: 'Hazard-relief pilot · 避险解困试点',
});
registerEnum(ProjectStatus, 'SupportProjectStatus', 'Where a project is · 项目状态', {
  PLANNED: 'Planned · 计划',
  UNDER_CONSTRUCTION: 'Under construction · 在建',
  COMPLETED: 'Completed · 已完工',
  OPERATING: 'Operating · 运营中',
});
