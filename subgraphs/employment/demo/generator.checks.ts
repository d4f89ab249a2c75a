import { DEMO_AREAS } from '../../households/demo/geography';
import type { DemoData } from '../../households/demo/rows';
import { EnrolmentStatus, LabourStatus, PlacementType, TrainingCourseKind } from '../employment.enums';
import { expectedEmploymentFigures, FIGURE_YEAR } from './figures';
import { generateEmploymentDemo, type EmploymentDemo } from './generator';

type Row = Record<string, any>;

/** The figures as the indicator queries define them, counted in the generated rows. */
function measure(demo: EmploymentDemo) {
  const yearEnd = `${FIGURE_YEAR}-12-31`;
  const inArea = (code: string) => (r: Row) => (r.area_code as string).startsWith(code);
  const employmentRate = (code: string) => {
    const force = demo.labour_status.filter(inArea(code)).filter((r) => {
      const age = FIGURE_YEAR - Number(r.birth_date.slice(0, 4));
      return age >= 16 && age <= 60 && [LabourStatus.EMPLOYED, LabourStatus.UNEMPLOYED_SEEKING].includes(r.status);
    });
    return force.filter((r) => r.status === LabourStatus.EMPLOYED).length / force.length;
  };
  const meanIncome = (code: string) => {
    const rows = demo.income_survey.filter(inArea(code)).filter((r) => r.year === FIGURE_YEAR);
    return rows.reduce((s, r) => s + r.net_income, 0) / rows.reduce((s, r) => s + r.household_size, 0);
  };
  const posts = new Set(demo.placement
    .filter((p) => p.type === PlacementType.PUBLIC_WELFARE_POST && p.start_date <= yearEnd && (!p.end_date || p.end_date >= yearEnd))
    .map((p) => p.person_id)).size;
  const enrolments = (kinds: TrainingCourseKind[]) => demo.training_enrolment.filter((e) => kinds.includes(e.course_kind)).length;
  return {
    posts,
    training: enrolments([TrainingCourseKind.PRACTICAL_TECHNOLOGY, TrainingCourseKind.VOCATIONAL_SKILL]),
    vocational: enrolments([TrainingCourseKind.VOCATIONAL_EDUCATION]),
    wenbiRate: employmentRate(DEMO_AREAS.wenbi),
    wenbiIncome: Math.round(meanIncome(DEMO_AREAS.wenbi)),
    qiujiayuIncome: meanIncome(DEMO_AREAS.qiujiayu),
  };
}

/**
 * What the generated employment rows must hold at any scale: the generator's tests run these at
 * small scales (`generator.test.ts`, `npm test`) and at full scale (`generator.full.test.ts`, `npm run test:full`).
 */
export function describeEmploymentDemo(scale: number, generate: () => DemoData | Promise<DemoData>): void {
  describe(`employment demo at scale ${scale}`, () => {
    let registry: DemoData;
    let demo: EmploymentDemo;
    beforeAll(async () => {
      registry = await generate();
      demo = generateEmploymentDemo(registry, { scale });
    });
    const f = expectedEmploymentFigures(scale);

    it('reproduces the figures of DOMAIN.md', () => {
      const m = measure(demo);
      expect({ posts: m.posts, training: m.training, vocational: m.vocational }).toEqual({
        posts: f.prefecture.publicWelfarePostsFilled, training: f.prefecture.trainingPersonTimes, vocational: f.prefecture.vocationalEducation,
      });
      expect(m.wenbiRate).toBeGreaterThan(f.wenbi.minEmploymentRate);
      expect(m.wenbiIncome).toBe(f.wenbi.perCapitaNetIncome2023);
      expect(m.qiujiayuIncome).toBeGreaterThan(f.qiujiayu.minPerCapitaNetIncome2023);
    });

    it('builds every row on the registry: real persons and households, their areas, unique ids', () => {
      const persons = new Map(registry.persons.map((p) => [p.id, p]));
      const households = new Map(registry.households.map((h) => [h.id, h]));
      for (const table of ['labour_status', 'placement', 'training_enrolment'] as const) {
        const bad = demo[table].filter((r: Row) => {
          const p = persons.get(r.person_id);
          return !p || p.household_id !== r.household_id || p.area_code !== r.area_code || p.county_code !== r.county_code;
        });
        expect(bad).toEqual([]);
      }
      expect(demo.income_survey.filter((r: Row) => households.get(r.household_id)?.area_code !== r.area_code)).toEqual([]);
      for (const table of Object.keys(demo) as (keyof EmploymentDemo)[]) {
        expect(new Set(demo[table].map((r) => r.id)).size).toBe(demo[table].length);
      }
    });

    it('keeps placements consistent: one open full-time placement per employed person, ends after starts, no overlaps', () => {
      const open = new Map<string, number>();
      const byPerson = new Map<string, Row[]>();
      for (const p of demo.placement) {
        if (!p.end_date) open.set(p.person_id, (open.get(p.person_id) ?? 0) + 1);
        byPerson.set(p.person_id, [...(byPerson.get(p.person_id) ?? []), p]);
        if (p.end_date) expect(p.end_date >= p.start_date).toBe(true);
      }
      const employed = demo.labour_status.filter((r) => r.status === LabourStatus.EMPLOYED).map((r) => r.person_id);
      expect(employed.every((id) => open.get(id) === 1)).toBe(true);
      expect(open.size).toBe(employed.length);
      for (const list of byPerson.values()) {
        const sorted = [...list].sort((a, b) => (a.start_date < b.start_date ? -1 : 1));
        for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1].end_date < sorted[i].start_date).toBe(true);
      }
      const needsEmployer = demo.placement.filter((p) => [PlacementType.ASSISTANCE_WORKSHOP, PlacementType.LOCAL_ENTERPRISE, PlacementType.PUBLIC_WELFARE_POST].includes(p.type));
      expect(needsEmployer.every((p) => p.employer_id)).toBe(true);
      expect(demo.placement.filter((p) => p.type === PlacementType.LABOUR_EXPORT).every((p) => p.destination_province && !p.employer_id)).toBe(true);
    });

    it('fills sessions within capacity, enrols a person once per session, certifies completions only', () => {
      const sessions = new Map(demo.training_session.map((s) => [s.id, s]));
      const seats = new Map<string, number>();
      const pairs = new Set<string>();
      for (const e of demo.training_enrolment) {
        seats.set(e.session_id, (seats.get(e.session_id) ?? 0) + 1);
        pairs.add(`${e.session_id}|${e.person_id}`);
        if (e.certificate_no) expect(e.status).toBe(EnrolmentStatus.COMPLETED);
        expect(e.enrolled_on <= sessions.get(e.session_id)!.starts_on).toBe(true);
      }
      expect(pairs.size).toBe(demo.training_enrolment.length);
      expect([...seats].every(([id, n]) => n <= sessions.get(id)!.capacity)).toBe(true);
    });
  });
}
