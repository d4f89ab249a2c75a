import type { RegistrySnapshot } from '../../../platform/demo/registry-snapshot';
import { stableUuid } from '../../../platform/demo/random';
import { standardId } from '../services/payment-standard.service';
import { ProjectKind, ProjectStatus, SupportScheme } from '../support.enums';
import { byArea, cardRow, generateYears, type SupportYearRows } from './years';

/**
 * The support demo, generated in Node from the registry snapshot, deterministically (hashes of
 * the persons' ids): subsidy cards, standards, projects and their funds here, the verifications,
 * cycles, lines, bank returns and the ledger in `years.ts`. `load.ts` inserts the rows in bulk.
 */

export const DEMO_YEARS = [2023, 2024] as const;

/** Post-relocation support: 600 yuan a person a year (国发〔2006〕17号), in fen. */
export const SUPPORT_FEN = 60_000;

/** Annual compensation a person a year, in fen, by county (and Baihetan's own in Qiaojia): generated, plausible. */
const COMPENSATION_FEN: Record<string, number> = {
  '530621': 168_000, '530622': 182_000, '530624': 171_000, '530625': 176_500, '530626': 188_000, '530681': 185_500,
};

export function standardRows(counties: string[]) {
  const rows: Record<string, unknown>[] = [];
  for (const year of DEMO_YEARS) {
    const rise = year === 2024 ? 1.03 : 1;
    for (const county of counties) {
      rows.push({ id: standardId(SupportScheme.POST_RELOCATION_SUPPORT, county, null, year), scheme: SupportScheme.POST_RELOCATION_SUPPORT, area_code: county, county_code: county, station_id: null, year, amount_fen: SUPPORT_FEN });
      const base = Math.round(((COMPENSATION_FEN[county] ?? 175_000) * rise) / 100) * 100;
      rows.push({ id: standardId(SupportScheme.ANNUAL_COMPENSATION, county, null, year), scheme: SupportScheme.ANNUAL_COMPENSATION, area_code: county, county_code: county, station_id: null, year, amount_fen: base });
      if (county === '530622') {
        rows.push({ id: standardId(SupportScheme.ANNUAL_COMPENSATION, county, 'BAIHETAN', year), scheme: SupportScheme.ANNUAL_COMPENSATION, area_code: county, county_code: county, station_id: 'BAIHETAN', year, amount_fen: base + 12_000 });
      }
    }
  }
  return rows;
}

/** The three collective projects the sources name, by county code. */
const NAMED = [
  { name: '绥江半山酒店', county: '530626' },
  { name: '巧家七里标准厂房', county: '530622' },
  { name: '大关竹笋加工厂', county: '530624' },
];
const ASSET_KINDS = ['农贸市场', '标准厂房', '商铺', '冷链仓储', '光伏电站', '乡村旅馆', '停车场', '农产品加工厂'];
const HOME_KINDS = ['人居环境整治', '村内道路', '饮水安全', '文化活动广场', '污水处理', '庭院美化'];

/**
 * 61 collective operating-asset projects (the three named ones first), 320 beautiful-home
 * projects (one or more per village or community with resettlers) and three batches of
 * hazard-relief pilots (4, 5 and 6 pilots), with funds for the years they ran.
 */
