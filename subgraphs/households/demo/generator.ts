import {
  HouseholdStatus, HousingMode, ProductionMode, Relation, RelocationMode, Sex,
} from '../households.enums';
import { makeIdNumber } from '../../../platform/domain/id-number';
import { supportPeriod } from '../services/support-period.rules';
import { assertScale } from '../../../platform/demo/scale';
import { expectedFigures } from './figures';
import { COMMUNITIES, COUNTY_CODES, CommunityInfo, CountyKey, DEMO_AREAS, SHUIFU_LEGACY_CODE, areaRows } from './geography';
import { makeGivenName, pickSurname } from './names';
import { apportion, sum } from '../../../platform/demo/apportion';
import { Random, stableUuid } from '../../../platform/demo/random';
import { DemoData, HouseholdRow, PersonRow, StationRow } from './rows';

/**
 * Deterministic demo data for the households subgraph: the prefecture's 160,000 resettled people
 * (× scale) in households, reproducing the figures of `expectedFigures(scale)` exactly.
 */

export const DEFAULT_SEED = 530600;

export interface GenerateOptions {
  scale?: number;
  seed?: number;
}

/** Ages are counted at the end of this year; nobody is born later. */
const REFERENCE_YEAR = 2024;

type StationId = 'BAIHETAN' | 'XILUODU' | 'XIANGJIABA';

interface StationSpec extends StationRow {
  id: StationId;
  registryCode: string; // in registry numbers: 530622-BHT-000123
  moves: [string, string]; // first and last day households moved out
}

const STATIONS: readonly StationSpec[] = [
  { id: 'BAIHETAN', name: '白鹤滩水电站', river: '金沙江', capacity_mw: 16_000, affected_county_codes: [COUNTY_CODES.qiaojia, COUNTY_CODES.ludian], registryCode: 'BHT', moves: ['2019-01-01', '2021-12-31'] },
  { id: 'XILUODU', name: '溪洛渡水电站', river: '金沙江', capacity_mw: 13_860, affected_county_codes: [COUNTY_CODES.yongshan, COUNTY_CODES.daguan], registryCode: 'XLD', moves: ['2008-01-01', '2013-12-31'] },
  { id: 'XIANGJIABA', name: '向家坝水电站', river: '金沙江', capacity_mw: 6_400, affected_county_codes: [COUNTY_CODES.suijiang, COUNTY_CODES.shuifu], registryCode: 'XJB', moves: ['2008-01-01', '2012-12-31'] },
];

/** Persons and urbanised persons per county at scale 1 (they sum to 160,000 and 132,800). */
const COUNTY_PLAN: Readonly<Record<CountyKey, { persons: number; urban: number; station: StationId; ethnicities: [string, number][] }>> = {
  qiaojia: { persons: 60_000, urban: 52_000, station: 'BAIHETAN', ethnicities: [['汉族', 86], ['彝族', 7], ['回族', 5], ['苗族', 2]] },
  yongshan: { persons: 35_000, urban: 26_000, station: 'XILUODU', ethnicities: [['汉族', 90], ['彝族', 5], ['苗族', 4], ['回族', 1]] },
  suijiang: { persons: 45_000, urban: 42_000, station: 'XIANGJIABA', ethnicities: [['汉族', 97], ['苗族', 1.5], ['彝族', 1], ['回族', 0.5]] },
  shuifu: { persons: 12_000, urban: 9_800, station: 'XIANGJIABA', ethnicities: [['汉族', 96], ['苗族', 2], ['彝族', 1.5], ['回族', 0.5]] },
  daguan: { persons: 3_000, urban: 1_000, station: 'XILUODU', ethnicities: [['汉族', 92], ['苗族', 4], ['彝族', 3], ['回族', 1]] },
  ludian: { persons: 5_000, urban: 2_000, station: 'BAIHETAN', ethnicities: [['汉族', 78], ['回族', 17], ['彝族', 3], ['苗族', 2]] },
};
const COUNTY_KEYS = Object.keys(COUNTY_CODES) as CountyKey[];

