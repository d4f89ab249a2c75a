import { sheetFormat } from '../../../platform/imports/sheet-format';
import { AMOUNT_YUAN, LABELS } from './sheet-columns';

/**
 * The village publication list of a cycle (公示名单), posted before payment: partly masked name,
 * resident group, scheme and amount; never an ID or card number. Export only.
 */
export const PUBLICATION_SHEET = sheetFormat({
  name: 'support-publication',
  title: '后期扶持资金发放公示名单',
  columns: [
    { key: 'areaCode', header: '居民小组代码', kind: 'code', note: '收款人现居住居民小组，15 位 · Resident group, 15 digits' },
    { key: 'name', header: '姓名', kind: 'text', note: '部分遮蔽，如 张*华 · Partly masked name' },
    { key: 'scheme', header: '扶持类别', kind: 'choice', choices: LABELS.scheme, note: '后期扶持直补或逐年补偿 · Scheme' },
    { key: 'year', header: '年度', kind: 'code', note: '发放年度 · Year' },
    { ...AMOUNT_YUAN, note: '发放金额，元 · Amount in yuan' },
  ],
});

/** A name as a public list shows it: the first and (from three characters on) last kept, the rest starred (张*、张*华、欧**平). */
export function publicName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
