import { AreaLevel } from '../households.enums';
import { AreaRow } from './rows';

/**
 * The demo area tree: 昭通市 > six counties with resettlement work > townships > villages and
 * communities > resident groups. County codes are the real GB/T 2260 codes; township and
 * community codes follow the statistical division scheme (街道 0xx, 镇 1xx, 乡 2xx; 社区 0xx,
 * 村 2xx) and are plausible, not official. Resident groups are numbered inside their community.
 */

export const PREFECTURE_CODE = '530600';
export const PREFECTURE_NAME = '昭通市';

export const COUNTY_CODES = {
  qiaojia: '530622',
  yongshan: '530625',
  suijiang: '530626',
  shuifu: '530681',
  daguan: '530624',
  ludian: '530621',
} as const;

export type CountyKey = keyof typeof COUNTY_CODES;

/** Shuifu was a county (530630) until 2018; ID numbers issued before then still carry it. */
export const SHUIFU_LEGACY_CODE = '530630';
export const LEGACY_COUNTY_CODES: Readonly<Record<string, string>> = { [SHUIFU_LEGACY_CODE]: COUNTY_CODES.shuifu };

/**
 * What a village or community is in the demo: an urban resettlement community (城镇化安置),
 * a rural resettlement site (集中/分散安置), an original village in the flooded area (淹没区), or
 * a community without resettlers.
 */
export type CommunityKind = 'URBAN' | 'RURAL' | 'ORIGIN' | 'OTHER';

interface CommunitySpec { suffix: string; name: string; kind: CommunityKind; groups?: number }
interface TownshipSpec { suffix: string; name: string; communities: CommunitySpec[] }
interface CountySpec { key: CountyKey; name: string; townships: TownshipSpec[] }

const urban = (suffix: string, name: string, groups: number): CommunitySpec => ({ suffix, name, kind: 'URBAN', groups });
const rural = (suffix: string, name: string, groups: number): CommunitySpec => ({ suffix, name, kind: 'RURAL', groups });
const origin = (suffix: string, name: string): CommunitySpec => ({ suffix, name, kind: 'ORIGIN' });
const other = (suffix: string, name: string): CommunitySpec => ({ suffix, name, kind: 'OTHER' });

const TREE: readonly CountySpec[] = [
  { key: 'qiaojia', name: '巧家县', townships: [
    { suffix: '001', name: '玉屏街道', communities: [urban('001', '邱家屿社区', 15), urban('002', '滨江社区', 10), other('003', '花园社区')] },
    { suffix: '100', name: '白鹤滩镇', communities: [urban('001', '七里社区', 8), urban('002', '北门社区', 6), origin('201', '花桥村'), origin('202', '石门坎村')] },
    { suffix: '101', name: '蒙姑镇', communities: [urban('001', '文笔社区', 11), origin('201', '蒙姑村'), origin('202', '石膏地村'), origin('203', '中寨村')] },
    { suffix: '102', name: '大寨镇', communities: [rural('201', '大寨村', 7), origin('202', '松发村'), origin('203', '坪子村')] },
    { suffix: '103', name: '金塘镇', communities: [rural('201', '金塘村', 6), origin('202', '红卫村'), origin('203', '双河村')] },
  ] },
  { key: 'yongshan', name: '永善县', townships: [
    { suffix: '001', name: '溪洛渡街道', communities: [urban('001', '金沙社区', 12), urban('002', '景新社区', 10)] },
    { suffix: '100', name: '务基镇', communities: [urban('001', '务基社区', 8), origin('201', '纸厂村'), origin('202', '清华村')] },
    { suffix: '101', name: '桧溪镇', communities: [urban('001', '桧溪社区', 8), rural('201', '中坝村', 6), origin('202', '红岩村')] },
    { suffix: '102', name: '黄华镇', communities: [urban('001', '黄华社区', 6), rural('201', '大坪村', 6), origin('202', '黄坪村')] },
  ] },
  { key: 'suijiang', name: '绥江县', townships: [
    { suffix: '100', name: '中城镇', communities: [urban('001', '金江社区', 14), urban('002', '凤池社区', 12), urban('003', '汇源社区', 10), origin('201', '石龙村'), origin('202', '东风村')] },
    { suffix: '101', name: '南岸镇', communities: [urban('001', '南岸社区', 8), rural('201', '西华村', 6), origin('202', '沙坝村')] },
    { suffix: '102', name: '板栗镇', communities: [urban('001', '板栗社区', 6), origin('201', '石板村')] },
    { suffix: '103', name: '新滩镇', communities: [urban('001', '新滩社区', 8), origin('201', '新坝村')] },
    { suffix: '104', name: '会仪镇', communities: [urban('001', '会仪社区', 6), rural('201', '向阳村', 5), origin('202', '田坝村')] },
  ] },
  { key: 'shuifu', name: '水富市', townships: [
    { suffix: '001', name: '云富街道', communities: [urban('001', '楼坝社区', 8), urban('002', '云富社区', 6)] },
    { suffix: '100', name: '向家坝镇', communities: [urban('001', '向家坝社区', 6), origin('201', '向坝村'), origin('202', '楼东村')] },
    { suffix: '101', name: '太平镇', communities: [rural('201', '太平村', 5), origin('202', '高滩村')] },
  ] },
  { key: 'daguan', name: '大关县', townships: [
    { suffix: '100', name: '翠华镇', communities: [urban('001', '翠华社区', 5), origin('201', '大堰村')] },
    { suffix: '101', name: '悦乐镇', communities: [rural('201', '悦乐村', 4), origin('202', '双河村')] },
  ] },
  { key: 'ludian', name: '鲁甸县', townships: [
    { suffix: '100', name: '文屏镇', communities: [urban('001', '砚池社区', 5)] },
    { suffix: '101', name: '梭山镇', communities: [rural('201', '梭山村', 4), origin('202', '甘田村')] },
    { suffix: '102', name: '乐红镇', communities: [urban('001', '乐红社区', 4), rural('201', '下寨村', 4), origin('202', '红布村')] },
  ] },
];

