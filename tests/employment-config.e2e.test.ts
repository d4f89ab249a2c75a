import { DEMO_IDENTITIES } from '../gateway/demo-identities';
import { loadEmploymentConfig } from '../subgraphs/employment/employment.config';
import { startPlatform } from './platform';

const INDICATORS = '{ area(code: "530600") { employmentIndicators(year: 2023) { workingAgePopulation workingAgeMin workingAgeMax } } }';

async function indicatorsWith(env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const platform = await startPlatform('pglite', 0.01, ['households', 'employment']);
  try {
    const res = await platform.env.query(DEMO_IDENTITIES.prefecture, INDICATORS);
    expect(res.errors).toBeUndefined();
    return res.data.area.employmentIndicators;
  } finally {
    process.env = saved;
    await platform.env.close();
  }
}

describe('working age is configurable', () => {
  it('refuses settings that make no sense, naming them', () => {
    expect(() => loadEmploymentConfig({ WORKING_AGE_MIN: 'x' })).toThrow(/WORKING_AGE_MIN/);
    expect(() => loadEmploymentConfig({ WORKING_AGE_MIN: '50', WORKING_AGE_MAX: '40' })).toThrow(/must not exceed/);
    expect(loadEmploymentConfig({})).toEqual({ workingAge: { min: 16, max: 60 } });
  });

  it('counts a smaller working-age population when the upper bound is lowered', async () => {
    const standard = await indicatorsWith({});
    const narrower = await indicatorsWith({ WORKING_AGE_MAX: '45' });
    expect(standard).toMatchObject({ workingAgeMin: 16, workingAgeMax: 60 });
    expect(narrower).toMatchObject({ workingAgeMin: 16, workingAgeMax: 45 });
    expect(narrower.workingAgePopulation).toBeGreaterThan(0);
    expect(narrower.workingAgePopulation).toBeLessThan(standard.workingAgePopulation);
  });
});
