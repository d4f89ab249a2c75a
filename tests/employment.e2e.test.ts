import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { DEMO_AREAS } from '../subgraphs/households/demo/geography';
import type { DemoData } from '../subgraphs/households/demo/rows';
import { generateEmploymentDemo, type EmploymentDemo } from '../subgraphs/employment/demo/generator';
import { engines, type TestEnvironment } from './environment';
import { startPlatform } from './platform';

const { prefecture, qiaojia, suijiang, wenbi } = DEMO_IDENTITIES;
const SCALE = 0.01;

describe.each(engines())('employment subgraph through the gateway (%s)', (engine) => {
  let env: TestEnvironment;
  let data: DemoData;
  let demo: EmploymentDemo;
  const inCounty = (county: string) => (r: Record<string, any>) => r.county_code === county;

  beforeAll(async () => {
    ({ env, data } = await startPlatform(engine, SCALE, ['households', 'employment']));
    demo = generateEmploymentDemo(data, { scale: SCALE });
  });
  afterAll(() => env?.close());

  /** Statements the employment subgraph runs for one request through the gateway. */
  async function statementsFor(query: string, variables?: Record<string, unknown>): Promise<number> {
    const before = env.statements('employment');
    const res = await env.query(prefecture, query, variables);
    expect(res.errors).toBeUndefined();
    return env.statements('employment') - before;
  }

  it('answers, in one request, a community’s households, members, their labour status and placement, and the community’s indicators', async () => {
    const res = await env.query(wenbi, `query ($code: String!) {
      area(code: $code) { name employmentIndicators(year: 2023) { workingAgePopulation labourForce employed employmentRate publicWelfarePostsFilled householdsSurveyed meanPerCapitaNetIncome medianPerCapitaNetIncome } }
      households(first: 200, filter: { areaCode: $code }) { totalCount nodes { id registryNo incomes { year perCapitaNetIncome }
        members { id name labourStatus { status verifiedOn } currentPlacement { type startDate monthlyWage employer { name kind } } } } }
    }`, { code: DEMO_AREAS.wenbi });
    expect(res.errors).toBeUndefined();
    const { area, households } = res.data;
    expect(area.name).toBe('文笔社区');
    const statusOf = new Map(demo.labour_status.map((r) => [r.person_id, r.status]));
    const members = households.nodes.flatMap((h: any) => h.members);
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) expect(m.labourStatus?.status ?? null).toBe(statusOf.get(m.id) ?? null);
    const employed = members.filter((m: any) => m.labourStatus?.status === 'EMPLOYED');
    expect(employed.length).toBeGreaterThan(0);
    expect(employed.every((m: any) => m.currentPlacement !== null)).toBe(true);
    expect(households.nodes.every((h: any) => h.incomes.map((i: any) => i.year).join() === '2023,2022')).toBe(true);
    const wenbiStatus = demo.labour_status.filter((r) => r.area_code.startsWith(DEMO_AREAS.wenbi) && 2023 - Number(r.birth_date.slice(0, 4)) <= 60);
    const force = wenbiStatus.filter((r) => r.status === 'EMPLOYED' || r.status === 'UNEMPLOYED_SEEKING');
    expect(area.employmentIndicators).toMatchObject({
      workingAgePopulation: wenbiStatus.length,
      labourForce: force.length,
      employed: force.filter((r) => r.status === 'EMPLOYED').length,
      householdsSurveyed: households.totalCount,
    });
    expect(area.employmentIndicators.employmentRate).toBeGreaterThan(0.85);
    expect(Math.round(area.employmentIndicators.meanPerCapitaNetIncome)).toBe(15_000);
  });

  describe('jurisdiction', () => {
    it('lists only the officer’s county', async () => {
      const res = await env.query(qiaojia, `{ placements(first: 200) { totalCount nodes { countyCode } } labourStatuses { totalCount }
        incomeSurveys { totalCount } trainingEnrolments { totalCount } employers(first: 200) { nodes { countyCode } } }`);
      expect(res.errors).toBeUndefined();
      const d = res.data;
      expect(d.placements.totalCount).toBe(demo.placement.filter(inCounty(DEMO_AREAS.qiaojia)).length);
      expect(d.labourStatuses.totalCount).toBe(demo.labour_status.filter(inCounty(DEMO_AREAS.qiaojia)).length);
      expect(d.incomeSurveys.totalCount).toBe(demo.income_survey.filter(inCounty(DEMO_AREAS.qiaojia)).length);
      expect(d.trainingEnrolments.totalCount).toBe(demo.training_enrolment.filter(inCounty(DEMO_AREAS.qiaojia)).length);
      expect(new Set([...d.placements.nodes, ...d.employers.nodes].map((n: any) => n.countyCode))).toEqual(new Set([DEMO_AREAS.qiaojia]));
    });

    it('narrows the prefecture’s indicators to the caller’s county, and refuses another county’s', async () => {
      const q = 'query ($c: String!) { area(code: $c) { employmentIndicators(year: 2023) { workingAgePopulation employed publicWelfarePostsFilled trainingPersonTimes householdsSurveyed meanPerCapitaNetIncome } } }';
      const asCounty = await env.query(qiaojia, q, { c: '530600' });
      const county = await env.query(prefecture, q, { c: DEMO_AREAS.qiaojia });
      const whole = await env.query(prefecture, q, { c: '530600' });
      expect(asCounty.errors).toBeUndefined();
      expect(asCounty.data.area.employmentIndicators).toEqual(county.data.area.employmentIndicators);
      expect(whole.data.area.employmentIndicators.workingAgePopulation).toBeGreaterThan(county.data.area.employmentIndicators.workingAgePopulation);
      const other = await env.querySubgraphAs('employment', qiaojia, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea { employmentIndicators(year: 2023) { employed } } } }',
        { r: [{ __typename: 'AdminArea', code: DEMO_AREAS.suijiang }] });
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(other.data._entities).toEqual([null]);
    });

    it('refuses another county’s records by id and through _entities', async () => {
      const placement = demo.placement.find(inCounty(DEMO_AREAS.suijiang))!;
      const status = demo.labour_status.find(inCounty(DEMO_AREAS.suijiang))!;
      const survey = demo.income_survey.find(inCounty(DEMO_AREAS.suijiang))!;
      const enrolment = demo.training_enrolment.find(inCounty(DEMO_AREAS.suijiang))!;
      const employer = demo.employer.find(inCounty(DEMO_AREAS.suijiang))!;
      const byId = await env.query(qiaojia, `query ($p: ID!, $s: ID!, $i: ID!, $e: ID!, $m: ID!) { placement(id: $p) { id } labourStatus(id: $s) { id }
        incomeSurvey(id: $i) { id } employer(id: $m) { id } enrolment: trainingEnrolments(filter: { areaCode: "${DEMO_AREAS.suijiang}" }) { totalCount } x: placement(id: $e) { id } }`,
        { p: placement.id, s: status.id, i: survey.id, e: enrolment.id, m: employer.id });
      expect(byId.data?.placement ?? null).toBeNull();
      expect(byId.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      const own = await env.query(suijiang, 'query ($p: ID!) { placement(id: $p) { type } }', { p: placement.id });
      expect(own.data.placement.type).toBe(placement.type);
      const reps = [
        { __typename: 'EmploymentPlacement', id: placement.id }, { __typename: 'LabourStatusRecord', id: status.id },
        { __typename: 'HouseholdIncomeSurvey', id: survey.id }, { __typename: 'JobTrainingEnrolment', id: enrolment.id },
        { __typename: 'Employer', id: employer.id },
      ];
      const res = await env.querySubgraphAs('employment', qiaojia, 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: reps });
      expect(res.data._entities).toEqual([null, null, null, null, null]);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      const person = await env.querySubgraphAs('employment', qiaojia, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { placements { id } trainings { id } } ... on Household { incomes { year } } } }',
        { r: [{ __typename: 'Person', id: placement.person_id }, { __typename: 'Household', id: survey.household_id }] });
      expect(person.data._entities).toEqual([null, null]);
      expect(person.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  });

  it('withholds wages and incomes from analysts, and reports the officer’s full reads to the gateway', async () => {
    const placement = demo.placement.find((p) => p.monthly_wage !== null && p.county_code === DEMO_AREAS.qiaojia)!;
    const survey = demo.income_survey.find(inCounty(DEMO_AREAS.qiaojia))!;
    const query = 'query ($p: ID!, $s: ID!) { placement(id: $p) { monthlyWage } incomeSurvey(id: $s) { netIncome perCapitaNetIncome year } }';
    const officer = await env.querySubgraphAs('employment', qiaojia, query, { p: placement.id, s: survey.id });
    expect(officer.data).toEqual({ placement: { monthlyWage: placement.monthly_wage }, incomeSurvey: { netIncome: survey.net_income, perCapitaNetIncome: survey.per_capita_net_income, year: survey.year } });
    // the two root fields resolve side by side: their reads come in either order
    const byType = (a: { type: string }, b: { type: string }) => a.type.localeCompare(b.type);
    expect([...officer.extensions?.fullReads].sort(byType)).toEqual([
      { type: 'EmploymentPlacement', id: placement.id, areaCode: placement.area_code, fields: ['monthlyWage'] },
      { type: 'HouseholdIncomeSurvey', id: survey.id, areaCode: survey.area_code, fields: ['netIncome', 'perCapitaNetIncome'] },
    ]);
    const analyst = await env.querySubgraphAs('employment', DEMO_IDENTITIES.analyst, query, { p: placement.id, s: survey.id });
    expect(analyst.data).toEqual({ placement: { monthlyWage: null }, incomeSurvey: { netIncome: null, perCapitaNetIncome: null, year: survey.year } });
    expect(analyst.extensions?.fullReads).toBeUndefined();
  });

  describe('SQL statements do not grow with page size', () => {
    const HOUSEHOLDS = `query ($n: Int!) { households(first: $n) { nodes { incomes { year perCapitaNetIncome }
      members { name labourStatus { status } placements { type employer { name } } trainings { courseKind session { startsOn course { name } } } } } } }`;

    // 50 and 200 households both hold trainees (so the session and course loaders run in both)
    it('households(first: 50|200) with members’ employment fields', async () => {
      const fifty = await statementsFor(HOUSEHOLDS, { n: 50 });
      const twoHundred = await statementsFor(HOUSEHOLDS, { n: 200 });
      expect(twoHundred).toBe(fifty);
      expect(fifty).toBeLessThanOrEqual(10);
      console.log(`[${engine}] employment statements for households(first: 50|200){members{labourStatus placements trainings{session{course}}} incomes}: ${fifty} | ${twoHundred}`);
    });

    it('placements(first: 10|100) with employers and areas’ indicators', async () => {
      const q = 'query ($n: Int!) { placements(first: $n) { nodes { type employer { name } person { labourStatus { status } } } } areas(level: COUNTY) { employmentIndicators(year: 2023) { employed } } }';
      await statementsFor(q, { n: 1 }); // the indicators are kept from here on (data-version.ts): both runs below alike
      const ten = await statementsFor(q, { n: 10 });
      const hundred = await statementsFor(q, { n: 100 });
      expect(hundred).toBe(ten);
      console.log(`[${engine}] employment statements for placements(first: 10|100){employer person{labourStatus}} + 6 counties' indicators: ${ten} | ${hundred}`);
    });

    it('an _entities call with 100 persons costs a small constant', async () => {
      const reps = demo.labour_status.slice(0, 100).map((r) => ({ __typename: 'Person', id: r.person_id }));
      const before = env.statements('employment');
      const res = await env.querySubgraphAs('employment', prefecture, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { labourStatus { status } placements { type } trainings { id } } } }', { r: reps });
      const used = env.statements('employment') - before;
      expect(res.errors).toBeUndefined();
      expect(res.data._entities.every((e: any) => e.labourStatus !== null)).toBe(true);
      expect(used).toBeLessThanOrEqual(3);
      console.log(`[${engine}] employment _entities with 100 persons (labourStatus, placements, trainings): ${used} SQL statements`);
    });
  });
});
