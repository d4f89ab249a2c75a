import { DEMO_IDENTITIES } from '../../gateway/demo-identities';
import { DEMO_AREAS } from '../../subgraphs/households/demo/geography';
import { expectedEmploymentFigures, FIGURE_YEAR } from '../../subgraphs/employment/demo/figures';
import type { FigureCheck } from './index';

/** The employment figures of DOMAIN.md, asked of the demo through the gateway. */
const FIGURES_QUERY = `query ($wenbi: String!, $qiujiayu: String!, $year: Int!) {
  prefecture: area(code: "530600") { employmentIndicators(year: $year) { publicWelfarePostsFilled } }
  wenbi: area(code: $wenbi) { name employmentIndicators(year: $year) { employmentRate meanPerCapitaNetIncome } }
  qiujiayu: area(code: $qiujiayu) { name employmentIndicators(year: $year) { meanPerCapitaNetIncome } }
  trainingStatistics { kind personTimes }
}`;

export const employmentFigures: FigureCheck = {
  title: 'the employment figures (Wenbi, Qiujiayu, public-welfare posts, training)',
  async run(env, scale) {
    const f = expectedEmploymentFigures(scale);
    const started = performance.now();
    const res = await env.query(DEMO_IDENTITIES.prefecture, FIGURES_QUERY, { wenbi: DEMO_AREAS.wenbi, qiujiayu: DEMO_AREAS.qiujiayu, year: FIGURE_YEAR });
    console.log(`[${env.engine}] employment figures query (prefecture + Wenbi + Qiujiayu indicators, training totals): ${(performance.now() - started).toFixed(0)} ms`);
    expect(res.errors).toBeUndefined();
    const d = res.data;
    const times = Object.fromEntries(d.trainingStatistics.map((t: { kind: string; personTimes: number }) => [t.kind, t.personTimes]));
    expect({
      publicWelfarePostsFilled: d.prefecture.employmentIndicators.publicWelfarePostsFilled,
      trainingPersonTimes: times.PRACTICAL_TECHNOLOGY + times.VOCATIONAL_SKILL,
      vocationalEducation: times.VOCATIONAL_EDUCATION,
    }).toEqual(f.prefecture);
    expect(d.wenbi.name).toBe('文笔社区');
    expect(d.wenbi.employmentIndicators.employmentRate).toBeGreaterThan(f.wenbi.minEmploymentRate);
    expect(Math.round(d.wenbi.employmentIndicators.meanPerCapitaNetIncome)).toBe(f.wenbi.perCapitaNetIncome2023);
    expect(d.qiujiayu.name).toBe('邱家屿社区');
    expect(d.qiujiayu.employmentIndicators.meanPerCapitaNetIncome).toBeGreaterThan(f.qiujiayu.minPerCapitaNetIncome2023);
    // the published values themselves, so that a change to the spec cannot pass silently
    const published = expectedEmploymentFigures(1);
    expect(published.prefecture.publicWelfarePostsFilled).toBeGreaterThan(2_000);
    expect(published.wenbi).toEqual({ minEmploymentRate: 0.85, perCapitaNetIncome2023: 15_000 });
    expect(published.qiujiayu.minPerCapitaNetIncome2023).toBe(11_000);
  },
};
