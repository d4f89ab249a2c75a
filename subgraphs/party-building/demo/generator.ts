import { Random, stableUuid } from '../../../platform/demo/random';
import type { RegistrySnapshot, SnapshotArea, SnapshotHousehold } from '../../../platform/demo/registry-snapshot';
import { DEFAULT_DEADLINE_DAYS, GovernanceCaseCategory, GovernanceCaseStatus, PartyActivityType, PartyOrganisationLevel } from '../party-building.enums';
import { DEMO_REFERENCE_DATE, expectedPartyBuildingFigures, FIVE_YEARS_FROM, HALF_YEAR_FROM } from './figures';
import { ACTIVITY_TOPICS, cadreName, CASE_TITLES, countyUnits, FOLLOW_UPS, VISIT_NOTES } from './names';
import type { CadreRow, CaseRow, PartyBuildingDemo, TransitionRow } from './rows';

/**
 * Deterministic party-building demo on the registry's households and areas: party organisations,
 * grids and units covering every resettled household, cadres in the grids paired with households,
 * visits, activities and cases, reproducing `expectedPartyBuildingFigures(scale)` exactly.
 */

export const PARTY_BUILDING_SEED = 530605;

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const REF = dayOf(DEMO_REFERENCE_DATE);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Splits `total` over `weights` (largest remainder); the parts sum to `total`. */
function apportion(total: number, weights: number[]): number[] {
  const whole = sum(weights);
  if (whole === 0) return apportion(total, weights.map(() => 1));
  const exact = weights.map((w) => (total * w) / whole);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const leftover = total - sum(parts);
  for (let k = 0; k < leftover; k++) parts[order[k][1]]++;
  return parts;
}

/** A household placed in a unit of a grid, with the cadres of that grid. */
interface Placement {
  household: SnapshotHousehold | null;
  gridId: string;
  areaCode: string;
  countyCode: string;
  cadreIds: string[];
}

function findArea(areas: SnapshotArea[], level: string, name: string, countyName?: string): SnapshotArea {
  const county = countyName ? areas.find((a) => a.level === 'COUNTY' && a.name === countyName) : undefined;
  const found = areas.find((a) => a.level === level && a.name === name && (!county || a.county_code === county.code));
  if (!found) throw new Error(`the registry has no ${level} named ${name}`);
  return found;
}

/**
 * The demo's cadre phones: `138` and eight digits, numbered in the order of county, area and id
 * (the order in which the migration that added phones numbered the cadres already recorded).
 */
function numberCadrePhones(cadres: CadreRow[]): void {
  const key = (c: CadreRow) => [c.county_code, c.area_code, c.id];
  const ordered = [...cadres].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
  ordered.forEach((c, i) => { c.phone = `138${String(i + 1).padStart(8, '0')}`; });
}