/** Household sizes 1–7, mean ≈ 3.25. */
const SIZE_WEIGHTS: [number, number][] = [[1, 12], [2, 22], [3, 25], [4, 21], [5, 12], [6, 6], [7, 2]];
const MAX_SIZE = 7;

const NON_URBAN_MODES: [RelocationMode, number][] = [
  [RelocationMode.CENTRALISED, 60], [RelocationMode.SCATTERED, 22], [RelocationMode.WITH_RELATIVES, 12], [RelocationMode.OUT_MIGRATION, 6],
];

const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '157', '158', '159', '180', '181', '182', '183', '187', '188', '189', '191', '198', '199'];

// ── small helpers ────────────────────────────────────────────────────────────

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

const DAY_MS = 86_400_000;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC). */
const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** YYYY-MM-DD of a day number, without allocating a Date (H. Hinnant's civil_from_days). */
function isoOf(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Moves units between parts so that each lies in [min, max] and the total is unchanged. */
function fitWithin(parts: number[], min: readonly number[], max: readonly number[], what: string): number[] {
  const total = sum(parts);
  const fitted = parts.map((x, i) => clamp(x, min[i], max[i]));
  let diff = total - sum(fitted);
  for (let i = 0; diff !== 0 && i < fitted.length; i++) {
    const move = diff > 0 ? Math.min(diff, max[i] - fitted[i]) : -Math.min(-diff, fitted[i] - min[i]);
    fitted[i] += move;
    diff -= move;
  }
  if (diff !== 0) throw new RangeError(`cannot place ${what} at this scale`);
  return fitted;
}

/** Household sizes drawn from SIZE_WEIGHTS whose sum is exactly `persons`. */
function sizesForPersons(random: Random, persons: number): number[] {
  const sizes: number[] = [];
  let left = persons;
  while (left > 0) {
    const size = Math.min(left, random.weighted(SIZE_WEIGHTS));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/** Exactly `households` sizes (1–7 each) summing to exactly `persons`. */
function sizesForHouseholds(random: Random, households: number, persons: number, what: string): number[] {
  if (persons < households || persons > households * MAX_SIZE) {
    throw new RangeError(`${what}: ${persons} persons cannot fill ${households} households at this scale`);
  }
  const sizes = Array.from({ length: households }, () => random.weighted(SIZE_WEIGHTS));
  let diff = persons - sum(sizes);
  while (diff !== 0) {
    const i = random.int(0, households - 1);
    if (diff > 0 && sizes[i] < MAX_SIZE) { sizes[i]++; diff--; }
    else if (diff < 0 && sizes[i] > 1) { sizes[i]--; diff++; }
  }
  return sizes;
}

// ── household composition ───────────────────────────────────────────────────

interface MemberDraft {
  relation: Relation;
  sex: Sex;
  age: number; // at the end of REFERENCE_YEAR
  surname: string;
  ethnicity: string;
}

const opposite = (sex: Sex): Sex => (sex === Sex.MALE ? Sex.FEMALE : Sex.MALE);
const randomSex = (random: Random): Sex => (random.chance(0.51) ? Sex.MALE : Sex.FEMALE);

/**
 * Members of one household of `size` people with ages consistent with their relation:
 * parents at least 20 years older than their children, spouses close in age.
 */
function composeHousehold(random: Random, size: number, minHeadAge: number, ethnicityOf: () => string): MemberDraft[] {
  const ethnicity = ethnicityOf();
  const headSex = random.chance(0.82) ? Sex.MALE : Sex.FEMALE;
  const headAge = size === 1
    ? Math.max(random.int(Math.max(minHeadAge, 30), 80), random.int(Math.max(minHeadAge, 30), 80))
    : random.int(minHeadAge, size >= 5 ? 72 : 78);
  const headSurname = pickSurname(random, ethnicity);
  const members: MemberDraft[] = [{ relation: Relation.HEAD, sex: headSex, age: headAge, surname: headSurname, ethnicity }];
  let rest = size - 1;
  let familySurname = headSurname;
  let youngerParentAge = headAge;
  let married = false;

  if (rest > 0 && random.chance(size === 2 ? 0.75 : 0.9)) {
    const gap = random.int(0, 6);
    const age = clamp(headSex === Sex.MALE ? headAge - gap : headAge + gap, 20, 92);
    const spouseEthnicity = random.chance(0.9) ? ethnicity : ethnicityOf();
    const surname = pickSurname(random, spouseEthnicity);
    if (headSex === Sex.FEMALE) familySurname = surname;
    members.push({ relation: Relation.SPOUSE, sex: opposite(headSex), age, surname, ethnicity: spouseEthnicity });
    youngerParentAge = Math.min(headAge, age);
    married = true;
    rest--;
  }

  // Younger heads often live with their own parents.
  if (rest > 0 && headAge <= 55 && random.chance(0.3)) {
    const fatherAge = Math.min(95, headAge + random.int(24, 34));
    const motherAge = Math.max(headAge + 20, fatherAge - random.int(0, 4));
    if (rest >= 2 && random.chance(0.45)) {
      members.push({ relation: Relation.PARENT, sex: Sex.MALE, age: fatherAge, surname: headSurname, ethnicity });
      members.push({ relation: Relation.PARENT, sex: Sex.FEMALE, age: motherAge, surname: pickSurname(random, ethnicity), ethnicity });
      rest -= 2;
    } else if (random.chance(0.65)) {
      members.push({ relation: Relation.PARENT, sex: Sex.FEMALE, age: motherAge, surname: pickSurname(random, ethnicity), ethnicity });
      rest--;
    } else {
      members.push({ relation: Relation.PARENT, sex: Sex.MALE, age: fatherAge, surname: headSurname, ethnicity });
      rest--;
    }
  }

  // Older heads: a married adult child and grandchildren (three generations under one roof).
  if (rest >= 3 && youngerParentAge >= 46 && random.chance(0.65)) {
    const childAge = youngerParentAge - random.int(20, Math.min(32, youngerParentAge - 24));
    const childSex = random.chance(0.8) ? Sex.MALE : Sex.FEMALE;
    const gap = random.int(0, 4);
    const inLawAge = Math.max(20, childSex === Sex.MALE ? childAge - gap : childAge + gap);
    const inLawSurname = pickSurname(random, ethnicity);
    members.push({ relation: Relation.CHILD, sex: childSex, age: childAge, surname: familySurname, ethnicity });
    members.push({ relation: Relation.CHILD_IN_LAW, sex: opposite(childSex), age: inLawAge, surname: inLawSurname, ethnicity });
    rest -= 2;
    const grandSurname = childSex === Sex.MALE ? familySurname : inLawSurname;
    const youngest = Math.min(childAge, inLawAge);
    for (let n = Math.min(rest, random.int(1, 3)); n > 0; n--, rest--) {
      members.push({ relation: Relation.GRANDCHILD, sex: randomSex(random), age: random.int(0, youngest - 20), surname: grandSurname, ethnicity });
    }
  }

  // The rest: the head's children (or, for a young single head, siblings).
  while (rest > 0) {
    if (!married && headAge < 35 && random.chance(0.5)) {
      members.push({ relation: Relation.SIBLING, sex: randomSex(random), age: clamp(headAge + random.int(-10, 10), 8, 60), surname: headSurname, ethnicity });
    } else {
      const gap = random.int(20, 40);
      const age = youngerParentAge - gap >= 0 ? youngerParentAge - gap : random.int(0, youngerParentAge - 20);
      members.push({ relation: Relation.CHILD, sex: randomSex(random), age, surname: familySurname, ethnicity });
    }
    rest--;
  }
  return members;
}

// ── the plan: how many households of what size live where ───────────────────

interface HouseholdSlot {
  countyKey: CountyKey;
  community: CommunityInfo;
  urban: boolean;
  size: number;
}

function communitiesOf(countyKey: CountyKey, kind: CommunityInfo['kind'], exclude: readonly string[] = []): CommunityInfo[] {
  return COMMUNITIES.filter((c) => c.countyKey === countyKey && c.kind === kind && !exclude.includes(c.code));
}

/** Original (flooded) villages per county: where households came from. */
const ORIGINAL_VILLAGES = new Map(COUNTY_KEYS.map((k) => [k, communitiesOf(k, 'ORIGIN')]));

function community(code: string): CommunityInfo {
  const found = COMMUNITIES.find((c) => c.code === code);
  if (!found) throw new Error(`unknown community ${code}`);
  return found;
}

/** Picks a community for each household, weighted by its number of resident groups. */
function spread(random: Random, countyKey: CountyKey, pool: CommunityInfo[], urban: boolean, sizes: number[]): HouseholdSlot[] {
  const weighted = pool.map((c) => [c, c.groupCodes.length] as [CommunityInfo, number]);
  return sizes.map((size) => ({ countyKey, community: random.weighted(weighted), urban, size }));
}

function planHouseholds(random: Random, scale: number): Map<CountyKey, HouseholdSlot[]> {
  const figures = expectedFigures(scale);
  const special = figures.wenbi.persons + figures.qiujiayu.persons + figures.binjiang.persons;
  const persons = fitWithin(
    apportion(figures.prefecture.persons, COUNTY_KEYS.map((k) => COUNTY_PLAN[k].persons)),
    COUNTY_KEYS.map((k) => (k === 'qiaojia' ? special : 0)),
    COUNTY_KEYS.map(() => Infinity),
    'the three Qiaojia communities',
  );
  const urban = fitWithin(
    apportion(figures.prefecture.urbanisation, COUNTY_KEYS.map((k) => COUNTY_PLAN[k].urban)),
    COUNTY_KEYS.map((k) => (k === 'qiaojia' ? special : 0)),
    persons,
    'the urbanised persons',
  );

  const plan = new Map<CountyKey, HouseholdSlot[]>();
  COUNTY_KEYS.forEach((countyKey, i) => {
    const slots: HouseholdSlot[] = [];
    let urbanLeft = urban[i];
    if (countyKey === 'qiaojia') {
      const { wenbi, qiujiayu, binjiang } = figures;
      const place = (code: string, sizes: number[]) => sizes.forEach((size) => slots.push({ countyKey, community: community(code), urban: true, size }));
      place(DEMO_AREAS.wenbi, sizesForHouseholds(random, wenbi.households, wenbi.persons, '文笔社区'));
      place(DEMO_AREAS.binjiang, sizesForHouseholds(random, binjiang.households, binjiang.persons, '滨江社区'));
      place(DEMO_AREAS.qiujiayu, sizesForPersons(random, qiujiayu.persons));
      urbanLeft -= special;
    }
    const specialCodes = [DEMO_AREAS.wenbi, DEMO_AREAS.qiujiayu, DEMO_AREAS.binjiang];
    const urbanSlots = spread(random, countyKey, communitiesOf(countyKey, 'URBAN', specialCodes), true, sizesForPersons(random, urbanLeft));
    const ruralSlots = spread(random, countyKey, communitiesOf(countyKey, 'RURAL'), false, sizesForPersons(random, persons[i] - urban[i]));
    for (const slot of [...urbanSlots, ...ruralSlots]) slots.push(slot);
    plan.set(countyKey, random.shuffle(slots)); // registry numbers follow registration, not site
  });
  return plan;
}

// ── rows ─────────────────────────────────────────────────────────────────────

/** What later passes (production mode, vulnerability flags) need to know about a person. */
interface PersonFacts {
  age: number;
  urban: boolean;
  qiujiayu: boolean;
}

class Builder {
  readonly households: HouseholdRow[] = [];
  readonly persons: PersonRow[] = [];
  readonly facts: PersonFacts[] = [];
  private readonly idNumbers = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly moveStart = new Map<string, number>();

  constructor(private readonly random: Random) {}

  /** Households of one community move out together over a few months. */
  private relocationDay(station: StationSpec, communityCode: string): number {
    const first = dayOf(station.moves[0]);
    const last = dayOf(station.moves[1]);
    let start = this.moveStart.get(communityCode);
    if (start === undefined) {
      start = this.random.int(first, last - 240);
      this.moveStart.set(communityCode, start);
    }
    return Math.min(last, start + this.random.int(0, 240));
  }

  private idNumber(countyKey: CountyKey, birthDate: string, sex: Sex): string {
    const legacy = countyKey === 'shuifu' && birthDate < '2018-01-01' && this.random.chance(0.9);
    const areaCode = legacy ? SHUIFU_LEGACY_CODE : COUNTY_CODES[countyKey];
    for (;;) {
      const k = this.random.int(sex === Sex.MALE ? 0 : 1, 499);
      const idNumber = makeIdNumber(areaCode, birthDate, sex === Sex.MALE ? 2 * k + 1 : 2 * k);
      if (!this.idNumbers.has(idNumber)) {
        this.idNumbers.add(idNumber);
        return idNumber;
      }
    }
  }

  private phone(): string {
    for (;;) {
      const phone = this.random.pick(PHONE_PREFIXES) + String(this.random.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  private birthDate(age: number): string {
    const year = REFERENCE_YEAR - age;
    return isoOf(this.random.int(Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year, 11, 31) / DAY_MS));
  }

  addHousehold(slot: HouseholdSlot, sequence: number): void {
    const random = this.random;
    const plan = COUNTY_PLAN[slot.countyKey];
    const station = STATIONS.find((s) => s.id === plan.station)!;
    const countyCode = COUNTY_CODES[slot.countyKey];
    const registryNo = `${countyCode}-${station.registryCode}-${String(sequence).padStart(6, '0')}`;
    const householdId = stableUuid('household', registryNo);
    const areaCode = random.pick(slot.community.groupCodes);

    const relocatedDay = this.relocationDay(station, slot.community.code);
    const relocatedOn = isoOf(relocatedDay);
    const registeredOn = isoOf(relocatedDay - random.int(365, 3 * 365));
    const support = supportPeriod(relocatedOn);
    const relocationMode = slot.urban ? RelocationMode.URBANISATION : random.weighted(NON_URBAN_MODES);
    const minHeadAge = Math.max(25, REFERENCE_YEAR - Number(registeredOn.slice(0, 4)) + 18);

    const ethnicities = plan.ethnicities;
    const members = composeHousehold(random, slot.size, minHeadAge, () => random.weighted(ethnicities));
    const allowance = random.chance(0.04); // 低保 is granted per household
    let headId = '';
    for (const [index, m] of members.entries()) {
      const birthDate = this.birthDate(m.age);
      const idNumber = this.idNumber(slot.countyKey, birthDate, m.sex);
      // a pseudonymous key: from the household and the member's place in it, never from the ID
      // number (a key derived from it could be recomputed from each candidate number)
      const id = stableUuid('person', registryNo, String(index));
      if (m.relation === Relation.HEAD) headId = id;
      this.persons.push({
        id,
        household_id: householdId,
        area_code: areaCode,
        county_code: countyCode,
        name: m.surname + makeGivenName(random, m.sex, REFERENCE_YEAR - m.age),
        id_number: idNumber,
        sex: m.sex,
        birth_date: birthDate,
        ethnicity: m.ethnicity,
        relation: m.relation,
        phone: m.age >= 16 ? this.phone() : null,
        production_mode: ProductionMode.OTHER, // decided for the whole prefecture below
        left_behind_elderly: false,
        left_behind_child: false,
        disabled: false,
        minimum_living_allowance: allowance,
      });
      this.facts.push({ age: m.age, urban: slot.urban, qiujiayu: slot.community.code === DEMO_AREAS.qiujiayu });
    }

    this.households.push({
      id: householdId,
      registry_no: registryNo,
      station_id: station.id,
      original_area_code: random.pick(ORIGINAL_VILLAGES.get(slot.countyKey)!).code,
      area_code: areaCode,
      county_code: countyCode,
      relocation_mode: relocationMode,
      housing_mode: housingMode(random, slot.countyKey, relocationMode),
      head_id: headId,
      status: HouseholdStatus.RELOCATED,
      registered_on: registeredOn,
      relocated_on: relocatedOn,
      support_cohort: support.supportCohort!,
      support_start: support.supportStart!,
      support_end: support.supportEnd!,
    });
  }
}

function housingMode(random: Random, countyKey: CountyKey, mode: RelocationMode): HousingMode {
  if (mode === RelocationMode.URBANISATION) {
    // Suijiang's whole county seat was rebuilt by unified construction (floor-area swap).
    return countyKey === 'suijiang' || random.chance(0.9) ? HousingMode.UNIFIED : HousingMode.INFRASTRUCTURE_UNIFIED;
  }
  if (mode === RelocationMode.CENTRALISED) {
    return random.chance(0.8) ? HousingMode.INFRASTRUCTURE_UNIFIED : HousingMode.UNIFIED;
  }
  return HousingMode.SELF_BUILT;
}

const URBAN_LIVELIHOODS: [ProductionMode, number][] = [[ProductionMode.SELF_EMPLOYMENT, 55], [ProductionMode.OTHER, 30], [ProductionMode.AGRICULTURAL, 15]];
const RURAL_LIVELIHOODS: [ProductionMode, number][] = [[ProductionMode.AGRICULTURAL, 80], [ProductionMode.SELF_EMPLOYMENT, 10], [ProductionMode.OTHER, 10]];

/** Exactly round(115,800 × scale) people on annual compensation; the others by age and site. */
function assignProductionModes(random: Random, persons: PersonRow[], facts: PersonFacts[], annual: number): void {
  const keys = facts.map((f) => random.next() + (f.urban ? 0.15 : 0));
  const order = keys.map((_, i) => i).sort((a, b) => keys[b] - keys[a] || a - b);
  order.forEach((i, rank) => {
    const { age, urban } = facts[i];
    let mode: ProductionMode;
    if (rank < annual) mode = ProductionMode.ANNUAL_COMPENSATION;
    else if (age >= 60) mode = random.chance(0.8) ? ProductionMode.PENSION : ProductionMode.OTHER;
    else mode = random.weighted(urban ? URBAN_LIVELIHOODS : RURAL_LIVELIHOODS);
    persons[i].production_mode = mode;
  });
}

/** Flags exactly `count` of the eligible people (Qiujiayu's published counts). */
function flagExactly(random: Random, eligible: number[], count: number, flag: (i: number) => void, what: string): void {
  if (eligible.length < count) throw new RangeError(`邱家屿社区: only ${eligible.length} people can be ${what}, need ${count}`);
  random.shuffle(eligible).slice(0, count).forEach(flag);
}

function assignVulnerability(random: Random, persons: PersonRow[], facts: PersonFacts[], scale: number): void {
  const target = expectedFigures(scale).qiujiayu;
  const qiujiayu: number[] = [];
  facts.forEach((f, i) => {
    if (f.qiujiayu) {
      qiujiayu.push(i);
      return;
    }
    const p = persons[i];
    p.left_behind_elderly = f.age >= 60 && random.chance(0.01);
    p.left_behind_child = f.age < 16 && random.chance(0.015);
    p.disabled = random.chance(f.age >= 60 ? 0.04 : 0.015);
  });
  flagExactly(random, qiujiayu.filter((i) => facts[i].age >= 60), target.leftBehindElderly, (i) => { persons[i].left_behind_elderly = true; }, 'left-behind elderly');
  flagExactly(random, qiujiayu.filter((i) => facts[i].age < 16), target.leftBehindChildren, (i) => { persons[i].left_behind_child = true; }, 'left-behind children');
  flagExactly(random, [...qiujiayu], target.disabled, (i) => { persons[i].disabled = true; }, 'disabled');
}

/** The demo data set: the same options always give the same rows. */
export function generateDemoData(options: GenerateOptions = {}): DemoData {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  assertScale(scale);
  const random = new Random(seed);
  const plan = planHouseholds(random.fork('plan'), scale);

  const builder = new Builder(random.fork('households'));
  for (const countyKey of COUNTY_KEYS) {
    plan.get(countyKey)!.forEach((slot, i) => builder.addHousehold(slot, i + 1));
  }
  const { households, persons, facts } = builder;
  assignProductionModes(random.fork('production'), persons, facts, expectedFigures(scale).prefecture.annualCompensation);
  assignVulnerability(random.fork('vulnerability'), persons, facts, scale);

  const stations: StationRow[] = STATIONS.map(({ id, name, river, capacity_mw, affected_county_codes }) => ({
    id, name, river, capacity_mw, affected_county_codes: [...affected_county_codes],
  }));
  return { areas: areaRows(), stations, households, persons };
}