/** A village or community with what the generator needs to know about it. */
export interface CommunityInfo {
  code: string;
  name: string;
  countyKey: CountyKey;
  countyCode: string;
  townshipCode: string;
  kind: CommunityKind;
  groupCodes: string[];
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十 (enough for resident groups). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : CHINESE_DIGITS[tens]) + '十' + CHINESE_DIGITS[n % 10];
}

function buildTree(): { areas: AreaRow[]; communities: CommunityInfo[] } {
  const areas: AreaRow[] = [
    { code: PREFECTURE_CODE, name: PREFECTURE_NAME, level: AreaLevel.PREFECTURE, parent_code: null, county_code: null },
  ];
  const communities: CommunityInfo[] = [];
  for (const county of TREE) {
    const countyCode = COUNTY_CODES[county.key];
    areas.push({ code: countyCode, name: county.name, level: AreaLevel.COUNTY, parent_code: PREFECTURE_CODE, county_code: countyCode });
    for (const township of county.townships) {
      const townshipCode = countyCode + township.suffix;
      areas.push({ code: townshipCode, name: township.name, level: AreaLevel.TOWNSHIP, parent_code: countyCode, county_code: countyCode });
      for (const spec of township.communities) {
        const code = townshipCode + spec.suffix;
        areas.push({ code, name: spec.name, level: AreaLevel.COMMUNITY, parent_code: townshipCode, county_code: countyCode });
        const groupWord = spec.name.endsWith('社区') ? '居民小组' : '村民小组';
        const groupCodes: string[] = [];
        for (let g = 1; g <= (spec.groups ?? 0); g++) {
          const groupCode = code + String(g).padStart(3, '0');
          groupCodes.push(groupCode);
          areas.push({ code: groupCode, name: `第${chineseNumeral(g)}${groupWord}`, level: AreaLevel.GROUP, parent_code: code, county_code: countyCode });
        }
        communities.push({ code, name: spec.name, countyKey: county.key, countyCode, townshipCode, kind: spec.kind, groupCodes });
      }
    }
  }
  return { areas, communities };
}

const BUILT = buildTree();

/** Every area of the demo, parents before children. Treat as read-only; `areaRows()` gives copies. */
export const AREAS: readonly AreaRow[] = BUILT.areas;
export const COMMUNITIES: readonly CommunityInfo[] = BUILT.communities;

/** Fresh copies of the area rows (callers may mutate them). */
export function areaRows(): AreaRow[] {
  return AREAS.map((a) => ({ ...a }));
}

function communityCode(countyKey: CountyKey, name: string): string {
  const found = COMMUNITIES.find((c) => c.countyKey === countyKey && c.name === name);
  if (!found) throw new Error(`unknown community ${name}`);
  return found.code;
}

function townshipCode(countyKey: CountyKey, name: string): string {
  const found = AREAS.find((a) => a.level === AreaLevel.TOWNSHIP && a.name === name && a.county_code === COUNTY_CODES[countyKey]);
  if (!found) throw new Error(`unknown township ${name}`);
  return found.code;
}

/** Well-known codes of the demo (counties, and the Qiaojia places the seeds describe). */
export const DEMO_AREAS = {
  ...COUNTY_CODES,
  yuping: townshipCode('qiaojia', '玉屏街道'),
  menggu: townshipCode('qiaojia', '蒙姑镇'),
  wenbi: communityCode('qiaojia', '文笔社区'),
  qiujiayu: communityCode('qiaojia', '邱家屿社区'),
  binjiang: communityCode('qiaojia', '滨江社区'),
} as const;