export function generatePartyBuildingDemo(registry: RegistrySnapshot, options: { scale?: number; seed?: number } = {}): PartyBuildingDemo {
  const scale = options.scale ?? 1;
  const figures = expectedPartyBuildingFigures(scale);
  const random = new Random(options.seed ?? PARTY_BUILDING_SEED);
  const n = (x: number) => Math.round(x * scale);
  const out: PartyBuildingDemo = { organisations: [], grids: [], units: [], householdUnits: [], cadres: [], pairings: [], visits: [], activities: [], cases: [], transitions: [] };

  const wenbi = findArea(registry.areas, 'COMMUNITY', '文笔社区', '巧家县').code;
  const binjiang = findArea(registry.areas, 'COMMUNITY', '滨江社区', '巧家县').code;
  const yongshan = findArea(registry.areas, 'COUNTY', '永善县');
  const areaByCode = new Map(registry.areas.map((a) => [a.code, a]));
  const groupsOf = new Map<string, number>();
  for (const a of registry.areas) if (a.level === 'GROUP' && a.parent_code) groupsOf.set(a.parent_code, (groupsOf.get(a.parent_code) ?? 0) + 1);

  const byCommunity = new Map<string, SnapshotHousehold[]>();
  for (const h of registry.households) {
    const code = h.area_code.slice(0, 12);
    if (!byCommunity.has(code)) byCommunity.set(code, []);
    byCommunity.get(code)!.push(h);
  }
  for (const list of byCommunity.values()) list.sort((a, b) => (a.area_code < b.area_code ? -1 : a.area_code > b.area_code ? 1 : a.registry_no < b.registry_no ? -1 : 1));
  const communities = [...byCommunity.keys()].sort();
  const wenbiHouseholds = byCommunity.get(wenbi)?.length ?? 0;
  if (wenbiHouseholds !== figures.wenbi.households) throw new Error(`文笔社区 has ${wenbiHouseholds} households in the registry, the figures need ${figures.wenbi.households}`);

  // managers: a working-age member of a unit's first household
  const members = new Map<string, { id: string; birth: string }[]>();
  for (const p of registry.persons) {
    if (!members.has(p.household_id)) members.set(p.household_id, []);
    members.get(p.household_id)!.push({ id: p.id, birth: p.birth_date });
  }

  // one leading party group per county
  const leading = new Map<string, string>();
  for (const county of registry.areas.filter((a) => a.level === 'COUNTY').sort((a, b) => a.code.localeCompare(b.code))) {
    if (!communities.some((c) => c.startsWith(county.code))) continue;
    const id = stableUuid('pb-org', county.code);
    leading.set(county.code, id);
    out.organisations.push({ id, name: `中共${county.name}水电移民工作局党组`, level: PartyOrganisationLevel.LEADING_GROUP, parent_id: null, area_code: county.code, county_code: county.code });
  }

  // Yongshan's cadres in grids, shared out over its communities by households; its 96 county units
  const yongshanCommunities = communities.filter((c) => c.startsWith(yongshan.code));
  const yongshanCadres = new Map(yongshanCommunities.map((c, i, all) => [c, apportion(figures.yongshan.cadresInGrids, all.map((x) => byCommunity.get(x)!.length))[i]]));
  const yongshanUnits = countyUnits(yongshan.name, figures.yongshan.countyUnits);
  let yongshanIndex = 0;
  const unitsOfCounty = new Map<string, string[]>();

  const placements = new Map<string, Placement[]>();
  const gridPlaces = new Map<string, Placement[]>();
  const cadreRandom = random.fork('cadres');
  for (const code of communities) {
    const community = areaByCode.get(code)!;
    const county = community.county_code!;
    const countyName = areaByCode.get(county)!.name;
    const households = byCommunity.get(code)!;
    const isWenbi = code === wenbi;
    const gridCount = isWenbi ? figures.wenbi.grids : Math.max(1, Math.min(households.length, n(groupsOf.get(code) ?? 1)));
    const unitCount = isWenbi ? figures.wenbi.gridUnits : Math.min(Math.max(gridCount, households.length), Math.max(gridCount, Math.round(households.length / 13)));
    const unitSizes = apportion(households.length, Array(unitCount).fill(1));
    const unitsPerGrid = apportion(unitCount, Array(gridCount).fill(1));

    const branchId = stableUuid('pb-org', code, 'branch');
    out.organisations.push({ id: branchId, name: `中共${community.name}支部委员会`, level: PartyOrganisationLevel.BRANCH, parent_id: leading.get(county)!, area_code: code, county_code: county });
    const smallGroups: string[] = [];
    for (let s = 0; s < Math.ceil(gridCount / 3); s++) {
      const id = stableUuid('pb-org', code, 'small-group', String(s + 1));
      smallGroups.push(id);
      out.organisations.push({ id, name: `${community.name}第${s + 1}党小组`, level: PartyOrganisationLevel.SMALL_GROUP, parent_id: branchId, area_code: code, county_code: county });
    }

    const communityCadres = county === yongshan.code ? yongshanCadres.get(code)! : Math.max(1, Math.ceil(households.length / 10));
    let next = 0; // next household of the community
    let unitNumber = 0;
    const gridHouseholdCounts = unitsPerGrid.map((units, g) => sum(unitSizes.slice(sum(unitsPerGrid.slice(0, g)), sum(unitsPerGrid.slice(0, g)) + units)));
    const cadresPerGrid = apportion(communityCadres, gridHouseholdCounts);
    const list: Placement[] = [];
    for (let g = 0; g < gridCount; g++) {
      const redGridId = stableUuid('pb-org', code, 'red-grid', String(g + 1));
      out.organisations.push({ id: redGridId, name: `${community.name}第${g + 1}红网格`, level: PartyOrganisationLevel.RED_GRID, parent_id: smallGroups[Math.floor(g / 3)], area_code: code, county_code: county });
      const gridId = stableUuid('pb-grid', code, String(g + 1));
      out.grids.push({ id: gridId, name: `${community.name}第${g + 1}网格`, number: g + 1, organisation_id: redGridId, area_code: code, county_code: county });

      const cadreIds: string[] = [];
      for (let c = 0; c < cadresPerGrid[g]; c++) {
        const id = stableUuid('pb-cadre', gridId, String(c + 1));
        let workUnit: string;
        if (county === yongshan.code) workUnit = yongshanUnits[yongshanIndex++ % yongshanUnits.length];
        else {
          if (!unitsOfCounty.has(county)) unitsOfCounty.set(county, countyUnits(countyName, 40));
          workUnit = cadreRandom.pick(unitsOfCounty.get(county)!);
        }
        out.cadres.push({ id, name: cadreName(cadreRandom), phone: '', work_unit: workUnit, party_member: cadreRandom.chance(0.85), grid_id: gridId, area_code: code, county_code: county });
        cadreIds.push(id);
      }
      const inGrid: Placement[] = [];
      for (let u = 0; u < unitsPerGrid[g]; u++) {
        const unitId = stableUuid('pb-unit', gridId, String(u + 1));
        const size = unitSizes[unitNumber++];
        const unitHouseholds = households.slice(next, next + size);
        next += size;
        const first = unitHouseholds[0];
        const manager = first ? (members.get(first.id) ?? []).find((m) => m.birth >= '1960-01-01' && m.birth <= '1995-12-31') ?? { id: first.head_id } : null;
        out.units.push({ id: unitId, grid_id: gridId, name: `第${g + 1}网格第${u + 1}单元`, number: u + 1, manager_person_id: manager?.id ?? null, area_code: code, county_code: county });
        for (const h of unitHouseholds) {
          out.householdUnits.push({ household_id: h.id, unit_id: unitId, grid_id: gridId, assigned_on: h.relocated_on ?? h.registered_on, area_code: h.area_code, county_code: county });
          inGrid.push({ household: h, gridId, areaCode: h.area_code, countyCode: county, cadreIds });
        }
      }
      gridPlaces.set(gridId, [{ household: null, gridId, areaCode: code, countyCode: county, cadreIds }]);
      list.push(...inGrid);
    }
    placements.set(code, list);
  }

  // Yongshan cadres not (yet) serving in a grid: the figure counts only those who are
  for (let c = 0; c < n(40); c++) {
    out.cadres.push({ id: stableUuid('pb-cadre', yongshan.code, String(c + 1)), name: cadreName(cadreRandom), phone: '', work_unit: yongshanUnits[c % yongshanUnits.length], party_member: cadreRandom.chance(0.85), grid_id: null, area_code: yongshan.code, county_code: yongshan.code });
  }

  // pairings: each household with a cadre of its grid, round robin; visits in the last year
  const pairRandom = random.fork('pairings');
  const all: Placement[] = communities.flatMap((c) => placements.get(c)!);
  const perGrid = new Map<string, number>();
  for (const p of all) {
    if (!p.cadreIds.length || !p.household) continue;
    const k = perGrid.get(p.gridId) ?? 0;
    perGrid.set(p.gridId, k + 1);
    const cadreId = p.cadreIds[k % p.cadreIds.length];
    const h = p.household;
    out.pairings.push({ id: stableUuid('pb-pairing', cadreId, h.id), cadre_id: cadreId, household_id: h.id, started_on: isoOf(dayOf('2021-01-04') + pairRandom.int(0, 700)), ended_on: null, area_code: p.areaCode, county_code: p.countyCode });
    const visits = pairRandom.weighted([[0, 45], [1, 40], [2, 15]] as const);
    for (let v = 0; v < visits; v++) {
      const day = REF - pairRandom.int(0, 364);
      const followUp = pairRandom.chance(0.2) ? pairRandom.pick(FOLLOW_UPS) : null;
      out.visits.push({
        id: stableUuid('pb-visit', cadreId, h.id, String(v)), cadre_id: cadreId, household_id: h.id, visited_on: isoOf(day), notes: pairRandom.pick(VISIT_NOTES),
        follow_up: followUp, follow_up_due: followUp ? isoOf(day + 14) : null, area_code: p.areaCode, county_code: p.countyCode,
      });
    }
  }

  addActivities(out, random.fork('activities'));
  addCases(out, random.fork('cases'), {
    all: all.filter((p) => p.cadreIds.length),
    grids: [...gridPlaces.values()].flat().filter((p) => p.cadreIds.length),
    binjiang: (placements.get(binjiang) ?? []).filter((p) => p.cadreIds.length),
    wenbi: (placements.get(wenbi) ?? []).filter((p) => p.cadreIds.length),
    figures, n,
  });
  numberCadrePhones(out.cadres);
  return out;
}

