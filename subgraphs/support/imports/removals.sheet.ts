import { sheetFormat } from '../../../platform/imports/sheet-format';
import { EXPORTED_PERSON_ID } from '../../../platform/imports/reference-columns';
import { LABELS } from './sheet-columns';

/**
 * The quarterly removals report (季度核减人员报表): every person whose entitlements ended in the
 * quarter (deceased, state-employed, imprisoned, removed from the registry), with the date and
 * the source of the removal. Export only; the ID number by the disclosure policy.
 */
export const REMOVALS_SHEET = sheetFormat({
  name: 'support-removals',
  title: '季度核减人员报表',
  columns: [
    { key: 'countyCode', header: '县（区、市）代码', kind: 'code', note: '6 位 · County, 6 digits' },
    { key: 'areaCode', header: '居民小组代码', kind: 'code', note: '15 位 · Resident group, 15 digits' },
    { ...EXPORTED_PERSON_ID },
    { key: 'name', header: '姓名', kind: 'text', note: '被核减人员姓名 · Name' },
    { key: 'idNumber', header: '身份证号', kind: 'code', sensitive: 'ID_NUMBER', note: '按披露规则显示 · By the disclosure policy' },
    { key: 'reason', header: '核减原因', kind: 'choice', choices: LABELS.reason, note: '死亡、财政供养、服刑、户籍减员 · Reason' },
    { key: 'effectiveOn', header: '核减日期', kind: 'date', note: '自次一发放批次起停发 · Payment stops from the next cycle' },
    { key: 'source', header: '来源', kind: 'choice', choices: { VERIFICATION: '年度核定', REGISTRY: '户籍登记' }, note: '年度核定或户籍登记 · The verification or the registry' },
  ],
});
