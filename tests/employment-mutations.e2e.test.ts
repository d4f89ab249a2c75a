import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { generateEmploymentDemo, type EmploymentDemo } from '../subgraphs/employment/demo/generator';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture, qiaojia, suijiang, analyst } = DEMO_IDENTITIES;
const SCALE = 0.005;

const START = `mutation ($input: StartPlacementInput!) { startPlacement(input: $input) { id type startDate current employer { kind } } }`;
const END = `mutation ($input: EndPlacementInput!) { endPlacement(input: $input) { id endDate current } }`;
const CHECK = `mutation ($input: RecordLabourStatusInput!) { recordLabourStatusCheck(input: $input) { status verifiedOn areaCode } }`;
const SURVEY = `mutation ($input: RecordIncomeSurveyInput!) { recordIncomeSurvey(input: $input) { year perCapitaNetIncome areaCode } }`;
const COURSE = `mutation ($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id kind sessions { id capacity } } }`;
const ENROL = `mutation ($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id status courseKind } }`;
const COMPLETE = `mutation ($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) { status completedOn certificateNo } }`;

describe.each(engines("conflicts: the driver's unique violations become CONFLICT"))('employment mutations (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let demo: EmploymentDemo;
  let seeker: Record<string, any>; // a Qiaojia person without a current placement
  let workshop: Record<string, any>;

  async function counts() {
    const res = await env.query(prefecture, '{ placements { totalCount } labourStatuses { totalCount } incomeSurveys { totalCount } trainingCourses { totalCount } trainingEnrolments { totalCount } employers { totalCount } }');
    return Object.fromEntries(Object.entries(res.data).map(([k, v]: [string, any]) => [k, v.totalCount]));
  }

  /** Sends a mutation that must fail with `code` on `field`, and checks nothing was written. */
  async function refuses(as: typeof qiaojia, mutation: string, input: Record<string, unknown>, code: string, field?: string) {
    const before = await counts();
    const res = await env.query(as, mutation, { input });
    expect(res.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
    if (code === 'BAD_USER_INPUT') expect(res.errors?.[0].message).toMatch(/[\u4e00-\u9fff].* · [A-Za-z]/);
    expect(await counts()).toEqual(before);
  }

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, SCALE, ['households', 'employment']));
    demo = generateEmploymentDemo(data, { scale: SCALE });
    const placed = new Set(demo.placement.filter((p) => !p.end_date).map((p) => p.person_id));
    seeker = demo.labour_status.find((r) => r.county_code === DEMO_AREAS.qiaojia && !placed.has(r.person_id) && r.status === 'UNEMPLOYED_SEEKING')!;
    workshop = demo.employer.find((e) => e.kind === 'ASSISTANCE_WORKSHOP' && e.county_code === DEMO_AREAS.qiaojia)!;
  });
  afterAll(() => env?.close());

  it('starts a placement (status becomes EMPLOYED), refuses an overlapping one, and ends it', async () => {
    const input = { personId: seeker.person_id, type: 'ASSISTANCE_WORKSHOP', employerId: workshop.id, startDate: '2024-03-01', monthlyWage: 2600 };
    const res = await env.query(qiaojia, START, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.startPlacement).toMatchObject({ type: 'ASSISTANCE_WORKSHOP', startDate: '2024-03-01', current: true, employer: { kind: 'ASSISTANCE_WORKSHOP' } });
    const person = await env.query(qiaojia, 'query ($id: ID!) { person(id: $id) { labourStatus { status } currentPlacement { id } } }', { id: seeker.person_id });
    expect(person.data.person).toEqual({ labourStatus: { status: 'EMPLOYED' }, currentPlacement: { id: res.data.startPlacement.id } });
    await refuses(qiaojia, START, { ...input, type: 'LABOUR_EXPORT', employerId: null, destinationProvince: '浙江', startDate: '2024-05-01' }, 'CONFLICT', 'input.startDate');
    await refuses(qiaojia, END, { placementId: res.data.startPlacement.id, endDate: '2024-02-01' }, 'BAD_USER_INPUT', 'input.endDate');
    const ended = await env.query(qiaojia, END, { input: { placementId: res.data.startPlacement.id, endDate: '2024-06-30', reason: '合同期满' } });
    expect(ended.data.endPlacement).toMatchObject({ endDate: '2024-06-30', current: false });
    await refuses(qiaojia, END, { placementId: res.data.startPlacement.id, endDate: '2024-07-30' }, 'CONFLICT', 'input.placementId');
    const next = await env.query(qiaojia, START, { input: { ...input, type: 'LABOUR_EXPORT', employerId: null, destinationProvince: '浙江', startDate: '2024-07-01' } });
    expect(next.errors).toBeUndefined();
  });

  it.each([
    ['labour export without a province', { type: 'LABOUR_EXPORT' }, 'input.destinationProvince'],
    ['an unknown province', { type: 'LABOUR_EXPORT', destinationProvince: '火星' }, 'input.destinationProvince'],
    ['a workshop without an employer', { type: 'ASSISTANCE_WORKSHOP' }, 'input.employerId'],
    ['self-employment without its kind', { type: 'SELF_EMPLOYED' }, 'input.selfEmploymentKind'],
    ['a start date that is not a date', { type: 'SELF_EMPLOYED', selfEmploymentKind: 'RESTAURANT', startDate: '2024-02-30' }, 'input.startDate'],
    ['a negative wage', { type: 'SELF_EMPLOYED', selfEmploymentKind: 'E_COMMERCE', monthlyWage: -5 }, 'input.monthlyWage'],
    ['a malformed person id', { type: 'SELF_EMPLOYED', selfEmploymentKind: 'SHOP', personId: '42' }, 'input.personId'],
  ])('refuses a placement with %s (BAD_USER_INPUT, nothing written)', async (_label, spoil, field) => {
    await refuses(qiaojia, START, { personId: seeker.person_id, startDate: '2024-01-10', ...spoil }, 'BAD_USER_INPUT', field);
  });

  it('refuses the wrong kind of employer for the placement type', async () => {
    const committee = demo.employer.find((e) => e.kind === 'PUBLIC_BODY' && e.county_code === DEMO_AREAS.qiaojia)!;
    await refuses(qiaojia, START, { personId: seeker.person_id, type: 'LOCAL_ENTERPRISE', employerId: committee.id, startDate: '2024-01-10' }, 'BAD_USER_INPUT', 'input.employerId');
  });

  it('refuses analysts’ writes and writes outside the jurisdiction (FORBIDDEN)', async () => {
    await refuses(analyst, START, { personId: seeker.person_id, type: 'SELF_EMPLOYED', selfEmploymentKind: 'SHOP', startDate: '2024-01-10' }, 'FORBIDDEN');
    await refuses(suijiang, START, { personId: seeker.person_id, type: 'SELF_EMPLOYED', selfEmploymentKind: 'SHOP', startDate: '2024-01-10' }, 'FORBIDDEN');
    await refuses(suijiang, CHECK, { personId: seeker.person_id, status: 'STUDENT', verifiedOn: '2024-01-10' }, 'FORBIDDEN');
  });

  it('records labour-status checks: first check needs the registry facts, later ones only the person', async () => {
    const person = data.persons.find((p) => p.county_code === DEMO_AREAS.qiaojia && !demo.labour_status.some((r) => r.person_id === p.id) && Number(p.birth_date.slice(0, 4)) < 2006)
      ?? data.persons.find((p) => p.county_code === DEMO_AREAS.qiaojia && Number(p.birth_date.slice(0, 4)) <= 2007 && !demo.labour_status.some((r) => r.person_id === p.id))!;
    const child = data.persons.find((p) => p.county_code === DEMO_AREAS.qiaojia && p.birth_date >= '2012-01-01' && !demo.labour_status.some((r) => r.person_id === p.id))!;
    const first = { personId: person.id, status: 'UNEMPLOYED_SEEKING', verifiedOn: '2024-04-01' };
    // household, group and birth date are the registry's: the caller sends only the person
    await refuses(qiaojia, CHECK, { ...first, personId: child.id }, 'BAD_USER_INPUT', 'input.personId');
    await refuses(qiaojia, CHECK, { ...first, personId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.personId');
    await refuses(qiaojia, CHECK, { ...first, verifiedOn: 'yesterday' }, 'BAD_USER_INPUT', 'input.verifiedOn');
    const res = await env.query(qiaojia, CHECK, { input: first });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordLabourStatusCheck).toEqual({ status: 'UNEMPLOYED_SEEKING', verifiedOn: '2024-04-01', areaCode: person.area_code });
    await refuses(qiaojia, CHECK, { personId: person.id, status: 'EMPLOYED', verifiedOn: '2024-03-01' }, 'BAD_USER_INPUT', 'input.verifiedOn');
    const later = await env.query(qiaojia, CHECK, { input: { personId: person.id, status: 'STUDENT', verifiedOn: '2024-05-01' } });
    expect(later.data.recordLabourStatusCheck.status).toBe('STUDENT');
  });

  it('records an income survey once per household and year', async () => {
    const survey = demo.income_survey.find((s) => s.county_code === DEMO_AREAS.qiaojia)!;
    const input = { householdId: survey.household_id, year: 2024, householdSize: 3, netIncome: 45_000, surveyedOn: '2025-01-15' };
    await refuses(qiaojia, SURVEY, { ...input, householdSize: 0 }, 'BAD_USER_INPUT', 'input.householdSize');
    await refuses(qiaojia, SURVEY, { ...input, surveyedOn: '2023-12-01' }, 'BAD_USER_INPUT', 'input.surveyedOn');
    await refuses(qiaojia, SURVEY, { ...input, year: 2023 }, 'CONFLICT', 'input.year');
    await refuses(suijiang, SURVEY, input, 'FORBIDDEN');
    const res = await env.query(qiaojia, SURVEY, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.recordIncomeSurvey).toEqual({ year: 2024, perCapitaNetIncome: 15_000, areaCode: survey.area_code });
  });

  it('creates a course with sessions, enrols a person once, and records completion once', async () => {
    const course = { name: '民族服饰制作', kind: 'VOCATIONAL_SKILL', provider: '巧家县职业技能培训中心', hours: 80, areaCode: DEMO_AREAS.qiaojia, sessions: [{ startsOn: '2024-03-01', endsOn: '2024-03-15', venue: '文笔社区活动室', capacity: 1 }] };
    await refuses(qiaojia, COURSE, { ...course, hours: 0 }, 'BAD_USER_INPUT', 'input.hours');
    await refuses(qiaojia, COURSE, { ...course, sessions: [{ ...course.sessions[0], endsOn: '2024-02-01' }] }, 'BAD_USER_INPUT', 'input.sessions[0].endsOn');
    await refuses(qiaojia, COURSE, { ...course, areaCode: DEMO_AREAS.suijiang }, 'FORBIDDEN');
    const created = await env.query(qiaojia, COURSE, { input: course });
    expect(created.errors).toBeUndefined();
    const sessionId = created.data.createTrainingCourse.sessions[0].id;
    const trainees = demo.labour_status.filter((r) => r.county_code === DEMO_AREAS.qiaojia).slice(0, 2);
    const enrolled = await env.query(qiaojia, ENROL, { input: { sessionId, personId: trainees[0].person_id, enrolledOn: '2024-02-20' } });
    expect(enrolled.data.enrolTrainee).toMatchObject({ status: 'ENROLLED', courseKind: 'VOCATIONAL_SKILL' });
    await refuses(qiaojia, ENROL, { sessionId, personId: trainees[0].person_id, enrolledOn: '2024-02-20' }, 'CONFLICT', 'input.personId');
    await refuses(qiaojia, ENROL, { sessionId, personId: trainees[1].person_id, enrolledOn: '2024-02-20' }, 'CONFLICT', 'input.sessionId');
    const enrolmentId = enrolled.data.enrolTrainee.id;
    await refuses(qiaojia, COMPLETE, { enrolmentId, on: '2024-02-01' }, 'BAD_USER_INPUT', 'input.on');
    await refuses(qiaojia, COMPLETE, { enrolmentId, completed: false, on: '2024-03-05', certificateNo: 'X1' }, 'BAD_USER_INPUT', 'input.certificateNo');
    const done = await env.query(qiaojia, COMPLETE, { input: { enrolmentId, on: '2024-03-15', certificateNo: 'ZT2024000001' } });
    expect(done.data.recordTrainingCompletion).toEqual({ status: 'COMPLETED', completedOn: '2024-03-15', certificateNo: 'ZT2024000001' });
    await refuses(qiaojia, COMPLETE, { enrolmentId, on: '2024-03-16' }, 'CONFLICT', 'input.enrolmentId');
  });
});
