import { Random, stableUuid } from '../../../platform/demo/random';
import type { RegistrySnapshot, SnapshotPerson } from '../../../platform/demo/registry-snapshot';
import {
  EmployerKind, EnrolmentStatus, LabourStatus, PlacementType, SelfEmploymentKind, TrainingCourseKind,
} from '../employment.enums';
import { expectedEmploymentFigures, FIGURE_YEAR } from './figures';
import { countyOf } from '../../../platform/domain/area-code';

/**
 * Deterministic employment demo rows built on the registry (the households generator's output
 * at the same scale): labour status of everyone aged 16–65 at the end of 2023, employers,
 * placements (current and past), training, and two years of household income surveys. Rows are
 * keyed by column name, ready for bulk insert.
 */

export const EMPLOYMENT_SEED = 530604;
export const SURVEY_YEARS = [2022, 2023];
/** Labour-status records cover these ages (at the end of FIGURE_YEAR), so working age can be set anywhere inside. */
const RECORD_AGES: [number, number] = [16, 65];
const WENBI = '文笔社区';
const QIUJIAYU = '邱家屿社区';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plain rows keyed by column name
type Row = Record<string, any>;
export interface EmploymentDemo {
  employer: Row[];
  labour_status: Row[];
  placement: Row[];
  training_course: Row[];
  training_session: Row[];
  training_enrolment: Row[];
  income_survey: Row[];
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const between = (random: Random, from: string, to: string) => isoOf(random.int(dayOf(from), dayOf(to)));
const ageAt = (p: SnapshotPerson, year: number) => year - Number(p.birth_date.slice(0, 4));

function normal(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

const WORKSHOP_SECTORS = ['民族服饰', '环保包装', '新材料', '农产品加工', '电子组装'];
const ENTERPRISES: [string, string][] = [['金沙建材有限公司', '建材'], ['绿源农业开发有限公司', '农业'], ['江畔物流有限公司', '物流'], ['鑫达水泥有限公司', '建材'], ['云岭酒店管理有限公司', '住宿餐饮'], ['高原蔬菜供应链有限公司', '农产品']];
const COOPERATIVES: [string, string][] = [['花椒种植专业合作社', '种植'], ['生猪养殖专业合作社', '养殖'], ['核桃产销专业合作社', '种植']];
const COURSES: Record<TrainingCourseKind, [string, number, string][]> = {
  [TrainingCourseKind.PRACTICAL_TECHNOLOGY]: [['花椒栽培管理', 40, '县农业农村局'], ['核桃提质增效', 32, '县林业和草原局'], ['畜禽规模养殖', 40, '县畜牧技术推广站'], ['高原特色蔬菜种植', 32, '县农业技术推广中心']],
  [TrainingCourseKind.VOCATIONAL_SKILL]: [['中式烹调师', 120, '县职业技能培训中心'], ['家政服务员', 80, '县职业技能培训中心'], ['电工', 160, '县人力资源服务中心'], ['电商直播', 60, '县电子商务公共服务中心']],
  [TrainingCourseKind.VOCATIONAL_EDUCATION]: [['汽车运用与维修（中职）', 2400, '县职业高级中学']],
};
const WAGES: Record<PlacementType, [number, number]> = {
  [PlacementType.PUBLIC_WELFARE_POST]: [800, 1_500],
  [PlacementType.ASSISTANCE_WORKSHOP]: [1_800, 3_200],
  [PlacementType.LOCAL_ENTERPRISE]: [2_500, 4_500],
  [PlacementType.LABOUR_EXPORT]: [4_000, 7_500],
  [PlacementType.SELF_EMPLOYED]: [2_000, 6_000],
};
const DESTINATIONS: [string, number][] = [['浙江', 30], ['广东', 25], ['江苏', 15], ['福建', 10], ['上海', 5], ['四川', 5], ['云南', 0], ['重庆', 5], ['山东', 5]];

export function generateEmploymentDemo(registry: RegistrySnapshot, options: { scale: number; seed?: number }): EmploymentDemo {
  const targets = expectedEmploymentFigures(options.scale);
  const root = new Random(options.seed ?? EMPLOYMENT_SEED);
  const communityCode = (name: string) => {
    const found = registry.areas.find((a) => a.level === 'COMMUNITY' && a.name === name);
    if (!found) throw new Error(`the registry has no ${name}`);
    return found.code;
  };
  const wenbi = communityCode(WENBI);
  const qiujiayu = communityCode(QIUJIAYU);
  const areaName = new Map(registry.areas.map((a) => [a.code, a.name]));
  const out: EmploymentDemo = { employer: [], labour_status: [], placement: [], training_course: [], training_session: [], training_enrolment: [], income_survey: [] };

  // ── employers: a workshop and a community committee in every community with residents; enterprises and cooperatives per county
  const employers = createEmployers(root.fork('employers'), registry, areaName, out);

  // ── labour status
  const random = root.fork('labour');
  const household = new Map(registry.households.map((h) => [h.id, h]));
  const recorded: { person: SnapshotPerson; row: Row }[] = [];
  for (const p of registry.persons) {
    const age = ageAt(p, FIGURE_YEAR);
    if (age < RECORD_AGES[0] || age > RECORD_AGES[1]) continue;
    const community = p.area_code.slice(0, 12);
    const rate = community === wenbi ? 0.9 : community === qiujiayu ? 0.88 : 0.82;
    let status: LabourStatus;
    if (age > 60) status = random.weighted([[LabourStatus.RETIRED, 75], [LabourStatus.EMPLOYED, 20], [LabourStatus.UNEMPLOYED_SEEKING, 5]]);
    else if (p.disabled && random.chance(0.85)) status = LabourStatus.DISABLED;
    else if (age <= 18 && random.chance(0.85)) status = LabourStatus.STUDENT;
    else if (age <= 22 && random.chance(0.45)) status = LabourStatus.STUDENT;
    else if (p.sex === 'FEMALE' && age >= 25 && age <= 50 && random.chance(0.07)) status = LabourStatus.CARING;
    else if (age >= 55 && random.chance(0.2)) status = LabourStatus.RETIRED;
    else status = random.chance(rate) ? LabourStatus.EMPLOYED : LabourStatus.UNEMPLOYED_SEEKING;
    const row: Row = {
      id: stableUuid('labour-status', p.id), person_id: p.id, household_id: p.household_id, area_code: p.area_code, county_code: p.county_code,
      birth_date: p.birth_date, status, verified_on: between(random, '2023-09-01', '2023-12-31'), note: null,
    };
    recorded.push({ person: p, row });
  }
  // Wenbi's published rate (> 85 %) holds at every scale: move seekers into work until it is at least 88 %
  const wenbiForce = recorded.filter((r) => r.person.area_code.startsWith(wenbi) && ageAt(r.person, FIGURE_YEAR) <= 60 && [LabourStatus.EMPLOYED, LabourStatus.UNEMPLOYED_SEEKING].includes(r.row.status as LabourStatus));
  let wenbiEmployed = wenbiForce.filter((r) => r.row.status === LabourStatus.EMPLOYED).length;
  for (const r of wenbiForce) {
    if (wenbiEmployed >= Math.ceil(0.88 * wenbiForce.length)) break;
    if (r.row.status === LabourStatus.UNEMPLOYED_SEEKING) (r.row.status = LabourStatus.EMPLOYED), wenbiEmployed++;
  }
  out.labour_status = recorded.map((r) => r.row);

  // ── placements
  createPlacements(root.fork('placements'), recorded, employers, targets.prefecture.publicWelfarePostsFilled, out);

  // ── training
  const trainable = recorded.filter((r) => r.row.status !== LabourStatus.DISABLED && ageAt(r.person, FIGURE_YEAR) <= 58);
  createTraining(root.fork('training'), trainable.map((r) => r.person), registry, targets.prefecture, out);

  // ── income surveys
  createIncomeSurveys(root.fork('income'), registry, household, wenbi, qiujiayu, recorded, out);
  return out;
}

interface EmployerIndex {
  workshop: Map<string, string>; // community → employer id
  committee: Map<string, string>;
  local: Map<string, string[]>; // county → enterprises and cooperatives
}

function createEmployers(random: Random, registry: RegistrySnapshot, areaName: Map<string, string>, out: EmploymentDemo): EmployerIndex {
  const index: EmployerIndex = { workshop: new Map(), committee: new Map(), local: new Map() };
  const communities = [...new Set(registry.households.map((h) => h.area_code.slice(0, 12)))].sort();
  const phone = () => `0870-${random.int(2_000_000, 8_999_999)}`;
  const contact = () => random.pick(['张', '李', '王', '陈', '杨', '刘', '赵', '黄']) + random.pick(['主任', '经理', '师傅', '会计']);
  for (const code of communities) {
    const name = areaName.get(code) ?? code;
    const sector = random.pick(WORKSHOP_SECTORS);
    const workshop = { id: stableUuid('employer', code, 'workshop'), name: `${name}${sector}帮扶车间`, kind: EmployerKind.ASSISTANCE_WORKSHOP, sector, area_code: code, county_code: countyOf(code), contact_name: contact(), contact_phone: phone() };
    const committee = { id: stableUuid('employer', code, 'committee'), name: `${name}居民委员会`, kind: EmployerKind.PUBLIC_BODY, sector: '社区公共服务', area_code: code, county_code: countyOf(code), contact_name: contact(), contact_phone: phone() };
    out.employer.push(workshop, committee);
    index.workshop.set(code, workshop.id);
    index.committee.set(code, committee.id);
  }
  const counties = registry.areas.filter((a) => a.level === 'COUNTY').map((a) => a.code).sort();
  for (const county of counties) {
    const prefix = (areaName.get(county) ?? '').replace(/[县市区]$/, '');
    const ids: string[] = [];
    for (const [kind, list] of [[EmployerKind.ENTERPRISE, ENTERPRISES], [EmployerKind.COOPERATIVE, COOPERATIVES]] as const) {
      for (const [name, sector] of list) {
        const id = stableUuid('employer', county, name);
        out.employer.push({ id, name: `${prefix}${name}`, kind, sector, area_code: county, county_code: county, contact_name: contact(), contact_phone: phone() });
        ids.push(id);
      }
    }
    index.local.set(county, ids);
  }
  return index;
}

function placementRow(random: Random, p: SnapshotPerson, type: PlacementType, employers: EmployerIndex, start: string, end: string | null, seq: number): Row {
  const community = p.area_code.slice(0, 12);
  const employer =
    type === PlacementType.ASSISTANCE_WORKSHOP ? employers.workshop.get(community)! :
    type === PlacementType.PUBLIC_WELFARE_POST ? employers.committee.get(community)! :
    type === PlacementType.LOCAL_ENTERPRISE ? random.pick(employers.local.get(p.county_code)!) : null;
  const [lo, hi] = WAGES[type];
  return {
    id: stableUuid('placement', p.id, String(seq)), person_id: p.id, household_id: p.household_id, area_code: p.area_code, county_code: p.county_code,
    type, employer_id: employer,
    destination_province: type === PlacementType.LABOUR_EXPORT ? random.weighted(DESTINATIONS.filter(([, w]) => w > 0)) : null,
    self_employment_kind: type === PlacementType.SELF_EMPLOYED ? random.weighted([[SelfEmploymentKind.RESTAURANT, 30], [SelfEmploymentKind.BED_AND_BREAKFAST, 15], [SelfEmploymentKind.E_COMMERCE, 25], [SelfEmploymentKind.SHOP, 15], [SelfEmploymentKind.TRANSPORT, 10], [SelfEmploymentKind.OTHER, 5]]) : null,
    full_time: true, start_date: start, end_date: end, monthly_wage: Math.round(random.int(lo, hi) / 10) * 10,
    end_reason: end ? random.pick(['合同期满', '返乡', '转岗', '家庭原因']) : null,
  };
}

function createPlacements(random: Random, recorded: { person: SnapshotPerson; row: Row }[], employers: EmployerIndex, posts: number, out: EmploymentDemo): void {
  const employed = recorded.filter((r) => r.row.status === LabourStatus.EMPLOYED).map((r) => r.person);
  if (employed.length < posts) throw new RangeError(`only ${employed.length} employed persons for ${posts} public-welfare posts`);
  // public-welfare posts go first to the older employed (40+), as the posts are meant for them
  const older = random.shuffle(employed.filter((p) => ageAt(p, FIGURE_YEAR) >= 40));
  const younger = random.shuffle(employed.filter((p) => ageAt(p, FIGURE_YEAR) < 40));
  const postHolders = new Set([...older, ...younger].slice(0, posts).map((p) => p.id));
  for (const p of employed) {
    const type = postHolders.has(p.id)
      ? PlacementType.PUBLIC_WELFARE_POST
      : random.weighted([[PlacementType.LABOUR_EXPORT, 35], [PlacementType.LOCAL_ENTERPRISE, 25], [PlacementType.ASSISTANCE_WORKSHOP, 20], [PlacementType.SELF_EMPLOYED, 20]]);
    const start = between(random, '2019-01-01', '2023-11-30');
    out.placement.push(placementRow(random, p, type, employers, start, null, 1));
    if (random.chance(0.25)) {
      const end = isoOf(dayOf(start) - random.int(1, 60));
      const pastType = random.weighted([[PlacementType.LABOUR_EXPORT, 45], [PlacementType.LOCAL_ENTERPRISE, 30], [PlacementType.ASSISTANCE_WORKSHOP, 25]]);
      out.placement.push(placementRow(random, p, pastType, employers, isoOf(dayOf(end) - random.int(90, 1_000)), end, 0));
    }
  }
  for (const r of recorded) {
    if (r.row.status !== LabourStatus.UNEMPLOYED_SEEKING || !random.chance(0.3)) continue;
    const end = between(random, '2023-01-01', '2023-10-31');
    out.placement.push(placementRow(random, r.person, random.pick([PlacementType.LABOUR_EXPORT, PlacementType.LOCAL_ENTERPRISE]), employers, isoOf(dayOf(end) - random.int(90, 700)), end, 0));
  }
}

function createTraining(random: Random, trainable: SnapshotPerson[], registry: RegistrySnapshot, targets: { trainingPersonTimes: number; vocationalEducation: number }, out: EmploymentDemo): void {
  const counties = registry.areas.filter((a) => a.level === 'COUNTY').map((a) => a.code).sort();
  const countyName = new Map(registry.areas.map((a) => [a.code, a.name]));
  interface CourseState { id: string; kind: TrainingCourseKind; county: string; hours: number; sessions: { id: string; starts: string; ends: string; members: Set<string> }[] }
  const courses = new Map<string, CourseState[]>(); // county|kind → courses
  for (const county of counties) {
    for (const kind of Object.values(TrainingCourseKind)) {
      const list = COURSES[kind].map(([name, hours, provider]) => {
        const id = stableUuid('course', county, name);
        out.training_course.push({ id, name, kind, provider: `${(countyName.get(county) ?? '').replace(/[县市区]$/, '')}${provider}`, hours, area_code: county, county_code: county });
        return { id, kind, county, hours, sessions: [] };
      });
      courses.set(`${county}|${kind}`, list);
    }
  }
  const capacity = (kind: TrainingCourseKind) => (kind === TrainingCourseKind.VOCATIONAL_EDUCATION ? 45 : 50);
  const young = trainable.filter((p) => ageAt(p, FIGURE_YEAR) <= 22);
  let certificate = 0;
  const enrol = (kind: TrainingCourseKind, pool: SnapshotPerson[], total: number) => {
    if (!pool.length && total) throw new RangeError(`nobody to enrol in ${kind}`);
    for (let n = 0; n < total; n++) {
      const person = random.pick(pool);
      const course = random.pick(courses.get(`${person.county_code}|${kind}`)!);
      let session = course.sessions[course.sessions.length - 1];
      if (!session || session.members.size >= capacity(kind) || session.members.has(person.id)) {
        const starts = kind === TrainingCourseKind.VOCATIONAL_EDUCATION ? `${random.int(2021, 2023)}-09-01` : between(random, '2021-02-01', '2023-11-15');
        const ends = kind === TrainingCourseKind.VOCATIONAL_EDUCATION ? isoOf(dayOf(starts) + 3 * 365 - 60) : isoOf(dayOf(starts) + Math.ceil(course.hours / 8) + random.int(0, 5));
        session = { id: stableUuid('session', course.id, String(course.sessions.length)), starts, ends, members: new Set() };
        course.sessions.push(session);
        out.training_session.push({ id: session.id, course_id: course.id, area_code: course.county, county_code: course.county, starts_on: starts, ends_on: ends, venue: `${countyName.get(course.county)}培训基地`, capacity: capacity(kind) });
      }
      session.members.add(person.id);
      const finished = session.ends <= `${FIGURE_YEAR}-12-31`;
      const status = !finished ? EnrolmentStatus.ENROLLED : random.chance(0.92) ? EnrolmentStatus.COMPLETED : EnrolmentStatus.DROPPED;
      const certified = status === EnrolmentStatus.COMPLETED && kind !== TrainingCourseKind.PRACTICAL_TECHNOLOGY;
      out.training_enrolment.push({
        id: stableUuid('enrolment', session.id, person.id), session_id: session.id, course_id: course.id, course_kind: kind, person_id: person.id,
        household_id: person.household_id, area_code: person.area_code, county_code: person.county_code, status,
        enrolled_on: isoOf(dayOf(session.starts) - random.int(1, 14)), completed_on: status === EnrolmentStatus.COMPLETED ? session.ends : null,
        certificate_no: certified ? `ZT${session.ends.slice(0, 4)}${String(++certificate).padStart(6, '0')}` : null,
      });
    }
  };
  const skills = targets.trainingPersonTimes;
  const practical = Math.round(skills * 0.55);
  enrol(TrainingCourseKind.PRACTICAL_TECHNOLOGY, trainable, practical);
  enrol(TrainingCourseKind.VOCATIONAL_SKILL, trainable, skills - practical);
  enrol(TrainingCourseKind.VOCATIONAL_EDUCATION, young, targets.vocationalEducation);
}

function createIncomeSurveys(
  random: Random, registry: RegistrySnapshot, household: Map<string, RegistrySnapshot['households'][number]>, wenbi: string, qiujiayu: string,
  recorded: { person: SnapshotPerson; row: Row }[], out: EmploymentDemo,
): void {
  const size = new Map<string, number>();
  for (const p of registry.persons) size.set(p.household_id, (size.get(p.household_id) ?? 0) + 1);
  const employed = new Map<string, number>();
  for (const r of recorded) if (r.row.status === LabourStatus.EMPLOYED) employed.set(r.person.household_id, (employed.get(r.person.household_id) ?? 0) + 1);
  const latest: { row: Row; community: string }[] = [];
  for (const h of registry.households) {
    const members = size.get(h.id) ?? 0;
    if (!members) continue;
    const community = h.area_code.slice(0, 12);
    const base = community === wenbi ? 15_000 : community === qiujiayu ? 11_900 : h.relocation_mode === 'URBANISATION' ? 12_600 : 10_400;
    const working = (employed.get(h.id) ?? 0) / members;
    const pc2023 = Math.max(3_000, Math.round(base * (0.8 + 0.4 * working) * Math.exp(0.22 * normal(random))));
    const growth = 1.05 + 0.04 * random.next();
    for (const year of SURVEY_YEARS) {
      const pc = year === FIGURE_YEAR ? pc2023 : Math.round(pc2023 / growth ** (FIGURE_YEAR - year));
      const row: Row = {
        id: stableUuid('income', h.id, String(year)), household_id: h.id, area_code: h.area_code, county_code: h.county_code, year, household_size: members,
        net_income: pc * members, per_capita_net_income: pc, surveyed_on: between(random, `${year + 1}-01-05`, `${year + 1}-03-31`),
      };
      out.income_survey.push(row);
      if (year === FIGURE_YEAR) latest.push({ row, community });
    }
  }
  // Wenbi's 2023 figure is ≈ 15,000 (rounded mean exactly 15,000), Qiujiayu's above 11,000, at every scale
  calibrate(latest.filter((l) => l.community === wenbi).map((l) => l.row), (mean) => Math.round(15_000 - mean));
  calibrate(latest.filter((l) => l.community === qiujiayu).map((l) => l.row), (mean) => (mean > 11_300 ? 0 : Math.round(11_800 - mean)));
}

/** Shifts every household's per-capita income by the same whole number of yuan: the member-weighted mean moves by exactly that. */
function calibrate(rows: Row[], shiftFor: (mean: number) => number): void {
  if (!rows.length) return;
  const members = rows.reduce((s, r) => s + (r.household_size as number), 0);
  const mean = rows.reduce((s, r) => s + (r.net_income as number), 0) / members;
  const shift = shiftFor(mean);
  for (const r of rows) {
    const pc = (r.per_capita_net_income as number) + shift;
    r.per_capita_net_income = pc;
    r.net_income = pc * (r.household_size as number);
  }
}

