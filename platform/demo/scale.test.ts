import { assertScale, isDemoScale, MAX_DEMO_SCALE } from './scale';
import { expectedFigures } from '../../subgraphs/households/demo/figures';

describe('demo scale', () => {
  it('takes fractions of the prefecture up to ten times it, and nothing else', () => {
    for (const scale of [0.005, 1, 3, MAX_DEMO_SCALE]) expect(isDemoScale(scale)).toBe(true);
    for (const scale of [0, -1, 10.5, Number.NaN, Infinity]) expect(() => assertScale(scale)).toThrow(RangeError);
  });

  it('multiplies every scaled figure above 1, and keeps the area tree', () => {
    const one = expectedFigures(1);
    const ten = expectedFigures(10);
    expect(ten.prefecture.persons).toBe(one.prefecture.persons * 10);
    expect(ten.wenbi.households).toBe(one.wenbi.households * 10);
    expect(ten.wenbi.groups).toBe(one.wenbi.groups);
  });
});
