import { VerificationResult } from '../support.enums';
import type { SheetColumn } from '../../../platform/imports/sheet-format';

/** Chinese labels of the support sheets' choices (the enums' Chinese names). */
export const LABELS = {
  result: {
    [VerificationResult.PRESENT]: '在册', [VerificationResult.DECEASED]: '死亡', [VerificationResult.STATE_EMPLOYED]: '财政供养',
    [VerificationResult.IMPRISONED]: '服刑', [VerificationResult.MOVED_OUT]: '迁出', [VerificationResult.NOT_FOUND]: '查无此人',
  },
  scheme: { POST_RELOCATION_SUPPORT: '后期扶持直补', ANNUAL_COMPENSATION: '逐年补偿' },
  bankResult: { PAID: '成功', FAILED: '失败' },
  reason: {
    DECEASED: '死亡', STATE_EMPLOYED: '财政供养', IMPRISONED: '服刑', REMOVED_FROM_REGISTRY: '户籍减员',
    MOVED_OUT: '迁出', NOT_FOUND: '核查未见', PERIOD_ELAPSED: '扶持期满', VERIFIED_PRESENT: '核定在册',
  },
} as const;

/** The cycle a bank file belongs to (its code, as the bank payment file prints it). */
export const CYCLE_CODE = {
  key: 'cycleCode', header: '批次号', aliases: ['发放批次'], kind: 'code', required: true,
  note: '发放批次编号，如 HQFC-530622-2024-1 · The payment cycle’s code',
} as const satisfies SheetColumn;

/** A payment line's id: how the bank's return names the line it answers. */
export const LINE_ID = {
  key: 'lineId', header: '明细编号', aliases: ['流水号'], kind: 'code', required: true,
  note: '发放明细在平台中的标识（银行代发文件“明细编号”列），原样回传 · The payment line’s id, returned as the bank payment file printed it',
} as const satisfies SheetColumn;

export const AMOUNT_YUAN = {
  key: 'amountYuan', header: '金额（元）', aliases: ['金额', '发放金额'], kind: 'code', required: true,
  note: '元，至多两位小数，如 600.00 · Amount in yuan, at most two decimals',
} as const satisfies SheetColumn;

/** `600`, `600.5`, `600.00` → fen; null for anything else (never through floating point). */
export function fenOf(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，]/g, '').trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
