import { sheetFormat } from '../../../platform/imports/sheet-format';
import { AMOUNT_YUAN, CYCLE_CODE, LINE_ID } from './sheet-columns';

/**
 * The bank payment file of an approved cycle (银行代发文件): one line per payment line, with the
 * name, ID number, card number and amount the bank pays on. Export only; ID and card numbers in
 * full for the offices (audited), masked for everyone else by the disclosure policy.
 */
export const BANK_PAYMENTS_SHEET = sheetFormat({
  name: 'bank-payments',
  title: '银行代发文件',
  columns: [
    { ...CYCLE_CODE, note: '发放批次编号 · The payment cycle’s code' },
    { ...LINE_ID, note: '发放明细标识：回盘文件须原样回传 · The line’s id: the return file gives it back' },
    { key: 'name', header: '户名', kind: 'text', note: '收款人姓名 · Payee' },
    { key: 'idNumber', header: '身份证号', kind: 'code', sensitive: 'ID_NUMBER', note: '收款人身份证号 · Payee’s ID number' },
    { key: 'cardNo', header: '卡号', aliases: ['一卡通账号'], kind: 'code', sensitive: 'BANK_CARD', note: '惠民惠农“一卡通”账号 · The subsidy card' },
    { key: 'bank', header: '开户行', kind: 'text', note: '代发银行 · The card’s bank' },
    { ...AMOUNT_YUAN, note: '发放金额，元 · Amount in yuan' },
  ],
});