export function projectRows(registry: RegistrySnapshot) {
  const counties = registry.areas.filter((a) => a.level === 'COUNTY');
  const communities = registry.areas.filter((a) => a.level === 'COMMUNITY');
  const projects: Record<string, unknown>[] = [];
  const funds: Record<string, unknown>[] = [];
  const households = new Map<string, number>();
  for (const h of registry.households) households.set(h.area_code.slice(0, 12), (households.get(h.area_code.slice(0, 12)) ?? 0) + 1);
  const add = (kind: ProjectKind, seq: number, name: string, area: string, batch: number | null, started: number, fenPerYear: number) => {
    const id = stableUuid('support-project', kind, String(seq));
    const county = area.slice(0, 6);
    const status = started >= 2024 ? ProjectStatus.UNDER_CONSTRUCTION : kind === ProjectKind.COLLECTIVE_ASSET ? ProjectStatus.OPERATING : ProjectStatus.COMPLETED;
    const benefiting = Math.max(12, Math.round((households.get(area.slice(0, 12)) ?? 40) * (kind === ProjectKind.COLLECTIVE_ASSET ? 1 : 0.6)));
    projects.push({ id, code: `${kind === ProjectKind.COLLECTIVE_ASSET ? 'JT' : kind === ProjectKind.BEAUTIFUL_HOME ? 'MJ' : 'BX'}${String(seq).padStart(4, '0')}`,
      name, kind, batch, area_code: area, county_code: county, status, households_benefiting: benefiting, started_year: started });
    for (let year = started; year <= 2024 && year < started + 3; year++) funds.push({ project_id: id, year, area_code: area, county_code: county, amount_fen: fenPerYear });
  };
  for (let i = 0; i < 61; i++) {
    const named = NAMED[i];
    const county = named?.county ?? counties[i % counties.length].code;
    const inCounty = communities.filter((c) => c.code.startsWith(county));
    const area = inCounty.length ? inCounty[(i * 7) % inCounty.length].code : county;
    const name = named?.name ?? `${registry.areas.find((a) => a.code === area)?.name ?? ''}${ASSET_KINDS[i % ASSET_KINDS.length]}`;
    add(ProjectKind.COLLECTIVE_ASSET, i + 1, name.slice(0, 64), area, null, 2015 + (i % 10), 1_000_000_00 + (i % 9) * 35_000_00);
  }
  const resettled = communities.filter((c) => households.has(c.code));
  for (let i = 0; i < 320; i++) {
    const c = resettled[i % resettled.length];
    add(ProjectKind.BEAUTIFUL_HOME, i + 1, `${c.name}美丽家园${HOME_KINDS[i % HOME_KINDS.length]}项目`.slice(0, 64), c.code, null, 2018 + (i % 7), 80_000_00 + (i % 11) * 15_000_00);
  }
  let seq = 0;
  [4, 5, 6].forEach((pilots, b) => {
    for (let i = 0; i < pilots; i++) {
      const c = resettled[(seq * 5 + 3) % resettled.length];
      add(ProjectKind.HAZARD_RELIEF, ++seq, `第${b + 1}批避险解困试点（${c.name}）`.slice(0, 64), c.code, b + 1, 2019 + b * 2, 500_000_00 + i * 60_000_00);
    }
  });
  return { projects, funds };
}

/** One county's rows: its persons' subsidy cards, its verifications with their entries and changes, its cycles and lines. */
export interface SupportCountyRows extends SupportYearRows {
  county: string;
  subsidy_card: Record<string, unknown>[];
}

export interface SupportDemo {
  /** The registry snapshot with its households and persons in the order of their areas (the projections are copied from it). */
  registry: RegistrySnapshot;
  payment_standard: Record<string, unknown>[];
  support_project: Record<string, unknown>[];
  project_fund: Record<string, unknown>[];
  /** The rows of each county in turn, generated as they are asked for. */
  counties: Iterable<SupportCountyRows>;
}

/**
 * The whole demo on the registry (its rows in the order of their areas, so that the area indexes
 * are built from nearly sorted rows): a subsidy card for every person, the standards, the 2023 and
 * 2024 verifications with their removals, the 2023 cycles of both schemes reconciled (failed lines
 * in DRAFT re-payment cycles), the 2024 ones approved, and the projects.
 */
export function generateSupportDemo(registry: RegistrySnapshot): SupportDemo {
  const counties = [...new Set(registry.households.map((h) => h.county_code))].sort();
  const standards = standardRows(counties);
  const { projects, funds } = projectRows(registry);
  const sorted = { ...registry, households: byArea(registry.households, (h) => h.area_code), persons: byArea(registry.persons, (p) => p.area_code) };
  function* byCounty(): Generator<SupportCountyRows> {
    for (const years of generateYears(registry, standards, DEMO_YEARS)) {
      yield { ...years, subsidy_card: sorted.persons.filter((p) => p.county_code === years.county).map(cardRow) };
    }
  }
  return { registry: sorted, payment_standard: standards, support_project: projects, project_fund: funds, counties: byCounty() };
}