/** Two years of activities before the reference date: 三会一课 by branches and small groups, the rest by red grids. */
function addActivities(out: PartyBuildingDemo, random: Random): void {
  const firstMonth = new Date(REF * DAY);
  const startYear = firstMonth.getUTCFullYear() - 1;
  const monthDay = (m: number) => Date.UTC(startYear, m, 1) / DAY + random.int(0, 27);
  const plan: Record<string, [PartyActivityType, number[], [number, number]][]> = {
    LEADING_GROUP: [[PartyActivityType.POLICY_BRIEFING, [1, 4, 7, 10], [8, 20]]],
    BRANCH: [
      [PartyActivityType.BRANCH_GENERAL_MEETING, [2, 5, 8, 11], [20, 60]],
      [PartyActivityType.BRANCH_COMMITTEE_MEETING, [...Array(12).keys()], [5, 9]],
      [PartyActivityType.PARTY_LESSON, [0, 3, 6, 9], [20, 60]],
      [PartyActivityType.THEME_PARTY_DAY, [...Array(12).keys()], [15, 50]],
    ],
    SMALL_GROUP: [[PartyActivityType.SMALL_GROUP_MEETING, [...Array(12).keys()], [5, 15]]],
    RED_GRID: [
      [PartyActivityType.COURTYARD_MEETING, [3, 9], [15, 80]],
      [PartyActivityType.MICRO_LECTURE, [4, 10], [15, 60]],
      [PartyActivityType.POLICY_BRIEFING, [5], [20, 80]],
      [PartyActivityType.LEGAL_TALK, [7], [20, 80]],
    ],
  };
  for (const org of out.organisations) {
    for (const [type, months, [lo, hi]] of plan[org.level]) {
      for (const year of [0, 1]) {
        for (const m of months) {
          const day = monthDay(year * 12 + m);
          out.activities.push({
            id: stableUuid('pb-activity', org.id, type, String(year), String(m)), organisation_id: org.id, type, held_on: isoOf(Math.min(day, REF)),
            topic: random.pick(ACTIVITY_TOPICS[type]), attendees: random.int(lo, hi), area_code: org.area_code, county_code: org.county_code,
          });
        }
      }
    }
  }
}

