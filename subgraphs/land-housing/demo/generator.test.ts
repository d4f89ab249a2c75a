import { generateDemoData } from '../../households/demo/generator';
import { generateLandHousingData } from './generator';
import { describeLandHousingDemo } from './generator.checks';

describeLandHousingDemo(0.05, () => generateDemoData({ scale: 0.05 }));

describe('determinism', () => {
  it('gives equal rows for equal registries', () => {
    const registry = generateDemoData({ scale: 0.01 });
    expect(JSON.stringify(generateLandHousingData(registry, { scale: 0.01 }))).toBe(JSON.stringify(generateLandHousingData(registry, { scale: 0.01 })));
  });
});
