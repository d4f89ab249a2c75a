import { generateDemoData } from '../../households/demo/generator';
import { EMPLOYMENT_FIGURES, expectedEmploymentFigures } from './figures';
import { generateEmploymentDemo } from './generator';
import { describeEmploymentDemo } from './generator.checks';

describe('expectedEmploymentFigures', () => {
  it('scales counts and keeps rates and incomes', () => {
    expect(expectedEmploymentFigures(1)).toEqual(EMPLOYMENT_FIGURES);
    expect(expectedEmploymentFigures(0.01).prefecture).toEqual({ publicWelfarePostsFilled: 20, trainingPersonTimes: 200, vocationalEducation: 10 });
    expect(expectedEmploymentFigures(0.01).wenbi).toEqual(EMPLOYMENT_FIGURES.wenbi);
    expect(() => expectedEmploymentFigures(0)).toThrow(RangeError);
  });
});

for (const scale of [0.01, 0.05]) describeEmploymentDemo(scale, () => generateDemoData({ scale }));

describe('determinism', () => {
  it('gives equal rows for equal inputs', () => {
    const registry = generateDemoData({ scale: 0.01 });
    expect(JSON.stringify(generateEmploymentDemo(registry, { scale: 0.01 }))).toBe(JSON.stringify(generateEmploymentDemo(registry, { scale: 0.01 })));
  });
});