interface CasePools {
  all: Placement[];
  grids: Placement[];
  binjiang: Placement[];
  wenbi: Placement[];
  figures: ReturnType<typeof expectedPartyBuildingFigures>;
  n: (x: number) => number;
}

/** Cases: the figures' resolved ones inside their periods, older ones outside, and some still open. */
function addCases(out: PartyBuildingDemo, random: Random, pools: CasePools): void {
  let sequence = 0;
  const at = (day: number, hour: number) => new Date(day * DAY + (hour - 8) * 3_600_000).toISOString(); // Beijing time
  const make = (category: GovernanceCaseCategory, place: Placement, status: GovernanceCaseStatus, opened: number, closed: number | null) => {
    const id = stableUuid('pb-case', String(++sequence));
    const allowed = DEFAULT_DEADLINE_DAYS[category];
    const title = random.pick(CASE_TITLES[category]);
    const first = random.pick(place.cadreIds);
    const assignee = status === GovernanceCaseStatus.OPEN ? null : random.pick(place.cadreIds);
    const row: CaseRow = {
      id, case_no: `${place.countyCode}-${isoOf(opened).slice(0, 4)}-${String(sequence).padStart(6, '0')}`, category, title, description: null,
      household_id: place.household?.id ?? null, grid_id: place.gridId, first_responsible_id: first, assignee_id: assignee, status,
      opened_on: isoOf(opened), deadline: isoOf(opened + allowed), closed_on: closed === null ? null : isoOf(closed),
      outcome: status === GovernanceCaseStatus.RESOLVED ? '已办结，群众满意' : status === GovernanceCaseStatus.ESCALATED ? '超出社区处置权限，已上报县信访局' : null,
      area_code: place.areaCode, county_code: place.countyCode,
    };
    out.cases.push(row);
    const last = closed ?? REF;
    const steps: [GovernanceCaseStatus, number, number][] = [[GovernanceCaseStatus.OPEN, opened, 9]];
    if (status !== GovernanceCaseStatus.OPEN) steps.push([GovernanceCaseStatus.ASSIGNED, Math.min(last, opened + random.int(0, 1)), 10]);
    if (status === GovernanceCaseStatus.IN_PROGRESS || status === GovernanceCaseStatus.RESOLVED || (status === GovernanceCaseStatus.ESCALATED && random.chance(0.5))) {
      steps.push([GovernanceCaseStatus.IN_PROGRESS, Math.min(last, steps[steps.length - 1][1] + random.int(0, 2)), 14]);
    }
    if (closed !== null) steps.push([status, closed, 16]);
    steps.forEach(([to, day, hour], i) => {
      const transition: TransitionRow = {
        id: stableUuid('pb-transition', id, String(i)), case_id: id, from_status: i === 0 ? null : steps[i - 1][0], to_status: to,
        actor: `cadre:${i === 0 ? first : assignee ?? first}`, at: at(day, hour), note: i === steps.length - 1 && closed !== null ? row.outcome : null,
        area_code: place.areaCode, county_code: place.countyCode,
      };
      out.transitions.push(transition);
    });
  };
  /** `count` cases closed between `from` and `to` (inclusive), opened within their deadline (one in ten late). */
  const closedBetween = (count: number, category: GovernanceCaseCategory, pool: Placement[], status: GovernanceCaseStatus, from: string, to: string) => {
    for (let i = 0; i < count; i++) {
      const closed = random.int(dayOf(from), dayOf(to));
      const allowed = DEFAULT_DEADLINE_DAYS[category];
      const took = random.chance(0.9) ? random.int(1, allowed) : allowed + random.int(1, 10);
      make(category, random.pick(pool), status, closed - took, closed);
    }
  };
  const { figures, n } = pools;
  const { GRID_PROBLEM, LIVELIHOOD_TASK, DISPUTE_MEDIATION, PETITION } = GovernanceCaseCategory;
  const { RESOLVED, ESCALATED, OPEN, ASSIGNED, IN_PROGRESS } = GovernanceCaseStatus;
  const halfYearBefore = isoOf(dayOf(HALF_YEAR_FROM) - 1);
  const fiveYearsBefore = isoOf(dayOf(FIVE_YEARS_FROM) - 1);
  const others = pools.all.filter((p) => !pools.binjiang.includes(p));

  closedBetween(figures.prefecture.gridProblemsResolved, GRID_PROBLEM, pools.all, RESOLVED, FIVE_YEARS_FROM, DEMO_REFERENCE_DATE);
  closedBetween(n(40), GRID_PROBLEM, pools.all, RESOLVED, '2017-01-01', fiveYearsBefore);
  closedBetween(figures.prefecture.livelihoodTasksResolved, LIVELIHOOD_TASK, pools.grids, RESOLVED, FIVE_YEARS_FROM, DEMO_REFERENCE_DATE);
  closedBetween(n(20), LIVELIHOOD_TASK, pools.grids, RESOLVED, '2018-01-01', fiveYearsBefore);
  if (pools.binjiang.length) {
    closedBetween(figures.binjiang.disputesMediated, DISPUTE_MEDIATION, pools.binjiang, RESOLVED, HALF_YEAR_FROM, DEMO_REFERENCE_DATE);
    closedBetween(n(30), DISPUTE_MEDIATION, pools.binjiang, RESOLVED, '2022-01-01', halfYearBefore);
  }
  closedBetween(n(80), DISPUTE_MEDIATION, others, RESOLVED, FIVE_YEARS_FROM, DEMO_REFERENCE_DATE);
  closedBetween(n(40), PETITION, pools.all, RESOLVED, FIVE_YEARS_FROM, DEMO_REFERENCE_DATE);
  closedBetween(n(10), PETITION, pools.all, ESCALATED, FIVE_YEARS_FROM, DEMO_REFERENCE_DATE);
  closedBetween(n(10), GRID_PROBLEM, pools.all, ESCALATED, FIVE_YEARS_FROM, DEMO_REFERENCE_DATE);
  // still being handled at the reference date (overdue today, since that date has passed)
  const open = (count: number, pool: Placement[]) => {
    for (let i = 0; i < count; i++) {
      const category = random.weighted([[GRID_PROBLEM, 50], [DISPUTE_MEDIATION, 25], [PETITION, 10], [LIVELIHOOD_TASK, 15]] as const);
      const status = random.weighted([[OPEN, 30], [ASSIGNED, 30], [IN_PROGRESS, 40]] as const);
      make(category, random.pick(pool), status, REF - random.int(0, 60), null);
    }
  };
  open(n(150), pools.all);
  if (pools.wenbi.length) open(Math.max(2, n(20)), pools.wenbi);
}
